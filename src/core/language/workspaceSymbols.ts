import type { IndexQueries } from '../index/indexQueries';
import type { Location } from './types';

export interface WorkspaceSymbol {
  /** "CHK-1 Buy with one click". */
  readonly name: string;
  readonly kind: 'requirement';
  /** The PR/FAQ's title. */
  readonly containerName: string;
  /** The definition's line (heading or list item). */
  readonly location: Location;
}

function isSubsequence(query: string, text: string): boolean {
  let at = 0;
  for (const c of text) if (c === query[at]) at++;
  return at === query.length;
}

/** 0-3 for a match on the ID (prefix, substring, subsequence), 4-5 on the title, undefined for none. */
function matchRank(query: string, id: string, title: string): number | undefined {
  if (query === '') return 0;
  if (id.startsWith(query)) return 0;
  if (id.includes(query)) return 1;
  if (isSubsequence(query, id)) return 2;
  if (title.includes(query)) return 4;
  if (isSubsequence(query, title)) return 5;
  return undefined;
}

/**
 * Requirements whose ID or title contains the query, or the query's characters in order
 * (case-insensitive). Matches on the ID come first, then matches on the title; within a rank,
 * in URI and document order.
 */
export function workspaceSymbols(index: IndexQueries, query: string): WorkspaceSymbol[] {
  const q = query.trim().toLowerCase();
  const hits: Array<{ symbol: WorkspaceSymbol; rank: number; order: number }> = [];
  for (const prfaq of index.prfaqs()) {
    for (const requirement of prfaq.requirements) {
      const rank = matchRank(q, requirement.id.toLowerCase(), requirement.title.toLowerCase());
      if (rank === undefined) continue;
      hits.push({
        rank,
        order: hits.length,
        symbol: {
          name: requirement.title ? `${requirement.id} ${requirement.title}` : requirement.id,
          kind: 'requirement',
          containerName: prfaq.title,
          location: { uri: prfaq.uri, range: requirement.range },
        },
      });
    }
  }
  return hits.sort((a, b) => a.rank - b.rank || a.order - b.order).map((h) => h.symbol);
}
