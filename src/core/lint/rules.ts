import type { FindingRuleOf } from '../findingRule';

/**
 * Stable codes of the PR/FAQ structure lint (and `no-requirements`): configuration files and
 * CI filters depend on these strings. Every rule is documented in docs/format.md § 11.1.
 */
export const StructureCode = {
  noRequirements: 'no-requirements',
  missingPressRelease: 'missing-press-release',
  missingHeadline: 'missing-headline',
  missingSubheading: 'missing-subheading',
  subheadingNotOneSentence: 'subheading-not-one-sentence',
  missingSummary: 'missing-summary',
  summaryWithoutDateline: 'summary-without-dateline',
  missingProblem: 'missing-problem',
  missingSolution: 'missing-solution',
  missingLeaderQuote: 'missing-leader-quote',
  missingGettingStarted: 'missing-getting-started',
  missingCustomerQuote: 'missing-customer-quote',
  missingCallToAction: 'missing-call-to-action',
  missingExternalFaq: 'missing-external-faq',
  missingInternalFaq: 'missing-internal-faq',
  faqWithoutQuestions: 'faq-without-questions',
  pressReleaseTooLong: 'press-release-too-long',
  faqTooLong: 'faq-too-long',
  weaselWord: 'weasel-word',
} as const;

export type StructureCodeValue = (typeof StructureCode)[keyof typeof StructureCode];

export type StructureRule = FindingRuleOf<StructureCodeValue>;

const info = 'info' as const;

/** Every structure rule; all default to info so adopting the tool never fails a build on style. */
export const structureRules: readonly StructureRule[] = [
  { code: StructureCode.noRequirements, defaultSeverity: info, description: 'A PR/FAQ defines no requirement, so nothing in it can be covered or tracked.' },
  { code: StructureCode.missingPressRelease, defaultSeverity: info, description: 'A PR/FAQ that has an FAQ has no press release.' },
  { code: StructureCode.missingHeadline, defaultSeverity: info, description: 'The press release has no headline.' },
  { code: StructureCode.missingSubheading, defaultSeverity: info, description: 'The press release has no subheading under its headline.' },
  { code: StructureCode.subheadingNotOneSentence, defaultSeverity: info, description: 'The press release subheading is longer than one sentence.' },
  { code: StructureCode.missingSummary, defaultSeverity: info, description: 'The press release has no summary paragraph.' },
  { code: StructureCode.summaryWithoutDateline, defaultSeverity: info, description: 'The press release summary does not open with the place and the launch date.' },
  { code: StructureCode.missingProblem, defaultSeverity: info, description: 'The press release does not state the customer problem.' },
  { code: StructureCode.missingSolution, defaultSeverity: info, description: 'The press release does not describe the solution.' },
  { code: StructureCode.missingLeaderQuote, defaultSeverity: info, description: 'The press release has no quote from a leader of the company.' },
  { code: StructureCode.missingGettingStarted, defaultSeverity: info, description: 'The press release does not say how to get started.' },
  { code: StructureCode.missingCustomerQuote, defaultSeverity: info, description: 'The press release has no customer quote.' },
  { code: StructureCode.missingCallToAction, defaultSeverity: info, description: 'The press release does not close with a call to action.' },
  { code: StructureCode.missingExternalFaq, defaultSeverity: info, description: 'A PR/FAQ that has a press release has no external (customer) FAQ.' },
  { code: StructureCode.missingInternalFaq, defaultSeverity: info, description: 'A PR/FAQ that has a press release has no internal FAQ.' },
  { code: StructureCode.faqWithoutQuestions, defaultSeverity: info, description: 'An FAQ part holds no question.' },
  { code: StructureCode.pressReleaseTooLong, defaultSeverity: info, description: 'The press release is longer than its word budget (about one page).' },
  { code: StructureCode.faqTooLong, defaultSeverity: info, description: 'The FAQs together are longer than their word budget (about five pages).' },
  { code: StructureCode.weaselWord, defaultSeverity: info, description: 'The press release uses a weasel word where data would say more.' },
];
