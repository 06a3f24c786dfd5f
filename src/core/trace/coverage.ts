import type { CoverEntry, DocModel, Requirement } from '../model';

/**
 * OpenFastTrace's shallow coverage: an item is covered when every artifact type it needs has at
 * least one covering entry of that type. An OFT item without `Needs:` is terminating (needs
 * nothing). This project's forms need `design`, which any Covers entry of a design doc gives
 * (a design section, or an OFT item standing in one).
 */
export interface Trace {
  readonly needs: readonly string[];
  /** Needed types that are covered, in the order of `needs`. */
  readonly coveredTypes: readonly string[];
  readonly uncoveredTypes: readonly string[];
  /** Types of the covering entries that are not needed (OFT: unwanted coverage), sorted. */
  readonly otherTypes: readonly string[];
}

export interface CoveringEntry {
  readonly doc: DocModel;
  readonly cover: CoverEntry;
}

/** Whether an entry of `doc` gives the needed type. */
export function givesType(doc: DocModel, cover: CoverEntry, type: string): boolean {
  return cover.type === type || (type === 'design' && doc.kind === 'design');
}

export function traceOf(requirement: Requirement, entries: readonly CoveringEntry[]): Trace {
  const needs = requirement.needs;
  const coveredTypes = needs.filter((type) => entries.some(({ doc, cover }) => givesType(doc, cover, type)));
  const uncoveredTypes = needs.filter((type) => !coveredTypes.includes(type));
  const otherTypes = [...new Set(entries.filter(({ doc, cover }) => !needs.some((type) => givesType(doc, cover, type))).map(({ cover }) => cover.type))].sort();
  return { needs, coveredTypes, uncoveredTypes, otherTypes };
}

/** What kind of artifact an entry is, for reports: a design doc's, a PR/FAQ's, or a source file's. */
export function coveringKind(doc: DocModel): 'design' | 'prfaq' | 'source' {
  return doc.kind;
}

/** "dsn~x~1 needs impl, utest; covered: impl" */
export function traceSummary(id: string, trace: Trace): string {
  return `${id} needs ${trace.needs.join(', ')}; covered: ${trace.coveredTypes.join(', ') || 'none'}`;
}
