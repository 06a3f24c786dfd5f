import type { IndexQueries } from '../index/indexQueries';
import type { CoverEntry, DocModel } from '../model';
import { approvalStatus, type ApprovalStateName } from './approvalState';
import { entryReview, type EntryReview } from './reviewState';

/** `approval` of a document in the JSON report. */
export interface ApprovalReport {
  readonly state: ApprovalStateName;
  readonly approvals: ReadonlyArray<{ readonly person: string; readonly role: string; readonly at: string; readonly current: boolean }>;
  readonly missing: readonly string[];
}

/** The review fields of one `coveredBy` entry in the JSON report. */
export interface CoverageReviewReport {
  readonly review: EntryReview;
  /** Who stamped it and when (the stamp that decides), when there is a stamp. */
  readonly reviewedBy?: string;
  readonly reviewedAt?: string;
}

export function approvalReport(index: IndexQueries, doc: DocModel): ApprovalReport {
  const status = approvalStatus(index, doc);
  return {
    state: status.state,
    approvals: status.approvals.map(({ approval, current }) => ({ person: approval.person, role: approval.role, at: approval.at, current })),
    missing: status.missing,
  };
}

export function coverageReviewReport(design: DocModel, cover: CoverEntry, fingerprint: string | undefined): CoverageReviewReport {
  const { review, stamp } = entryReview(design, cover, fingerprint);
  return { review, ...(stamp ? { reviewedBy: stamp.reviewer, reviewedAt: stamp.at } : {}) };
}
