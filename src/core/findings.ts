import { StructureCode, structureRules } from './lint/rules';
import type { Finding, Range, Severity } from './model';
import { ReviewCode, reviewRules } from './review/rules';
import { TraceCode, traceRules } from './trace/rules';
import type { FindingRuleOf } from './findingRule';

/** Stable finding codes: tools and configuration files depend on these strings. */
export const FindingCode = {
  uncoveredRequirement: 'uncovered-requirement',
  unknownRequirement: 'unknown-requirement',
  duplicateRequirement: 'duplicate-requirement',
  missingCoOwner: 'missing-co-owner',
  invalidFrontmatter: 'invalid-frontmatter',
  unresolvedPrfaqLink: 'unresolved-prfaq-link',
  misplacedSectionOwner: 'misplaced-section-owner',
  emptySectionOwner: 'empty-section-owner',
  fileTooLarge: 'file-too-large',
  parseFailed: 'parse-failed',
  unreadableFile: 'unreadable-file',
  malformedCommentThread: 'malformed-comment-thread',
  duplicateCommentThread: 'duplicate-comment-thread',
  ...StructureCode,
  ...ReviewCode,
  ...TraceCode,
} as const;

export type FindingCodeValue = (typeof FindingCode)[keyof typeof FindingCode];

export type FindingRule = FindingRuleOf<FindingCodeValue>;

export const findingRules: readonly FindingRule[] = [
  { code: FindingCode.uncoveredRequirement, defaultSeverity: 'warning', description: 'A requirement that is not covered by every artifact type it needs (a PR/FAQ requirement: by a design section; an OpenFastTrace item: by each type of its Needs:), and that is not waived.' },
  { code: FindingCode.unknownRequirement, defaultSeverity: 'error', description: 'A Covers: entry, source tag or waiver names a requirement ID that no PR/FAQ or design doc defines.' },
  { code: FindingCode.duplicateRequirement, defaultSeverity: 'error', description: 'A requirement ID is defined more than once in the workspace.' },
  { code: FindingCode.missingCoOwner, defaultSeverity: 'warning', description: 'A PR/FAQ or design doc does not name both co-owners (owners.pm and owners.engineer).' },
  { code: FindingCode.invalidFrontmatter, defaultSeverity: 'error', description: 'The frontmatter is not valid YAML, not a map, not YAML at all, or a field has the wrong type.' },
  { code: FindingCode.unresolvedPrfaqLink, defaultSeverity: 'error', description: 'A design doc\'s prfaq: path does not resolve to a PR/FAQ in the workspace.' },
  { code: FindingCode.misplacedSectionOwner, defaultSeverity: 'warning', description: 'An owner comment that is not the first thing after a heading assigns nothing.' },
  { code: FindingCode.emptySectionOwner, defaultSeverity: 'warning', description: 'An owner comment names nobody.' },
  { code: FindingCode.fileTooLarge, defaultSeverity: 'info', description: 'The file is larger than the size limit and was not parsed.' },
  { code: FindingCode.malformedCommentThread, defaultSeverity: 'warning', description: 'A prfaq-thread comment block does not follow the thread format; it is kept as it is and not shown as a thread.' },
  { code: FindingCode.duplicateCommentThread, defaultSeverity: 'warning', description: 'Two or more comment threads in one document have the same ID; the editor changes none of them until each has its own.' },
  { code: FindingCode.parseFailed, defaultSeverity: 'error', description: 'The document could not be parsed within the limits (time budget, nesting depth).' },
  { code: FindingCode.unreadableFile, defaultSeverity: 'error', description: 'A file or folder under the scanned paths could not be listed or read (permissions, removed during the scan, a path too long); what it holds is not analysed.' },
  ...structureRules,
  ...reviewRules,
  ...traceRules,
];

export const defaultSeverities: Readonly<Record<string, Severity>> = Object.fromEntries(
  findingRules.map((rule) => [rule.code, rule.defaultSeverity]),
);

export function finding(
  code: FindingCodeValue,
  uri: string,
  range: Range,
  message: string,
  subject?: string,
): Finding {
  const base = { code, severity: defaultSeverities[code] ?? 'error', message, uri, range };
  return subject === undefined ? base : { ...base, subject };
}
