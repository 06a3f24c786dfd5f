import { escapeCommentText, unescapeCommentText } from '../comments/threadFormat';

/**
 * Review stamps and approvals stored in the markdown as HTML comments: invisible when rendered,
 * one line per reviewed requirement (merge-friendly), readable and editable by hand.
 *
 *   <!-- prfaq-review CHK-3 3f2a9c1b7d4e6f01 @marco.lee at 2026-11-25T10:00:00Z -->
 *
 *   <!-- prfaq-approval pm 9c1d0e4b2a3f5e67 Priya Raman <priya@example.com> at 2026-11-25T10:00:00Z -->
 *
 * A PR/FAQ approval also lists the design sections that covered the PR/FAQ when it was given,
 * one per line (`<requirement> <path relative to the PR/FAQ>[#<section anchor>] <fingerprint>`):
 *
 *   <!-- prfaq-approval engineer 9c1d0e4b2a3f5e67 @marco.lee at 2026-11-25T10:05:00Z
 *   CHK-1 ../design/checkout-service.md#order-placement-path 0123456789abcdef
 *   -->
 *
 * Only this canonical form parses, so parse → serialize gives back the same bytes. People and
 * paths may hold any text: `-->` is stored with one more backslash, as in comment threads.
 */

export interface StampData {
  /** The requirement ID reviewed. */
  readonly id: string;
  /** The requirement's fingerprint when it was reviewed. */
  readonly fingerprint: string;
  readonly reviewer: string;
  /** ISO 8601 time, as written. */
  readonly at: string;
}

/** A design section (or a whole design doc) that covered a requirement when a PR/FAQ was approved. */
export interface ApprovedCoverage {
  readonly id: string;
  /** The design doc, relative to the approved document. */
  readonly path: string;
  /** The section's anchor; absent when the declaration covers the design doc as a whole. */
  readonly anchor?: string;
  /** The section's (or the design doc's) fingerprint then. */
  readonly fingerprint: string;
}

export interface ApprovalData {
  /** The co-owner role the person approved as (`pm`, `engineer`, …). */
  readonly role: string;
  /** The document's fingerprint when it was approved. */
  readonly fingerprint: string;
  readonly person: string;
  readonly at: string;
  readonly coverage: readonly ApprovedCoverage[];
}

export const SIGN_OFF_OPENER = /^<!-- prfaq-(?:review|approval)(?:\s|$)/;
const FINGERPRINT = '[0-9a-f]{16}';
const TIME = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})';
const ISO_TIME = new RegExp(`^${TIME}$`);
const FINGERPRINT_ONLY = new RegExp(`^${FINGERPRINT}$`);
const STAMP_LINE = new RegExp(`^<!-- prfaq-review (\\S+) (${FINGERPRINT}) (\\S.*) at (${TIME}) -->$`);
const APPROVAL_LINE = new RegExp(`^<!-- prfaq-approval (\\S+) (${FINGERPRINT}) (\\S.*) at (${TIME})( -->)?$`);
const COVERAGE_LINE = new RegExp(`^(\\S+) (\\S.*?)(?:#(\\S*))? (${FINGERPRINT})$`);

export type ParsedSignOff =
  | { readonly ok: true; readonly stamp: StampData }
  | { readonly ok: true; readonly approval: ApprovalData }
  | { readonly ok: false; readonly problem: string };

/** Parses one block's lines (no terminators, indentation removed) that SIGN_OFF_OPENER matched. */
export function parseSignOffLines(lines: readonly string[]): ParsedSignOff {
  const first = lines[0] ?? '';
  if (first.startsWith('<!-- prfaq-review')) {
    const match = STAMP_LINE.exec(first);
    if (!match || lines.length !== 1) return { ok: false, problem: 'a review stamp is one line "<!-- prfaq-review <ID> <16 hex digits> <reviewer> at <ISO time> -->"' };
    return { ok: true, stamp: { id: match[1] as string, fingerprint: match[2] as string, reviewer: unescapeCommentText(match[3] as string), at: match[4] as string } };
  }
  const match = APPROVAL_LINE.exec(first);
  if (!match) return { ok: false, problem: 'an approval starts "<!-- prfaq-approval <role> <16 hex digits> <person> at <ISO time>"' };
  const oneLine = match[5] !== undefined;
  if (oneLine !== (lines.length === 1)) {
    return { ok: false, problem: oneLine ? 'a one-line approval ends with " -->" and has nothing after it' : 'an approval that lists covering sections ends with a line "-->"' };
  }
  const coverage: ApprovedCoverage[] = [];
  if (!oneLine) {
    if (lines[lines.length - 1] !== '-->' || lines.length < 3) return { ok: false, problem: 'an approval that lists covering sections ends with a line "-->" after at least one section' };
    for (let i = 1; i < lines.length - 1; i++) {
      const line = COVERAGE_LINE.exec(lines[i] as string);
      if (!line) return { ok: false, problem: `line ${i + 1} of the approval is not "<requirement> <path>[#<anchor>] <16 hex digits>"` };
      coverage.push({
        id: line[1] as string,
        path: unescapeCommentText(line[2] as string),
        ...(line[3] !== undefined ? { anchor: line[3] } : {}),
        fingerprint: line[4] as string,
      });
    }
  }
  return {
    ok: true,
    approval: { role: match[1] as string, fingerprint: match[2] as string, person: unescapeCommentText(match[3] as string), at: match[4] as string, coverage },
  };
}

function personProblem(person: string, what: string): string | undefined {
  if (!/^\S/.test(person) || /[\r\n]/.test(person)) return `${what} is one line of text, not starting with a space`;
  return undefined;
}

/** Why a stamp cannot be written in the canonical form, or undefined. */
export function stampProblem(stamp: StampData): string | undefined {
  if (!/^\S+$/.test(stamp.id) || stamp.id.includes('--')) return `"${stamp.id}" cannot be stamped (an ID without spaces or "--")`;
  if (!FINGERPRINT_ONLY.test(stamp.fingerprint)) return `"${stamp.fingerprint}" is not a fingerprint (16 hex digits)`;
  if (!ISO_TIME.test(stamp.at)) return `"${stamp.at}" is not an ISO 8601 time`;
  return personProblem(stamp.reviewer, 'a reviewer');
}

/** Why an approval cannot be written in the canonical form, or undefined. */
export function approvalProblem(approval: ApprovalData): string | undefined {
  if (!/^\S+$/.test(approval.role) || approval.role.includes('--')) return `the role "${approval.role}" cannot be written in an approval (no spaces or "--")`;
  if (!FINGERPRINT_ONLY.test(approval.fingerprint)) return `"${approval.fingerprint}" is not a fingerprint (16 hex digits)`;
  if (!ISO_TIME.test(approval.at)) return `"${approval.at}" is not an ISO 8601 time`;
  for (const entry of approval.coverage) {
    if (!/^\S+$/.test(entry.id) || !FINGERPRINT_ONLY.test(entry.fingerprint) || !/^\S/.test(entry.path) || /[\r\n#]/.test(entry.path) || /\s$/.test(entry.path)) {
      return `the covering section ${entry.path}#${entry.anchor ?? ''} (${entry.id}) cannot be recorded`;
    }
    if (entry.anchor !== undefined && !/^\S*$/.test(entry.anchor)) return `the anchor "${entry.anchor}" cannot be recorded`;
  }
  return personProblem(approval.person, 'a person');
}

/** The stamp's one line (no indentation, no terminator). Throws on a stamp `stampProblem` rejects. */
export function serializeStamp(stamp: StampData): string {
  const problem = stampProblem(stamp);
  if (problem) throw new Error(problem);
  return `<!-- prfaq-review ${stamp.id} ${stamp.fingerprint} ${escapeCommentText(stamp.reviewer)} at ${stamp.at} -->`;
}

/** The approval's lines (no indentation, no terminators). Throws on an approval `approvalProblem` rejects. */
export function serializeApprovalLines(approval: ApprovalData): string[] {
  const problem = approvalProblem(approval);
  if (problem) throw new Error(problem);
  const head = `<!-- prfaq-approval ${approval.role} ${approval.fingerprint} ${escapeCommentText(approval.person)} at ${approval.at}`;
  if (approval.coverage.length === 0) return [`${head} -->`];
  return [
    head,
    ...approval.coverage.map((c) => `${c.id} ${escapeCommentText(c.path)}${c.anchor !== undefined ? `#${c.anchor}` : ''} ${c.fingerprint}`),
    '-->',
  ];
}

/** Now as an ISO time to the second (`2026-11-25T10:00:00Z`), the form stamps and approvals are written in. */
export function isoNow(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
