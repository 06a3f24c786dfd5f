import type { Report } from '../report/report';
import { approvalStateLabel } from './approvalState';

export interface ReviewGates {
  /** `check --require-review`: every coverage entry must be reviewed against the requirement as it reads now. */
  readonly requireReview?: boolean;
  /** `check --require-approval`: every PR/FAQ and design doc must be approved by its co-owners. */
  readonly requireApproval?: boolean;
}

function listed(items: readonly string[], max = 5): string {
  return items.length > max ? `${items.slice(0, max).join(', ')}, … (${items.length - max} more)` : items.join(', ');
}

/** Why the gates fail the run, one reason per gate (empty when they pass or are off). */
export function reviewGateFailures(report: Report, gates: ReviewGates): string[] {
  const out: string[] = [];
  if (gates.requireReview) {
    const entries = report.prfaqs.flatMap((p) => p.requirements.flatMap((r) => r.coveredBy.filter((c) => c.review !== 'current').map((c) => `${r.id} in ${c.path} › ${c.section} (${c.review})`)));
    if (entries.length > 0) out.push(`${entries.length} coverage entr${entries.length === 1 ? 'y is' : 'ies are'} stale or not reviewed (--require-review): ${listed(entries)}`);
  }
  if (gates.requireApproval) {
    const docs = [...report.prfaqs, ...report.designs].filter((d) => d.approval.state !== 'approved').map((d) => `${d.path} (${approvalStateLabel(d.approval.state)})`);
    if (docs.length > 0) out.push(`${docs.length} document${docs.length === 1 ? ' is' : 's are'} not approved (--require-approval): ${listed(docs)}`);
  }
  return out;
}
