import type { IndexQueries } from '../index/indexQueries';
import type { RequirementDefinition } from '../index/workspaceIndex';
import type { DocModel, Range } from '../model';
import { coOwnersLabel } from '../owners/labels';
import { escapeBlock, escapeInline, lineLink } from './markdownText';
import type { Location } from './types';

/** A design section (or a whole design doc, for a declaration before its first heading) covering a requirement. */
export interface CoveringSection {
  readonly doc: DocModel;
  readonly sectionIndex: number;
  /** "Design title › Section heading", or the design title alone. */
  readonly label: string;
  /** The section heading, or the first declaration when it covers at document level. */
  readonly location: Location;
}

/** The definition that counts (the first by URI, then position), if any PR/FAQ defines the ID. */
export function canonicalDefinition(index: IndexQueries, id: string): RequirementDefinition | undefined {
  return index.definitions(id)[0];
}

/** Sections covering an ID, one per section however many declarations it has, in URI and document order. */
export function coveringSections(index: IndexQueries, id: string): CoveringSection[] {
  const out: CoveringSection[] = [];
  const seen = new Set<string>();
  for (const { doc, cover, section } of index.coverage(id)) {
    const key = `${doc.uri}#${cover.sectionIndex}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const range: Range = section ? section.range : cover.range;
    out.push({
      doc,
      sectionIndex: cover.sectionIndex,
      label: section ? `${doc.title} › ${section.heading}` : doc.title,
      location: { uri: doc.uri, range },
    });
  }
  return out;
}

export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** One markdown line with the status: covered (with the count), waived (with the reason) or uncovered. */
export function statusMarkdown(index: IndexQueries, id: string): string {
  const status = index.status(id);
  if (status === 'covered') return `**Status:** covered by ${countLabel(coveringSections(index, id).length, 'section')}`;
  if (status === 'suspect') return `**Status:** suspect: covered by ${countLabel(coveringSections(index, id).length, 'section')}, none reviewed since the requirement last changed`;
  if (status === 'waived') {
    const reason = index.waiverReason(id);
    return `**Status:** waived${reason ? `: ${escapeInline(reason)}` : ''}`;
  }
  return '**Status:** uncovered: no design section declares it in `Covers:`';
}

export interface CardOptions {
  /** List the covering sections as links (hover); completion documentation leaves them out. */
  readonly coverage: boolean;
}

/** The markdown that describes a requirement: ID and title, text, PR/FAQ and co-owners, status. */
export function requirementMarkdown(index: IndexQueries, definition: RequirementDefinition, options: CardOptions): string {
  const { doc, requirement } = definition;
  const id = requirement.id;
  const parts: string[] = [];
  parts.push(requirement.title ? `**${escapeInline(id)}** · ${escapeInline(requirement.title)}` : `**${escapeInline(id)}**`);
  // A list item's text is often its title again: say it once.
  const text = requirement.text.trim() === requirement.title ? '' : escapeBlock(requirement.text);
  if (text) parts.push(text);
  parts.push(`PR/FAQ: ${lineLink(doc.title, doc.uri, requirement.idRange.start.line)} · ${escapeInline(coOwnersLabel(doc))}`);
  parts.push(statusMarkdown(index, id));
  if (options.coverage) {
    const sections = coveringSections(index, id);
    if (sections.length > 0) parts.push(sections.map((s) => `- ${lineLink(s.label, s.location.uri, s.location.range.start.line)}`).join('\n'));
  }
  return parts.join('\n\n');
}
