import type { IndexQueries } from '../index/indexQueries';

/**
 * Edit distance with adjacent transpositions (optimal string alignment, the restricted
 * Damerau-Levenshtein distance): `CKH-1` is one edit from `CHK-1`.
 */
export function idDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    const row = d[i] as number[];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** `CHK-12` → { prefix: 'CHK-', number: 12 }; `feat~x~2` → { prefix: 'feat~x~', number: 2 }. */
function splitId(id: string): { prefix: string; number: number | undefined } {
  const match = /^(.*?)(\d+)$/.exec(id);
  return match ? { prefix: match[1] ?? '', number: Number(match[2]) } : { prefix: id, number: undefined };
}

/** Suggestions further than this are noise: two edits, or a third of the ID's length for long IDs. */
export function maxSuggestionDistance(id: string): number {
  return Math.max(2, Math.floor(id.length / 3));
}

/**
 * The defined IDs nearest to an unknown one, best first: by distance, then those with the
 * same prefix (`CHK-`), then the nearest number, then alphabetically. At most `n`, none
 * further than `maxSuggestionDistance`.
 */
export function closestIds(index: IndexQueries, unknownId: string, n = 3): string[] {
  const wanted = splitId(unknownId);
  const limit = maxSuggestionDistance(unknownId);
  return index
    .requirementIds()
    .filter((id) => id !== unknownId)
    .map((id) => {
      const parts = splitId(id);
      return {
        id,
        distance: idDistance(unknownId, id),
        samePrefix: parts.prefix === wanted.prefix ? 0 : 1,
        numeric: parts.number !== undefined && wanted.number !== undefined ? Math.abs(parts.number - wanted.number) : Number.POSITIVE_INFINITY,
      };
    })
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.samePrefix - b.samePrefix || a.numeric - b.numeric || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, n))
    .map((c) => c.id);
}
