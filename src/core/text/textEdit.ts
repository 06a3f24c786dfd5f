import type { Range } from '../model';
import { LineIndex } from './lineIndex';

/**
 * One replacement in one document's text, at 0-based line/character positions (the TextEdit of
 * LSP and VS Code). Every edit the core computes is one; DocumentEdit adds the document.
 */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** The line break a text uses (its first one; "\n" for a text without any): what every edit writes. */
export function eolOf(text: string): string {
  const match = /\r\n|\n|\r/.exec(text);
  return match ? match[0] : '\n';
}

/**
 * The text after non-overlapping edits computed against it. A position past the last line is the
 * end of the text; insertions at one position land in the order given (as LSP applies them).
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offset = (p: Range['start']): number => (p.line >= lines.lineCount ? text.length : Math.min(text.length, lines.lineStart(p.line) + p.character));
  const ordered = edits.map((edit, i) => ({ edit, i, start: offset(edit.range.start), end: offset(edit.range.end) }));
  // From the last to the first, so earlier offsets stay valid; of two at one place, the later one first.
  ordered.sort((a, b) => b.start - a.start || b.i - a.i);
  let result = text;
  for (const { edit, start, end } of ordered) result = result.slice(0, start) + edit.newText + result.slice(end);
  return result;
}
