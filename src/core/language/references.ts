import type { IndexQueries } from '../index/indexQueries';
import type { DocModel, Position } from '../model';
import { idAt } from './idAt';
import { occurrencesOf } from './occurrences';
import { sortedUniqueLocations } from './positions';
import type { Location } from './types';

/**
 * Find references: Covers entries, waiver keys, mentions and anchor links of the ID under the
 * cursor across the workspace, plus its definitions when `includeDeclaration`. Deduplicated,
 * sorted by URI and position.
 */
export function referencesFor(index: IndexQueries, doc: DocModel, position: Position, includeDeclaration: boolean): Location[] {
  const hit = idAt(doc, position, index);
  if (!hit) return [];
  const locations = occurrencesOf(index, hit.id)
    .filter((o) => includeDeclaration || o.role !== 'definition')
    .map(({ uri, range }) => ({ uri, range }));
  return sortedUniqueLocations(locations);
}
