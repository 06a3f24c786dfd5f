import type { OwnersReport } from './report';

const roleLabels: Readonly<Record<string, string>> = { pm: 'PM', engineer: 'Eng' };

/** "PM Priya Raman · Eng @marco.lee · designer @ana" */
export function ownersLine(owners: OwnersReport): string {
  const parts = Object.entries(owners).map(([role, people]) => `${roleLabels[role] ?? role} ${people.join(', ')}`);
  return parts.length > 0 ? parts.join(' · ') : 'no owners';
}
