import type { Range } from '../model';
import type { TextEdit } from '../text/textEdit';

export type { TextEdit };

/** A place in a document: what definition, references and lenses point at. */
export interface Location {
  readonly uri: string;
  readonly range: Range;
}

/** A TextEdit in a named document, as code actions carry them. */
export interface DocumentEdit extends TextEdit {
  readonly uri: string;
  /**
   * The same text in snippet syntax (`${1:@pm}` tab stops), for hosts that can apply snippet
   * edits to the active editor. `newText` is what a host without snippet support inserts.
   */
  readonly snippet?: string;
}

/** A quick fix as plain edits; the host turns it into its own code action. */
export interface CodeAction {
  readonly title: string;
  readonly edits: readonly DocumentEdit[];
  readonly isPreferred?: boolean;
}

/** How an ID occurs at a position: the forms the model records, plus links to a requirement's anchor. */
export type IdRole = 'definition' | 'cover' | 'waiver' | 'mention' | 'link';
