import type { ApprovalReport } from './reviewReport';
import { approvalStateLabel, type ApprovalStatus } from './approvalState';

/** "Priya Raman (pm)" */
function who(approval: ApprovalReport['approvals'][number]): string {
  return `${approval.person} (${approval.role})`;
}

/**
 * One line on a document's sign-off for people, or undefined for a draft (so reports of
 * documents nobody approved stay as they were): "approved by A (pm), B (engineer)",
 * "partially approved by A (pm); missing engineer", "stale: A (pm) must look again".
 */
export function approvalSummary(approval: ApprovalReport): string | undefined {
  const current = approval.approvals.filter((a) => a.current).map(who);
  const stale = approval.approvals.filter((a) => !a.current).map(who);
  const missing = approval.missing.length > 0 ? `missing ${approval.missing.join(', ')}` : '';
  switch (approval.state) {
    case 'draft':
      return undefined;
    case 'approved':
      return `approved by ${current.join(', ')}`;
    case 'partially-approved':
      return `${approvalStateLabel(approval.state)} by ${current.join(', ')}; ${missing}`;
    case 'stale': {
      // Roles whose approval went stale are "must look again", not "missing".
      const unasked = approval.missing.filter((role) => !approval.approvals.some((a) => !a.current && a.role === role));
      return `stale: ${stale.join(', ')} must look again${current.length > 0 ? `; still current: ${current.join(', ')}` : ''}${unasked.length > 0 ? `; missing ${unasked.join(', ')}` : ''}`;
    }
  }
}

/** " (stale)" after a covering section whose review no longer matches the requirement. */
export function reviewSuffix(entry: { readonly review: string }): string {
  return entry.review === 'stale' ? ' (stale)' : '';
}

/** "approved", "partially approved: missing engineer", "stale: @priya must look again", "draft: not approved yet". */
export function approvalLabel(status: ApprovalStatus): string {
  switch (status.state) {
    case 'approved':
      return `approved by ${status.approvals.map((v) => v.approval.person).join(', ')}`;
    case 'partially-approved':
      return `partially approved: missing ${status.missing.join(', ')}`;
    case 'stale':
      return `stale: ${status.approvals.filter((v) => !v.current).map((v) => v.approval.person).join(', ')} must look again`;
    case 'draft':
      return 'draft: not approved yet';
  }
}
