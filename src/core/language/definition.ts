import type { IndexQueries } from '../index/indexQueries';
import type { DocModel, Position } from '../model';
import { idAt } from './idAt';
import type { Location } from './types';

/** Go to definition: every definition of the ID under the cursor (the canonical one first). */
export function definitionsFor(index: IndexQueries, doc: DocModel, position: Position): Location[] {
  const hit = idAt(doc, position, index);
  if (!hit) return [];
  return index.definitions(hit.id).map(({ doc: d, requirement }) => ({ uri: d.uri, range: requirement.idRange }));
}
