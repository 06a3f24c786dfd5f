import type { IndexQueries } from '../index/indexQueries';
import type { Approval, DocModel } from '../model';
import { CO_OWNER_ROLES, peopleInRole } from '../owners/roles';
import { samePerson } from '../owners/whoAmI';
import { latest } from './reviewState';

/**
 * `draft`: nobody approved. `partially-approved`: every approval is current but a required role
 * has none. `approved`: every required role has a current approval and none is stale. `stale`: an
 * approval no longer matches (the document, or a design section a PR/FAQ approval recorded, changed).
 */
export type ApprovalStateName = 'draft' | 'partially-approved' | 'approved' | 'stale';

/** A recorded covering section that no longer reads as it did when the approval was given. */
export interface ChangedCoverage {
  readonly id: string;
  readonly target: string;
  readonly path: string;
  readonly anchor?: string;
  /** The design doc as it is now (absent when it is gone). */
  readonly design?: DocModel;
  /** Index of the section in `design` (absent when gone, or for a document-level declaration). */
  readonly sectionIndex?: number;
  readonly gone: boolean;
}

export interface ApprovalView {
  readonly approval: Approval;
  /** The document has not changed since (and, for a PR/FAQ, neither have the covering sections it recorded). */
  readonly current: boolean;
  readonly documentChanged: boolean;
  readonly changedCoverage: readonly ChangedCoverage[];
}

export interface ApprovalStatus {
  readonly state: ApprovalStateName;
  /** The latest approval of each person, in document order. */
  readonly approvals: readonly ApprovalView[];
  /** Required roles without a current approval by someone named in them. */
  readonly missing: readonly string[];
}

/** Covering sections recorded by `approval` that changed since (the section's or the design doc's fingerprint differs, or it is gone). */
export function changedCoverage(index: IndexQueries, approval: Approval): ChangedCoverage[] {
  const out: ChangedCoverage[] = [];
  for (const entry of approval.coverage) {
    const design = index.get(entry.target);
    const base = { id: entry.id, target: entry.target, path: entry.path, ...(entry.anchor !== undefined ? { anchor: entry.anchor } : {}) };
    if (!design) {
      out.push({ ...base, gone: true });
      continue;
    }
    if (entry.anchor === undefined) {
      if (design.fingerprint !== entry.fingerprint) out.push({ ...base, design, gone: false });
      continue;
    }
    const sectionIndex = design.sections.findIndex((s) => s.slug === entry.anchor);
    const section = design.sections[sectionIndex];
    if (!section) out.push({ ...base, design, gone: true });
    else if (section.fingerprint !== entry.fingerprint) out.push({ ...base, design, sectionIndex, gone: false });
  }
  return out;
}

/** The document's sign-off state from its approvals, its co-owners and (for PR/FAQs) the covering sections they recorded. */
export function approvalStatus(index: IndexQueries, doc: DocModel): ApprovalStatus {
  const byPerson = new Map<string, Approval[]>();
  for (const approval of doc.approvals) {
    const key = [...byPerson.keys()].find((person) => samePerson(person, approval.person)) ?? approval.person;
    byPerson.set(key, [...(byPerson.get(key) ?? []), approval]);
  }
  const chosen = new Set([...byPerson.values()].map((list) => latest(list) as Approval));
  const approvals = doc.approvals
    .filter((approval) => chosen.has(approval))
    .map((approval): ApprovalView => {
      const documentChanged = approval.fingerprint !== doc.fingerprint;
      const changed = changedCoverage(index, approval);
      return { approval, current: !documentChanged && changed.length === 0, documentChanged, changedCoverage: changed };
    });
  // A document needs its co-owners' approval; other roles may approve too.
  const missing = CO_OWNER_ROLES.filter(
    (role) => !approvals.some((view) => view.current && peopleInRole(doc, role).some((person) => samePerson(person, view.approval.person))),
  );
  let state: ApprovalStateName = 'approved';
  if (approvals.length === 0) state = 'draft';
  else if (approvals.some((view) => !view.current)) state = 'stale';
  else if (missing.length > 0) state = 'partially-approved';
  return { state, approvals, missing };
}

/** "approved", "partially approved", … for people. */
export function approvalStateLabel(state: ApprovalStateName): string {
  return state.replace('-', ' ');
}
