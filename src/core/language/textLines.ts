import type { Position } from '../model';
import { LineIndex } from '../text/lineIndex';
import { eolOf } from '../text/textEdit';

/** The lines of one document text, for the few features that need characters the model does not hold. */
export class TextLines {
  private readonly index: LineIndex;

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
  }

  get lineCount(): number {
    return this.index.lineCount;
  }

  /** The line break the document uses (its first one), "\n" when it has none. */
  get eol(): string {
    return eolOf(this.text);
  }

  /** The text of a line without its line break; '' outside the document. */
  line(line: number): string {
    if (line < 0 || line >= this.index.lineCount) return '';
    const start = this.index.lineStart(line);
    const end = line + 1 < this.index.lineCount ? this.index.lineStart(line + 1) : this.text.length;
    return this.text.slice(start, end).replace(/(\r\n|\n|\r)$/, '');
  }

  lineEnd(line: number): Position {
    return { line, character: this.line(line).length };
  }

  offset(position: Position): number {
    return this.index.lineStart(position.line) + position.character;
  }

  position(offset: number): Position {
    return this.index.position(offset);
  }

  /** The position just past the last character. */
  end(): Position {
    return this.index.position(this.text.length);
  }
}

export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}
