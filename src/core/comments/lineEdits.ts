import { LineIndex } from '../text/lineIndex';
import { eolOf, type TextEdit } from '../text/textEdit';

/** An edit the core will not make, with the reason to show the user (nothing was changed). */
export class RefusedEdit extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedEdit';
  }
}

/** The text of line `line`, without its line break. */
export function lineText(text: string, lines: LineIndex, line: number): string {
  const start = lines.lineStart(line);
  const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  return text.slice(start, end).replace(/(?:\r\n|\n|\r)$/, '');
}

/**
 * Inserts whole lines before line `beforeLine` (at the end when it is past the last line). A
 * text without a final line break keeps having none, so `removeLinesEdit` of the same lines gives
 * back the original bytes.
 */
export function insertLinesEdit(text: string, beforeLine: number, newLines: readonly string[], eol = eolOf(text)): TextEdit {
  const lines = new LineIndex(text);
  const block = newLines.join(eol);
  const endsWithBreak = /[\r\n]$/.test(text);
  // The last "line" of a text ending in a line break is empty: inserting there appends.
  const lastRealLine = endsWithBreak ? lines.lineCount - 2 : lines.lineCount - 1;
  if (beforeLine > lastRealLine) {
    const end = lines.position(text.length);
    if (endsWithBreak) return { range: { start: end, end }, newText: block + eol };
    return { range: { start: end, end }, newText: text.length > 0 ? eol + block : block };
  }
  const at = { line: beforeLine, character: 0 };
  return { range: { start: at, end: at }, newText: block + eol };
}

/**
 * Removes lines `firstLine`..`lastLine` with their line breaks. When the last of them is the
 * text's last line and has no line break, the line break before them goes instead.
 */
export function removeLinesEdit(text: string, firstLine: number, lastLine: number): TextEdit {
  const lines = new LineIndex(text);
  if (lastLine + 1 < lines.lineCount) return { range: { start: { line: firstLine, character: 0 }, end: { line: lastLine + 1, character: 0 } }, newText: '' };
  const end = lines.position(text.length);
  if (firstLine === 0) return { range: { start: { line: 0, character: 0 }, end }, newText: '' };
  const previous = firstLine - 1;
  return { range: { start: { line: previous, character: lineText(text, lines, previous).length }, end }, newText: '' };
}
