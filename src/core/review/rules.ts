import type { FindingRuleOf } from '../findingRule';

/**
 * Stable codes of review stamps and sign-off: configuration files and CI filters depend on these
 * strings. Documented in docs/format.md § 11. All but the malformed block default to info, so
 * adopting stamps never fails a build by itself; `check --require-review` and
 * `--require-approval` are the gates.
 */
export const ReviewCode = {
  suspectCoverage: 'suspect-coverage',
  unusedReviewStamp: 'unused-review-stamp',
  staleApproval: 'stale-approval',
  coveringSectionChanged: 'covering-section-changed',
  missingApproval: 'missing-approval',
  malformedSignOff: 'malformed-sign-off',
} as const;

export type ReviewCodeValue = (typeof ReviewCode)[keyof typeof ReviewCode];

export type ReviewRule = FindingRuleOf<ReviewCodeValue>;

export const reviewRules: readonly ReviewRule[] = [
  { code: ReviewCode.suspectCoverage, defaultSeverity: 'info', description: 'A Covers: entry whose requirement changed after the entry was reviewed (or, with requireReview, that was never reviewed).' },
  { code: ReviewCode.unusedReviewStamp, defaultSeverity: 'info', description: 'A review stamp that matches no Covers: entry of its section.' },
  { code: ReviewCode.staleApproval, defaultSeverity: 'info', description: 'A co-owner approved the document and it changed afterwards: that co-owner must look again.' },
  { code: ReviewCode.coveringSectionChanged, defaultSeverity: 'info', description: 'A design section that covered a PR/FAQ requirement when the PR/FAQ was approved has changed since.' },
  { code: ReviewCode.missingApproval, defaultSeverity: 'info', description: 'With requireApproval: a document that is not approved yet (draft or partially approved), naming the missing roles.' },
  { code: ReviewCode.malformedSignOff, defaultSeverity: 'warning', description: 'A prfaq-review or prfaq-approval comment does not follow the format; it is kept as it is and ignored.' },
];
