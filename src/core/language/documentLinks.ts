import type { IndexQueries } from '../index/indexQueries';
import type { DocModel, Range } from '../model';
import { containsRange } from './positions';
import type { Location } from './types';

export interface DocumentLink {
  readonly range: Range;
  /** The canonical definition's ID range; the host opens `uri` at that line. */
  readonly target: Location;
  readonly tooltip: string;
}

/**
 * A link on every Covers entry whose ID is defined, to its definition. Entries written as a
 * markdown link (`- [CHK-3](prfaq.md#chk-3)`) already are links and get none.
 */
export function documentLinks(index: IndexQueries, doc: DocModel): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const cover of doc.covers) {
    if (doc.anchorLinks.some((link) => containsRange(link.range, cover.range))) continue;
    const definition = index.definitions(cover.id)[0];
    if (!definition) continue;
    const { doc: prfaq, requirement } = definition;
    out.push({
      range: cover.range,
      target: { uri: prfaq.uri, range: requirement.idRange },
      tooltip: requirement.title ? `${requirement.id}: ${requirement.title} (${prfaq.title})` : `${requirement.id} (${prfaq.title})`,
    });
  }
  return out;
}
