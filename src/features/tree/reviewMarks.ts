import * as vscode from 'vscode';
import { approvalLabel, approvalStatus, entryReview, type DocModel, type EntryReview, type IndexQueries, type Range } from '../../core/api';

/** " · approved", " · partially approved", " · approval stale" after a document's description; nothing for a draft. */
export function approvalSuffix(index: IndexQueries, doc: DocModel): string {
  const { state } = approvalStatus(index, doc);
  if (state === 'draft') return '';
  return ` · ${state === 'stale' ? 'approval stale' : state.replace('-', ' ')}`;
}

/** The tooltip line on a document's sign-off. */
export function approvalTooltip(index: IndexQueries, doc: DocModel): string {
  return `Sign-off: ${approvalLabel(approvalStatus(index, doc))}`;
}

/** The review state of the design doc's entry covering `id` in `sectionIndex` (or at `range`). */
export function entryReviewAt(index: IndexQueries, design: DocModel | undefined, id: string, where: { readonly sectionIndex?: number; readonly range?: Range }): EntryReview | undefined {
  const cover = design?.covers.find(
    (c) => c.id === id && (where.range ? c.range.start.line === where.range.start.line && c.range.start.character === where.range.start.character : c.sectionIndex === where.sectionIndex),
  );
  const [definition] = index.definitions(id);
  if (!design || !cover || !definition) return undefined;
  return entryReview(design, cover, definition.requirement.fingerprint).review;
}

/** Marks a covering entry's tree item when the requirement changed after the review. */
export function markStaleEntry(item: vscode.TreeItem, review: EntryReview | undefined): void {
  if (review !== 'stale') return;
  item.description = `${typeof item.description === 'string' && item.description ? `${item.description} · ` : ''}changed since reviewed`;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
}
