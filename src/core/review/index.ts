/** Review stamps, fingerprints and co-owner sign-off: host-free, plain data in and out. */
export { fnv1a64 } from './fnv';
export { normaliseText, plainText } from './plainText';
export { fingerprintOf } from './fingerprint';
export {
  approvalProblem,
  isoNow,
  parseSignOffLines,
  serializeApprovalLines,
  serializeStamp,
  stampProblem,
  type ApprovalData,
  type ApprovedCoverage,
  type StampData,
} from './signOffFormat';
export { countsAsSuspect, entryReview, stampsFor, type EntryReview, type EntryReviewState } from './reviewState';
export {
  approvalStateLabel,
  approvalStatus,
  changedCoverage,
  type ApprovalStateName,
  type ApprovalStatus,
  type ApprovalView,
  type ChangedCoverage,
} from './approvalState';
export { approvalReport, coverageReviewReport, type ApprovalReport, type CoverageReviewReport } from './reviewReport';
export { approvalLabel, approvalSummary } from './reviewText';
export { approveEdits, markReviewedEdits, removeApprovalEdit, removeStampEdit } from './signOffEdits';
export { approvalRefusal, coverageNow, newApproval, newStamp } from './newSignOffs';
export { requirementSource } from './requirementSource';
export { findReviewedText, type FileHistory, type FileVersion, type ReviewedText } from './history';
export { lineDiff, type DiffLine } from './lineDiff';
export { ReviewCode } from './rules';
export { reviewGateFailures, type ReviewGates } from './gates';
