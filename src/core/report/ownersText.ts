import { ownersLabel } from '../owners/labels';
import type { OwnersReport } from './report';

/** "PM Priya Raman · Eng @marco.lee · designer @ana": every role of the report, in its order. */
export function ownersLine(owners: OwnersReport): string {
  return ownersLabel(Object.entries(owners).map(([role, people]) => ({ role, people })));
}
