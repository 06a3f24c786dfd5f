/** Command IDs and arguments of the review feature (CodeLenses, quick fixes, trees and tests pass these). */
export const MARK_REVIEWED_COMMAND = 'prfaqTrace.markReviewed';
export const SHOW_WHAT_CHANGED_COMMAND = 'prfaqTrace.showWhatChanged';
export const APPROVE_COMMAND = 'prfaqTrace.approve';

/** One `Covers:` entry: the design doc, the requirement and the section it stands in (-1: the document). */
export interface EntryArgs {
  readonly uri: string;
  readonly id: string;
  readonly sectionIndex: number;
}

export interface ApproveArgs {
  /** The document; the active editor's when absent. */
  readonly uri?: string;
}
