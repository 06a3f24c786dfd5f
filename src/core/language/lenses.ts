import type { IndexQueries } from '../index/indexQueries';
import type { DocModel, Range } from '../model';
import { countLabel, coveringSections } from './requirementInfo';
import type { Location } from './types';

export interface RequirementLens {
  readonly range: Range;
  /** "covered by 2 sections", "not covered", "waived: <reason>". */
  readonly title: string;
  /** The covering sections (their headings), for a "show references" command. */
  readonly locations: readonly Location[];
}

/**
 * One lens per requirement of a PR/FAQ, on its heading or list item line, and per OpenFastTrace
 * item of a design doc; an OFT item's lens says its levels ("impl ✔ · utest ✘ · covered by 1 item").
 */
export function requirementLenses(index: IndexQueries, doc: DocModel): RequirementLens[] {
  if (doc.kind === 'source') return [];
  return doc.requirements.map((requirement) => {
    const status = index.status(requirement.id);
    const trace = requirement.type === 'prfaq' ? undefined : index.trace(requirement.id);
    if (trace) {
      const covering = coveringSections(index, requirement.id);
      const by = covering.length > 0 ? `covered by ${countLabel(covering.length, coveringNoun(index, requirement.id))}` : '';
      // A terminating item (no Needs:) says so only when nothing covers it.
      const levels = trace.needs.length === 0 ? (by ? '' : 'needs nothing') : trace.needs.map((type) => `${type} ${trace.coveredTypes.includes(type) ? '✔' : '✘'}`).join(' · ');
      const reason = status === 'waived' ? index.waiverReason(requirement.id) : undefined;
      const waived = status === 'waived' ? `waived${reason ? `: ${reason}` : ''}` : status === 'suspect' ? 'suspect: not reviewed since it changed' : '';
      return { range: requirement.range, title: [levels, by, waived].filter(Boolean).join(' · '), locations: covering.map((s) => s.location) };
    }
    const sections = status === 'covered' || status === 'suspect' ? coveringSections(index, requirement.id) : [];
    let title = 'not covered';
    if (status === 'covered') title = `covered by ${countLabel(sections.length, 'section')}`;
    if (status === 'suspect') title = `suspect: covered by ${countLabel(sections.length, 'section')}, not reviewed since it changed`;
    if (status === 'waived') {
      const reason = index.waiverReason(requirement.id);
      title = reason ? `waived: ${reason}` : 'waived';
    }
    return { range: requirement.range, title, locations: sections.map((s) => s.location) };
  });
}

/** What covers an ID, as one word: sections (design sections' own lines), tags (source files) or items. */
function coveringNoun(index: IndexQueries, id: string): string {
  const entries = index.coverage(id);
  if (entries.every(({ doc }) => doc.kind === 'source')) return 'tag';
  if (entries.every(({ doc, cover }) => doc.kind === 'design' && cover.by === undefined)) return 'section';
  return 'item';
}

export interface SectionLens {
  readonly range: Range;
  /** "covers CHK-1, CHK-2". */
  readonly title: string;
}

/**
 * One lens per design section that declares coverage itself (not through subsections), on its
 * heading. Declarations before the first heading cover the document as a whole: no lens.
 */
export function sectionLenses(doc: DocModel): SectionLens[] {
  if (doc.kind !== 'design') return [];
  const bySection = new Map<number, string[]>();
  for (const cover of doc.covers) {
    if (cover.sectionIndex < 0) continue;
    const ids = bySection.get(cover.sectionIndex) ?? [];
    if (!ids.includes(cover.id)) ids.push(cover.id);
    bySection.set(cover.sectionIndex, ids);
  }
  return [...bySection.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([sectionIndex, ids]) => {
      const section = doc.sections[sectionIndex];
      return section ? [{ range: section.range, title: `covers ${ids.join(', ')}` }] : [];
    });
}
