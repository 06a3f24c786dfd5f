import { finding } from '../findings';
import type { IndexQueries } from '../index/indexQueries';
import { documentRelativePath } from '../text/uri';
import type { DocModel, Finding } from '../model';
import { coOwnerPeople, rolesOf } from '../owners/roles';
import { approvalStatus, type ChangedCoverage } from './approvalState';
import { entryReview } from './reviewState';
import { ReviewCode } from './rules';

function day(at: string): string {
  return at.slice(0, 10);
}

/** `suspect-coverage` on stale (and, with requireReview, unreviewed) entries; `unused-review-stamp` on stamps no entry uses. */
function coverageFindings(doc: DocModel, index: IndexQueries): Finding[] {
  const out: Finding[] = [];
  const used = new Set<object>();
  if (doc.kind === 'design') {
    for (const cover of doc.covers) {
      const [definition] = index.definitions(cover.id);
      if (!definition) continue;
      const { review, stamp } = entryReview(doc, cover, definition.requirement.fingerprint);
      for (const s of doc.reviewStamps) if (s.sectionIndex === cover.sectionIndex && s.id === cover.id) used.add(s);
      if (review === 'stale' && stamp) {
        out.push(
          finding(
            ReviewCode.suspectCoverage,
            doc.uri,
            cover.range,
            `${cover.id} changed after ${stamp.reviewer} reviewed this coverage on ${day(stamp.at)}: check that the section still covers it, then mark it reviewed`,
            cover.id,
          ),
        );
      } else if (review === 'unreviewed' && index.reviewRequired) {
        out.push(finding(ReviewCode.suspectCoverage, doc.uri, cover.range, `coverage of ${cover.id} has not been reviewed (requireReview): mark it reviewed once the section covers it`, cover.id));
      }
    }
  }
  for (const stamp of doc.reviewStamps) {
    if (used.has(stamp)) continue;
    const why = doc.kind === 'design' ? `no "Covers: ${stamp.id}" in this section uses it` : 'review stamps belong beside Covers: declarations in design docs';
    out.push(finding(ReviewCode.unusedReviewStamp, doc.uri, stamp.range, `review stamp for ${stamp.id} counts for nothing: ${why}; remove it`, stamp.id));
  }
  return out;
}

/** "design/x.md › Fraud screening (owner @jun)" as seen from the approved document. */
function sectionLabel(doc: DocModel, changed: ChangedCoverage): string {
  const where = documentRelativePath(doc.uri, changed.target);
  const section = changed.design && changed.sectionIndex !== undefined ? changed.design.sections[changed.sectionIndex] : undefined;
  if (!changed.design) return `${where} (no longer in the workspace)`;
  if (changed.anchor !== undefined && !section) return `${where}#${changed.anchor} (renamed or removed)`;
  const owners = section?.owners.length
    ? `owner ${section.owners.join(', ')}`
    : `co-owners ${coOwnerPeople(changed.design).join(', ') || 'none named'}`;
  return `${where} › ${section?.heading ?? changed.design.title} (${owners})`;
}

/** `stale-approval` on approvals the document outgrew; `covering-section-changed` for covering sections a PR/FAQ approval recorded. */
function approvalFindings(doc: DocModel, index: IndexQueries): Finding[] {
  const out: Finding[] = [];
  const status = approvalStatus(index, doc);
  const sections = new Map<string, { changed: ChangedCoverage; approvers: string[] }>();
  for (const view of status.approvals) {
    const { approval } = view;
    const as = `${approval.person} (${approval.role})`;
    if (view.documentChanged) {
      const still = rolesOf(doc, approval.person).length > 0 ? '' : ` (${approval.person} is no longer a co-owner)`;
      out.push(
        finding(
          ReviewCode.staleApproval,
          doc.uri,
          approval.range,
          `approved by ${as} on ${day(approval.at)}, and the document changed since: ${approval.person} must look again and approve${still}`,
          approval.person,
        ),
      );
    }
    for (const changed of view.changedCoverage) {
      const key = `${changed.id}\u0000${changed.target}\u0000${changed.anchor ?? ''}`;
      const entry = sections.get(key) ?? { changed, approvers: [] };
      entry.approvers.push(as);
      sections.set(key, entry);
    }
  }
  if (index.approvalRequired && (status.state === 'draft' || status.state === 'partially-approved')) {
    const missing = status.missing.join(' and ');
    out.push(finding(ReviewCode.missingApproval, doc.uri, doc.owners.range, `not approved yet (requireApproval): the ${missing} co-owner${status.missing.length === 1 ? '' : 's'} must approve`));
  }
  for (const { changed, approvers } of sections.values()) {
    const requirement = doc.requirements.find((r) => r.id === changed.id);
    const range = requirement?.idRange ?? status.approvals[0]?.approval.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const what = changed.gone ? 'is gone' : 'changed';
    out.push(
      finding(
        ReviewCode.coveringSectionChanged,
        doc.uri,
        range,
        `${sectionLabel(doc, changed)}, which covered ${changed.id} when ${approvers.join(' and ')} approved, ${what} since: look at it and approve again`,
        changed.id,
      ),
    );
  }
  return out;
}

/** Findings about review stamps and sign-off, derived from the workspace (see rules.ts). */
export function reviewFindings(doc: DocModel, index: IndexQueries): Finding[] {
  return [...coverageFindings(doc, index), ...approvalFindings(doc, index)];
}
