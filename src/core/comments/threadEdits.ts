import type { Nodes } from 'mdast';
import type { CommentThread, DocModel, Range } from '../model';
import { blockAt, continuationPrefix } from './containers';
import { applyTextEdits, eolOf, type TextEdit } from '../text/textEdit';
import { insertLinesEdit, lineText, RefusedEdit, removeLinesEdit } from './lineEdits';
import { isCommentHtml, isUnclosedFence, readThreadDocument, type LocatedThreadBlock, type ThreadDocument } from './threadBlocks';
import { prefixedThreadLines, type ThreadData } from './threadFormat';

export { RefusedEdit } from './lineEdits';
export { threadBlockRanges } from './threadBlocks';

/** Where a new thread about `line` goes: after the block holding that line, its owner comment and its threads. */
export interface ThreadPlacement {
  /** Line before which the block is inserted (may equal the line count: append). */
  readonly beforeLine: number;
  /** What each line of the block starts with: the container's content column, quote marks. */
  readonly indent: string;
  /** The block the thread is about. */
  readonly anchor: Range;
  /** An empty line goes first: the block before (an HTML block such as `<div>`) runs on to a blank line. */
  readonly separated: boolean;
}

function startLineOf(node: Nodes): number {
  return (node.position?.start.line ?? 1) - 1;
}

/** The 0-based line a node's last character is on. */
function endLineOf(node: Nodes): number {
  const end = node.position?.end;
  if (!end) return 0;
  // A block that runs to the end of the text may end at the start of the line after its last one.
  return end.column === 1 && end.line > (node.position?.start.line ?? 1) ? end.line - 2 : end.line - 1;
}

// CommonMark HTML blocks 1–5 end at a marker; the others (`<div>`, `<details>`, any tag alone) at a blank line.
const MARKER_ENDED: ReadonlyArray<readonly [RegExp, RegExp, string]> = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i, 'its closing tag'],
  [/^<!--/, /-->/, '-->'],
  [/^<\?/, /\?>/, '?>'],
  [/^<![A-Za-z]/, />/, '>'],
  [/^<!\[CDATA\[/, /\]\]>/, ']]>'],
];

/** How an HTML block ends: at a marker (and whether its last line has it), or at a blank line. */
function htmlEnding(node: Extract<Nodes, { type: 'html' }>): { readonly marker?: string; readonly closed: boolean } {
  const value = node.value.trimStart();
  for (const [start, end, marker] of MARKER_ENDED) {
    if (!start.test(value)) continue;
    const lastLine = value.split(/\r\n|\n|\r/).pop() ?? '';
    // On a one-line block the end marker must follow the start (`<!-->` is not `<!-- … -->`).
    const tail = value.includes('\n') || value.includes('\r') ? lastLine : value.slice(4);
    return { marker, closed: end.test(tail) };
  }
  return { closed: true };
}

function refuseUnclosed(node: Nodes, doc: ThreadDocument): void {
  const line = startLineOf(node) + 1;
  if (node.type === 'code' && isUnclosedFence(node, doc.text, doc.lines)) {
    throw new RefusedEdit(`the code block on line ${line} is never closed, so a comment after it would be part of the code: close its fence first (nothing was written)`);
  }
  if (node.type === 'html') {
    const ending = htmlEnding(node);
    if (ending.marker && !ending.closed) {
      throw new RefusedEdit(`the HTML block on line ${line} is never closed (no ${ending.marker}), so a comment after it would be part of it: close it first (nothing was written)`);
    }
  }
}

function placeIn(doc: ThreadDocument, line: number): ThreadPlacement {
  const found = blockAt(doc.root, line);
  if (!found) return { beforeLine: doc.lines.lineCount, indent: '', anchor: { start: { line, character: 0 }, end: { line, character: 0 } }, separated: false };
  const { parent, ancestors } = found;
  let { node, index } = found;
  // A line of a thread (or of an owner comment, a review stamp) is about the block they stand beside.
  if (isCommentHtml(node)) {
    let first = index;
    while (first > 0 && isCommentHtml(parent.children[first - 1] as Nodes)) first--;
    if (first > 0) {
      index = first - 1;
      node = parent.children[index] as Nodes;
    }
  }
  refuseUnclosed(node, doc);
  let last = index;
  while (parent.children[last + 1] && isCommentHtml(parent.children[last + 1] as Nodes)) last++;
  const endLine = endLineOf(parent.children[last] as Nodes);
  const indent = continuationPrefix(ancestors, doc.text, doc.lines);
  const anchor = doc.lines.range(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  if (last === index && node.type === 'html' && !isCommentHtml(node) && !htmlEnding(node).marker) {
    // Such a block ends at a blank line: go after that line when something follows it, else write one.
    if (parent.children[index + 1]) return { beforeLine: endLine + 2, indent, anchor, separated: false };
    return { beforeLine: endLine + 1, indent, anchor, separated: true };
  }
  return { beforeLine: endLine + 1, indent, anchor, separated: false };
}

/**
 * Finds the block a comment on `line` is about (a paragraph, a list item's paragraph, a heading,
 * a code block, a table, an HTML block) by parsing the document once, and places the thread after
 * it, after any owner comment and threads already there, in the same container. A line inside a
 * thread block counts as the line of the block that thread is about: a thread never goes inside
 * another. Throws `RefusedEdit` after a block that would swallow it (a code fence never closed).
 */
export function placeThread(text: string, line: number): ThreadPlacement {
  return placeIn(readThreadDocument(text), line);
}

/** What must stay the same in every other block: whether it reads, and its text. */
function blockKey(doc: ThreadDocument, block: LocatedThreadBlock): string {
  const start = doc.lines.lineStart(block.range.start.line);
  const end = doc.lines.lineStart(block.range.end.line) + block.range.end.character;
  return `${block.thread ? 'thread' : 'malformed'}:${doc.text.slice(start, end)}`;
}

function sameThread(a: ThreadData | undefined, b: ThreadData): boolean {
  return !!a && JSON.stringify([a.id, a.status, a.comments.map((c) => [c.author, c.time, c.body])]) === JSON.stringify([b.id, b.status, b.comments.map((c) => [c.author, c.time, c.body.replace(/\r\n|\r/g, '\n')])]);
}

/**
 * Checks an edit before it is handed out: in the edited text `written` (if any) reads back exactly
 * as a thread, and every other block reads as it did. Throws `RefusedEdit` otherwise.
 */
function checked(before: ThreadDocument, change: TextEdit, written: ThreadData | undefined, skip: LocatedThreadBlock | undefined, what: string, anchorLine?: number): TextEdit {
  const after = readThreadDocument(applyTextEdits(before.text, [change]));
  const fail = (why: string): never => {
    throw new RefusedEdit(`${what} would not read back (${why}), so nothing was written`);
  };
  const others = after.blocks.filter((block) => !(written && block.thread?.id === written.id));
  if (written) {
    const mine = after.blocks.filter((block) => block.thread?.id === written.id);
    if (mine.length !== 1) fail(mine.length === 0 ? 'the block is not read as a thread where it would stand' : 'its ID is used twice');
    const block = mine[0] as LocatedThreadBlock;
    if (!sameThread(block.thread, written)) fail('it reads back with other text');
    if (anchorLine !== undefined && block.anchor.start.line !== anchorLine && block.anchor !== block.range) fail(`it would be about line ${block.anchor.start.line + 1}, not line ${anchorLine + 1}`);
  }
  const expected = before.blocks.filter((block) => block !== skip).map((block) => blockKey(before, block));
  const actual = others.map((block) => blockKey(after, block));
  if (expected.length !== actual.length || expected.some((key, i) => key !== actual[i])) fail('another thread block in the file would change');
  return change;
}

/** The edit that inserts a new thread at a placement. Throws `RefusedEdit` when it would not read back. */
export function insertThreadEdit(text: string, placement: ThreadPlacement, thread: ThreadData): TextEdit {
  const doc = readThreadDocument(text);
  if (doc.blocks.some((block) => block.thread?.id === thread.id)) throw new RefusedEdit(`a comment thread with the ID ${thread.id} is already in the file`);
  const block = prefixedThreadLines(thread, placement.indent);
  const lines = placement.separated ? [placement.indent.trimEnd(), ...block] : block;
  const change = insertLinesEdit(text, placement.beforeLine, lines, eolOf(text));
  return checked(doc, change, thread, undefined, `a comment thread after line ${placement.beforeLine}`, placement.anchor.start.line);
}

/** The only well-formed block with this ID; throws `RefusedEdit` when there is none or more than one. */
function uniqueBlock(doc: ThreadDocument, id: string): LocatedThreadBlock {
  const matches = doc.blocks.filter((block) => block.thread?.id === id);
  if (matches.length === 0) throw new RefusedEdit(`the comment thread ${id} is no longer in the file (it was edited or removed meanwhile)`);
  if (matches.length > 1) {
    const where = matches.map((block) => block.range.start.line + 1).join(', ');
    throw new RefusedEdit(`${matches.length} comment threads in this file have the ID ${id} (lines ${where}), so which one is meant is unclear and none is changed: give each its own ID`);
  }
  return matches[0] as LocatedThreadBlock;
}

/** The edit that rewrites an existing thread (reply, edit, resolve, reopen, delete one comment). */
export function replaceThreadEdit(text: string, existing: { readonly id: string }, thread: ThreadData): TextEdit {
  const doc = readThreadDocument(text);
  const block = uniqueBlock(doc, existing.id);
  if (thread.id !== existing.id && doc.blocks.some((other) => other.thread?.id === thread.id)) throw new RefusedEdit(`a comment thread with the ID ${thread.id} is already in the file`);
  const change = { range: block.range, newText: prefixedThreadLines(thread, block.indent).join(eolOf(text)) };
  return checked(doc, change, thread, block, `the comment thread ${existing.id}`);
}

/**
 * The edit that removes a thread block with its line break; also the empty line before it when
 * that line only separates it from an HTML block that runs on to a blank line (the line
 * `insertThreadEdit` wrote), so adding then deleting a thread gives back the original bytes.
 */
export function deleteThreadEdit(text: string, existing: { readonly id: string }): TextEdit {
  const doc = readThreadDocument(text);
  const block = uniqueBlock(doc, existing.id);
  let first = block.range.start.line;
  const previous = block.parent?.children[block.index - 1] as Nodes | undefined;
  const next = block.parent?.children[block.index + 1];
  if (
    previous?.type === 'html' &&
    !next &&
    !isCommentHtml(previous) &&
    !htmlEnding(previous).marker &&
    endLineOf(previous) === first - 2 &&
    lineText(text, doc.lines, first - 1).trimEnd() === block.indent.trimEnd()
  ) {
    first -= 1;
  }
  return checked(doc, removeLinesEdit(text, first, block.range.end.line), undefined, block, `the file without the comment thread ${existing.id}`);
}

/** The thread with this ID, when exactly one thread has it (an ID used twice is ambiguous: see `findThread`). */
export function threadById(doc: DocModel, id: string): CommentThread | undefined {
  const found = findThread(doc, id);
  return 'thread' in found ? found.thread : undefined;
}

/** The thread with this ID, or why it cannot be edited (gone, or its ID used by more than one thread). */
export function findThread(doc: DocModel, id: string): { readonly thread: CommentThread } | { readonly error: string } {
  const matches = doc.threads.filter((thread) => thread.id === id);
  if (matches.length === 1) return { thread: matches[0] as CommentThread };
  if (matches.length === 0) return { error: 'This comment thread is no longer in the file (it was edited or removed meanwhile).' };
  const where = matches.map((thread) => thread.range.start.line + 1).join(', ');
  return { error: `${matches.length} comment threads in this file have the ID ${id} (lines ${where}): nothing was changed, so that no reply or resolve goes to the wrong one. Give each its own ID first.` };
}

export function openThreadCount(doc: DocModel): number {
  return doc.threads.filter((thread) => thread.status === 'open').length;
}

/**
 * The lines a new comment may be started on, as inclusive `[first, last]` line spans: every line
 * of the document except those of thread blocks (well-formed or not), so the editor never offers
 * to start a thread inside another.
 */
export function commentableLines(lineCount: number, threadBlocks: readonly Range[]): Array<readonly [number, number]> {
  const blocked = [...threadBlocks].sort((a, b) => a.start.line - b.start.line);
  const spans: Array<readonly [number, number]> = [];
  let next = 0;
  for (const block of blocked) {
    if (block.start.line > next) spans.push([next, block.start.line - 1]);
    next = Math.max(next, block.end.line + 1);
  }
  if (next < lineCount) spans.push([next, lineCount - 1]);
  return spans;
}
