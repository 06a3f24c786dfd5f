import type { IndexQueries } from '../index/indexQueries';
import type { Finding } from '../model';
import { closestIds, idDistance } from './closestIds';
import type { CodeAction } from './types';
import { waiverIdRange } from './waiverKey';

/**
 * Quick fixes for `unknown-requirement`: "Change to CHK-1" for the nearest defined IDs,
 * replacing the ID (inside the quotes of a quoted waiver key). The first is preferred when it
 * is strictly nearer than the second.
 */
export function changeIdActions(index: IndexQueries, finding: Finding, n = 3): CodeAction[] {
  const unknown = finding.subject;
  if (unknown === undefined) return [];
  const range = waiverIdRange({ id: unknown, reason: '', range: finding.range });
  const suggestions = closestIds(index, unknown, n);
  const [first, second] = suggestions.map((id) => idDistance(unknown, id));
  const preferred = first !== undefined && (second === undefined || first < second);
  return suggestions.map((id, i) => {
    const action: CodeAction = { title: `Change to ${id}`, edits: [{ uri: finding.uri, range, newText: id }] };
    return i === 0 && preferred ? { ...action, isPreferred: true } : action;
  });
}
