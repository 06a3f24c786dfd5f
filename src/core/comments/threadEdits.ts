import type { Nodes, Parent, Root } from 'mdast';
import type { CommentThread, DocModel, Range } from '../model';
import { parseMarkdown } from '../parse/markdown';
import { LineIndex } from '../text/lineIndex';
import { serializeThread, THREAD_OPENER, type ThreadData } from './threadFormat';

/** A replacement in the document's text (0-based positions), as WorkspaceEdits take them. */
export interface TextChange {
  readonly range: Range;
  readonly newText: string;
}

export function eolOf(text: string): string {
  const match = /\r\n|\n|\r/.exec(text);
  return match ? match[0] : '\n';
}

function lineStartOffset(index: LineIndex, line: number): number {
  return index.lineStart(line);
}

/** Where a new thread about `line` goes: after the block holding that line, its owner comment and its threads. */
export interface ThreadPlacement {
  /** Line before which the block is inserted (may equal the line count: append). */
  readonly beforeLine: number;
  readonly indent: string;
  /** The block the thread is about. */
  readonly anchor: Range;
}

// `yaml` is the frontmatter: a comment on one of its lines goes after the closing fence, never inside it.
const BLOCKS = new Set(['yaml', 'paragraph', 'heading', 'code', 'table', 'html', 'thematicBreak', 'definition', 'math']);

/**
 * Finds the block a comment on `line` is about (a paragraph, a list item's paragraph, a
 * heading, a code block, a table) by parsing the document once, and places the thread after
 * it, after any owner comment and threads already there.
 */
export function placeThread(text: string, line: number): ThreadPlacement {
  const index = new LineIndex(text);
  const root: Root = parseMarkdown(text);
  let best: { node: Nodes; parent: Parent; i: number } | undefined;
  const stack: Array<{ node: Parent }> = [{ node: root }];
  while (stack.length > 0) {
    const { node } = stack.pop() as { node: Parent };
    node.children.forEach((child, i) => {
      const position = (child as Nodes).position;
      if (!position || position.start.line - 1 > line || position.end.line - 1 < line) return;
      if (BLOCKS.has(child.type) && !(child.type === 'html' && (child as { value: string }).value.startsWith(THREAD_OPENER))) best = { node: child as Nodes, parent: node, i };
      if ('children' in child && !BLOCKS.has(child.type)) stack.push({ node: child as Parent });
    });
  }
  if (!best) {
    const lineText = text.slice(index.lineStart(line), index.lineStart(line + 1)).replace(/[\r\n]+$/, '');
    return { beforeLine: line + 1, indent: /^[ \t]*/.exec(lineText)?.[0] ?? '', anchor: { start: { line, character: 0 }, end: { line, character: lineText.length } } };
  }
  const { node, parent } = best;
  let { i } = best;
  const start = node.position?.start.offset ?? 0;
  const anchor = index.range(start, node.position?.end.offset ?? start);
  let endLine = anchor.end.line;
  // Skip what already hangs on this block: an owner comment (headings) and earlier threads.
  for (let next = parent.children[i + 1] as Nodes | undefined; next?.type === 'html'; next = parent.children[++i + 1] as Nodes | undefined) {
    const value = next.value.trim();
    if (!value.startsWith(THREAD_OPENER) && !/^<!--\s*owner\s*:/.test(value)) break;
    endLine = index.position(next.position?.end.offset ?? 0).line;
  }
  const firstLineStart = lineStartOffset(index, anchor.start.line);
  const indent = /^[ \t]*/.exec(text.slice(firstLineStart, start))?.[0] ?? '';
  // A list item's paragraph starts after its marker: indent to the item's content.
  const column = start - firstLineStart;
  return { beforeLine: endLine + 1, indent: parent.type === 'listItem' ? ' '.repeat(column) : indent, anchor };
}

/** The edit that inserts a new thread at a placement. */
export function insertThreadEdit(text: string, placement: ThreadPlacement, thread: ThreadData): TextChange {
  const index = new LineIndex(text);
  const eol = eolOf(text);
  const block = serializeThread(thread, placement.indent, eol);
  if (placement.beforeLine >= index.lineCount) {
    const end = index.position(text.length);
    const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
    return { range: { start: end, end }, newText: (needsBreak ? eol : '') + block };
  }
  const at = { line: placement.beforeLine, character: 0 };
  return { range: { start: at, end: at }, newText: block };
}

/** The edit that rewrites an existing thread (reply, edit, resolve, reopen, delete one comment). */
export function replaceThreadEdit(text: string, existing: CommentThread, thread: ThreadData): TextChange {
  const block = serializeThread(thread, existing.indent, eolOf(text));
  const eol = eolOf(text);
  // The model's range ends at the end of the `-->` line, before its line break.
  return { range: { start: { line: existing.range.start.line, character: 0 }, end: existing.range.end }, newText: block.slice(0, block.length - eol.length) };
}

/** The edit that removes a thread block with its line break. */
export function deleteThreadEdit(text: string, existing: CommentThread): TextChange {
  const index = new LineIndex(text);
  const endLine = existing.range.end.line + 1;
  const end = endLine < index.lineCount ? { line: endLine, character: 0 } : index.position(text.length);
  return { range: { start: { line: existing.range.start.line, character: 0 }, end }, newText: '' };
}

export function threadById(doc: DocModel, id: string): CommentThread | undefined {
  return doc.threads.find((thread) => thread.id === id);
}

export function openThreadCount(doc: DocModel): number {
  return doc.threads.filter((thread) => thread.status === 'open').length;
}
