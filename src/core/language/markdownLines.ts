import { isBlank, type TextLines } from './textLines';

/** Line scanning for completion contexts: frontmatter, fenced code and paragraph starts, without parsing. */

const FRONTMATTER_OPEN = /^\uFEFF?---(?:ya?ml)?[ \t]*$/i;
const FENCE_CLOSE = /^---[ \t]*$/;

export interface FrontmatterLines {
  /** The closing fence's line, or undefined while the block is unclosed. */
  readonly closeLine: number | undefined;
}

/** The YAML frontmatter block that opens on line 0, if any. */
export function frontmatterLines(lines: TextLines): FrontmatterLines | undefined {
  if (!FRONTMATTER_OPEN.test(lines.line(0))) return undefined;
  for (let line = 1; line < lines.lineCount; line++) {
    if (FENCE_CLOSE.test(lines.line(line))) return { closeLine: line };
  }
  return { closeLine: undefined };
}

/** First line of the markdown body: after the frontmatter, if there is one. */
export function bodyStartLine(lines: TextLines): number {
  const block = frontmatterLines(lines);
  if (!block) return 0;
  return block.closeLine === undefined ? lines.lineCount : block.closeLine + 1;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Whether `line` is inside a fenced code block (or is one of its fences). */
export function insideFencedCode(lines: TextLines, line: number): boolean {
  let open: string | undefined;
  for (let i = bodyStartLine(lines); i <= line; i++) {
    const match = FENCE.exec(lines.line(i));
    if (!match) continue;
    const fence = match[1] ?? '';
    if (open === undefined) {
      if (i === line) return true;
      open = fence;
    } else if (fence[0] === open[0] && fence.length >= open.length && lines.line(i).trim() === fence) {
      if (i === line) return true;
      open = undefined;
    }
  }
  return open !== undefined;
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * Whether a paragraph can start on `line`: the body's first line, or the line after a blank
 * line, a heading or a one-line HTML comment (a section owner comment).
 */
export function startsParagraph(lines: TextLines, line: number): boolean {
  if (line <= bodyStartLine(lines)) return line === bodyStartLine(lines);
  const previous = lines.line(line - 1);
  return isBlank(previous) || ATX_HEADING.test(previous) || /^ {0,3}<!--.*-->\s*$/.test(previous);
}
