import type { IndexQueries } from '../index/indexQueries';
import type { DocModel, Position, Range } from '../model';
import { resolveAnchorLink } from './anchors';
import { containsPosition } from './positions';
import type { IdRole } from './types';
import { waiverIdRange } from './waiverKey';

export interface IdAtPosition {
  readonly id: string;
  /** The ID token (for a link: the whole link). */
  readonly range: Range;
  readonly role: IdRole;
  /** Index into the document's sections of where the ID stands (-1 before the first heading or in frontmatter). */
  readonly sectionIndex: number;
}

/**
 * The requirement ID under the cursor, from the model's ranges alone: Covers entries, waiver
 * keys, definitions, mentions, then links to a requirement anchor (resolved through `index`
 * when given; without it only same-document links resolve). Both ends of a range count.
 */
export function idAt(doc: DocModel, position: Position, index?: IndexQueries): IdAtPosition | undefined {
  for (const cover of doc.covers) {
    if (containsPosition(cover.range, position)) return { id: cover.id, range: cover.range, role: 'cover', sectionIndex: cover.sectionIndex };
  }
  for (const waiver of doc.waivers) {
    const range = waiverIdRange(waiver);
    if (containsPosition(range, position)) return { id: waiver.id, range, role: 'waiver', sectionIndex: -1 };
  }
  for (const requirement of doc.requirements) {
    if (containsPosition(requirement.idRange, position)) {
      return { id: requirement.id, range: requirement.idRange, role: 'definition', sectionIndex: requirement.sectionIndex };
    }
  }
  for (const mention of doc.mentions) {
    if (containsPosition(mention.range, position)) return { id: mention.id, range: mention.range, role: 'mention', sectionIndex: mention.sectionIndex };
  }
  for (const link of doc.anchorLinks) {
    if (!containsPosition(link.range, position)) continue;
    const linked = resolveAnchorLink(link, doc, index);
    if (linked) return { id: linked.requirement.id, range: link.range, role: 'link', sectionIndex: link.sectionIndex };
  }
  return undefined;
}
