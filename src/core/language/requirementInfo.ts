import type { IndexQueries } from '../index/indexQueries';
import type { RequirementDefinition } from '../index/workspaceIndex';
import type { DocModel, Range } from '../model';
import { coOwnersLabel } from '../owners/labels';
import { traceSummary } from '../trace/coverage';
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
    // Each source tag is its own covering place; a section is one however many entries it has.
    const source = doc.kind === 'source';
    const key = `${doc.uri}#${source ? `L${cover.range.start.line}:${cover.type}` : cover.sectionIndex}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const range: Range = section ? section.range : cover.range;
    const label = source ? `${doc.title}:${cover.range.start.line + 1} [${cover.type}]` : section ? `${doc.title} › ${section.heading}` : doc.title;
    out.push({
      doc,
      sectionIndex: cover.sectionIndex,
      label: cover.by !== undefined && !source ? `${label} (${cover.by})` : label,
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
  const [definition] = index.definitions(id);
  const trace = index.trace(id);
  // OpenFastTrace items say their levels: the types they need and those covered.
  if (trace && definition && definition.requirement.type !== 'prfaq') {
    const levels = trace.needs.length === 0 ? 'needs nothing (terminating)' : escapeInline(traceSummary(id, trace).slice(id.length + 1));
    if (status === 'waived') return `**Status:** waived${index.waiverReason(id) ? `: ${escapeInline(index.waiverReason(id) ?? '')}` : ''} · ${levels}`;
    return `**Status:** ${status} · ${levels}`;
  }
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
  const where = doc.kind === 'prfaq' ? 'PR/FAQ' : doc.kind === 'design' ? 'Design doc' : 'Source';
  parts.push(`${where}: ${lineLink(doc.title, doc.uri, requirement.idRange.start.line)}${doc.kind === 'source' ? '' : ` · ${escapeInline(coOwnersLabel(doc))}`}`);
  const fields = [
    requirement.tags.length > 0 ? `Tags: ${escapeInline(requirement.tags.join(', '))}` : '',
    requirement.depends.length > 0 ? `Depends: ${escapeInline(requirement.depends.join(', '))}` : '',
    requirement.status ? `Status: ${requirement.status}` : '',
  ].filter(Boolean);
  if (fields.length > 0) parts.push(fields.join(' · '));
  parts.push(statusMarkdown(index, id));
  if (options.coverage) {
    const sections = coveringSections(index, id);
    if (sections.length > 0) parts.push(sections.map((s) => `- ${lineLink(s.label, s.location.uri, s.location.range.start.line)}`).join('\n'));
  }
  return parts.join('\n\n');
}
