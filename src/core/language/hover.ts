import type { IndexQueries } from '../index/indexQueries';
import type { DocModel, Position, Range } from '../model';
import { isOftId } from '../trace/oftId';
import { closestIds } from './closestIds';
import { idAt } from './idAt';
import { escapeInline, lineLink } from './markdownText';
import { requirementMarkdown } from './requirementInfo';
import { workspaceLabel } from './workspaceLabel';

export interface Hover {
  readonly range: Range;
  /** Markdown; every piece of document text in it is escaped. */
  readonly markdown: string;
}

/**
 * The hover over a requirement ID: the requirement, its PR/FAQ and co-owners, its status and
 * the sections covering it (as links that open at the section's line). An ID in `Covers:` or
 * `waived:` that nothing defines gets a hover saying so, with the nearest defined IDs; a
 * mention of an undefined ID (`UTF-8`, `SHA-256`) gets none.
 */
export function hoverFor(index: IndexQueries, doc: DocModel, position: Position): Hover | undefined {
  const hit = idAt(doc, position, index);
  if (!hit) return undefined;
  const definitions = index.definitions(hit.id);
  const [canonical] = definitions;
  if (!canonical) {
    if (hit.role !== 'cover' && hit.role !== 'waiver') return undefined;
    const parts = [`**${escapeInline(hit.id)}** · no ${isOftId(hit.id) ? 'PR/FAQ or design doc' : 'PR/FAQ'} in the workspace defines this ID`];
    // Another revision of the same OFT item: OpenFastTrace's outdated (or predated) coverage.
    const revisions = index.otherRevisions(hit.id);
    if (revisions.length > 0) parts.push(`**${escapeInline(revisions[revisions.length - 1] ?? '')}** is the current revision: this coverage is outdated`);
    const suggestions = revisions.length > 0 ? [] : closestIds(index, hit.id);
    if (suggestions.length > 0) parts.push(`Did you mean ${suggestions.map((id) => `**${escapeInline(id)}**`).join(', ')}?`);
    return { range: hit.range, markdown: parts.join('\n\n') };
  }
  let markdown = requirementMarkdown(index, canonical, { coverage: true });
  if (definitions.length > 1) {
    const places = definitions.map(({ doc: d, requirement }) =>
      lineLink(`${workspaceLabel(index, d.uri)}:${requirement.idRange.start.line + 1}`, d.uri, requirement.idRange.start.line),
    );
    markdown += `\n\n**Defined ${definitions.length} times** (IDs must be unique): ${places.join(', ')}`;
  }
  return { range: hit.range, markdown };
}
