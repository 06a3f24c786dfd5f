import type { FindingRuleOf } from '../findingRule';

/**
 * Stable codes of OpenFastTrace reading and deep tracing: configuration files and CI filters
 * depend on these strings. Documented in docs/format.md § 11 and § 14.
 */
export const TraceCode = {
  outdatedCoverage: 'outdated-coverage',
  unwantedCoverage: 'unwanted-coverage',
  malformedOft: 'malformed-oft',
  oftDifference: 'oft-difference',
} as const;

export type TraceCodeValue = (typeof TraceCode)[keyof typeof TraceCode];

export type TraceRule = FindingRuleOf<TraceCodeValue>;

export const traceRules: readonly TraceRule[] = [
  { code: TraceCode.outdatedCoverage, defaultSeverity: 'warning', description: 'A Covers: entry or source tag names another revision of an item than the one defined (OpenFastTrace: outdated or predated coverage); the message names the current revision.' },
  { code: TraceCode.unwantedCoverage, defaultSeverity: 'warning', description: 'An OpenFastTrace item or source tag covers an item that does not need its artifact type (OpenFastTrace: unwanted coverage).' },
  { code: TraceCode.malformedOft, defaultSeverity: 'warning', description: 'Something that looks like an OpenFastTrace ID, Covers: entry, Needs: list or source tag cannot be read; the message says what OpenFastTrace expects.' },
  { code: TraceCode.oftDifference, defaultSeverity: 'info', description: 'OpenFastTrace itself reads this line differently from prfaq-trace (an inline or numbered Covers: list, several IDs on one Covers: bullet); the message says how.' },
];
