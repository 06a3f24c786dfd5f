import type { IndexQueries } from '../index/indexQueries';
import type { Range } from '../model';
import type { IdRole, Location } from './types';
import { waiverIdRange } from './waiverKey';

export interface Occurrence extends Location {
  readonly role: IdRole;
}

/**
 * Every place the workspace names an ID, from the index alone: definitions, Covers entries,
 * waiver keys (the ID inside the key), mentions and links to the requirement's anchors (the
 * whole link). Not sorted.
 */
export function occurrencesOf(index: IndexQueries, id: string): Occurrence[] {
  const out: Occurrence[] = [];
  const push = (uri: string, range: Range, role: IdRole) => out.push({ uri, range, role });
  for (const { doc, requirement } of index.definitions(id)) push(doc.uri, requirement.idRange, 'definition');
  for (const { doc, cover } of index.coverage(id)) push(doc.uri, cover.range, 'cover');
  // The index keeps no waiver-by-ID lookup that is public; waivers are few, so scan them.
  for (const doc of index.documents()) {
    for (const waiver of doc.waivers) if (waiver.id === id) push(doc.uri, waiverIdRange(waiver), 'waiver');
  }
  for (const reference of index.references(id)) push(reference.uri, reference.range, reference.kind);
  return out;
}
