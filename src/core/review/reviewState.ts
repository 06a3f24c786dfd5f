import type { CoverEntry, DocModel, ReviewStamp } from '../model';

/**
 * Whether a `Covers:` entry was reviewed against the requirement as it reads now:
 * `current` (a stamp holds the requirement's fingerprint), `stale` (stamps exist, none holds it:
 * the requirement changed after the review) or `unreviewed` (no stamp).
 */
export type EntryReview = 'current' | 'stale' | 'unreviewed';

export interface EntryReviewState {
  readonly review: EntryReview;
  /** The stamp that decides: the matching one when current, else the latest. */
  readonly stamp?: ReviewStamp;
}

/** The stamps that apply to one entry: same section, same ID, in document order. */
export function stampsFor(doc: DocModel, sectionIndex: number, id: string): ReviewStamp[] {
  return doc.reviewStamps.filter((stamp) => stamp.sectionIndex === sectionIndex && stamp.id === id);
}

function timeOf(stamp: { readonly at: string }): number {
  const ms = Date.parse(stamp.at);
  return Number.isNaN(ms) ? -Infinity : ms;
}

/** The latest of some stamps or approvals by time; the later one in the file on a tie. */
export function latest<T extends { readonly at: string }>(items: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const item of items) if (!best || timeOf(item) >= timeOf(best)) best = item;
  return best;
}

/** The review state of `cover` (an entry of `doc`) against the requirement's current fingerprint. */
export function entryReview(doc: DocModel, cover: CoverEntry, fingerprint: string | undefined): EntryReviewState {
  const stamps = stampsFor(doc, cover.sectionIndex, cover.id);
  const stamp = latest(stamps);
  if (!stamp) return { review: 'unreviewed' };
  const matching = fingerprint === undefined ? undefined : latest(stamps.filter((s) => s.fingerprint === fingerprint));
  return matching ? { review: 'current', stamp: matching } : { review: 'stale', stamp };
}

/** Whether an entry in this state makes coverage suspect: stale always, unreviewed when the configuration requires review. */
export function countsAsSuspect(review: EntryReview, requireReview: boolean): boolean {
  return review === 'stale' || (requireReview && review === 'unreviewed');
}
