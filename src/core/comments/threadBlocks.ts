import type { Nodes, Parent, Root } from 'mdast';
import type { Range } from '../model';
import { readOwnerComment } from '../owners/ownerComment';
import { SIGN_OFF_OPENER } from '../review/signOffFormat';
import { LineIndex } from '../text/lineIndex';
import { parseMarkdown } from '../text/markdownTree';
import { lineText } from './lineEdits';
import { parseThreadLines, THREAD_OPENER, type ThreadData } from './threadFormat';

/**
 * Finds comment thread blocks in the markdown tree. Every `<!-- prfaq-thread` that starts a line
 * of an HTML block, of a paragraph or of a code block that is never closed is either read as a
 * thread or reported with the reason (so a thread never silently vanishes); one inside a closed
 * code block is an example, not a thread.
 */

/** A thread block as read: the thread, or why it is malformed. */
export interface ThreadBlock {
  readonly thread?: ThreadData;
  readonly problem?: string;
  /** From the start of the block's first line to the end of its last line. */
  readonly range: Range;
  /** The block the thread is about (the block itself when nothing stands before it). */
  readonly anchor: Range;
  /** What every line of the block starts with: indentation, quote marks. */
  readonly indent: string;
}

/** A block with where it stands in the tree, for edits that look at its neighbours. */
export interface LocatedThreadBlock extends ThreadBlock {
  readonly node: Nodes;
  readonly parent: Parent | undefined;
  readonly index: number;
}

const LEADING_OPENER = /^[ \t]*<!-- prfaq-thread/;
/** Containers whose children are blocks: an HTML node elsewhere is inline (inside a paragraph, a heading, a cell). */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/** An HTML block that is a thread block (its first line starts with the opener, after its indentation). */
export function isThreadHtml(node: Nodes): boolean {
  return node.type === 'html' && LEADING_OPENER.test(node.value);
}

/** Thread blocks, owner comments and review stamps stand beside the block they are about. */
export function isCommentHtml(node: Nodes): boolean {
  return node.type === 'html' && (LEADING_OPENER.test(node.value) || SIGN_OFF_OPENER.test(node.value) || readOwnerComment(node.value) !== undefined);
}

function lineEndOffset(text: string, lines: LineIndex, line: number): number {
  return lines.lineStart(line) + lineText(text, lines, line).length;
}

/** Per container: the anchor a thread at each index has (memoised: a run of thousands of threads stays linear). */
const anchors = new WeakMap<Parent, Map<number, Nodes | null>>();

/** The block before a thread in its container, skipping other threads, owner comments and stamps. */
function anchorOf(parent: Parent | undefined, index: number): Nodes | undefined {
  if (!parent) return undefined;
  let memo = anchors.get(parent);
  if (!memo) anchors.set(parent, (memo = new Map()));
  const chain: number[] = [];
  let found: Nodes | null = null;
  for (let i = index; ; i--) {
    const known = memo.get(i);
    if (known !== undefined) {
      found = known;
      break;
    }
    chain.push(i);
    const before = parent.children[i - 1] as Nodes | undefined;
    if (!before) break;
    if (!isCommentHtml(before)) {
      found = before;
      break;
    }
  }
  for (const i of chain) memo.set(i, found);
  return found ?? undefined;
}

function nodeRange(node: Nodes, lines: LineIndex): Range {
  return lines.range(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

/** A block reported as malformed from the line holding the opener (0-based, in the text) to `endLine`. */
function reported(problem: string, firstLine: number, endLine: number, node: Nodes, parent: Parent | undefined, index: number, text: string, lines: LineIndex): LocatedThreadBlock {
  const range = lines.range(lines.lineStart(firstLine), lineEndOffset(text, lines, endLine));
  const line = lineText(text, lines, firstLine);
  return { problem, range, anchor: range, indent: /^[ \t>]*/.exec(line)?.[0] ?? '', node, parent, index };
}

/** The block without its place in the tree (what a parsed model keeps). */
export function plainBlock(block: LocatedThreadBlock): ThreadBlock {
  const { range, anchor, indent } = block;
  return block.thread ? { thread: block.thread, range, anchor, indent } : { problem: block.problem ?? 'malformed', range, anchor, indent };
}

/** The first line of `value` (lines as the parser gives them) that starts a thread, or -1. */
function openerLineIn(value: string): number {
  if (!value.includes(THREAD_OPENER)) return -1;
  return value.split(/\r\n|\n|\r/).findIndex((line) => LEADING_OPENER.test(line));
}

/** The source line (0-based) holding the opener found on line `k` of a node's value. */
function sourceLineOf(node: Nodes, lines: LineIndex, k: number): number {
  return lines.position(node.position?.start.offset ?? 0).line + k;
}

/** A fenced code block without its closing fence: it runs to the end of its container, swallowing what follows. */
export function isUnclosedFence(node: Extract<Nodes, { type: 'code' }>, text: string, lines: LineIndex): boolean {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? 0;
  const open = FENCE.exec(text.slice(start, lineEndOffset(text, lines, lines.position(start).line)));
  if (!open?.[1]) return false;
  const lastLine = lines.position(end).line;
  if (lastLine === lines.position(start).line) return true;
  const last = text.slice(lines.lineStart(lastLine), end);
  const fence = open[1];
  const close = new RegExp(`^[ \\t>]*\\${fence[0]}{${fence.length},}[ \\t]*$`);
  return !close.test(last);
}

/** The thread block a node is or holds, or undefined. */
export function readThreadNode(node: Nodes, parent: Parent | undefined, index: number, text: string, lines: LineIndex): LocatedThreadBlock | undefined {
  if (node.type === 'code') {
    const k = openerLineIn(node.value);
    if (k < 0 || !isUnclosedFence(node, text, lines)) return undefined;
    const fenceLine = lines.position(node.position?.start.offset ?? 0).line;
    return reported(
      `the block is inside a code block that is never closed (its fence on line ${fenceLine + 1} has no closing fence), so it is code, not a thread: close the fence before the block`,
      sourceLineOf(node, lines, k + 1),
      lines.position(node.position?.end.offset ?? 0).line,
      node,
      parent,
      index,
      text,
      lines,
    );
  }
  if (node.type !== 'html') return undefined;
  const endLine = lines.position(node.position?.end.offset ?? 0).line;
  if (!isThreadHtml(node)) {
    const k = openerLineIn(node.value);
    if (k < 0) return undefined;
    const startLine = lines.position(node.position?.start.offset ?? 0).line;
    return reported(
      `the block is inside another HTML block that starts on line ${startLine + 1} (a block such as <div> runs on to the next blank line), so it is not a thread: put a blank line before the block`,
      sourceLineOf(node, lines, k),
      endLine,
      node,
      parent,
      index,
      text,
      lines,
    );
  }
  const from = node.position?.start.offset ?? 0;
  const openerAt = text.indexOf(THREAD_OPENER, from);
  const firstLine = lines.position(openerAt).line;
  if (!parent || !FLOW_PARENTS.has(parent.type)) {
    return reported(
      'the block is part of a paragraph (it follows text on its line, or is indented 4 or more spaces under a paragraph), so a blank line in it would break it: start it on a line of its own, at the indentation of the block before it',
      firstLine,
      endLine,
      node,
      parent,
      index,
      text,
      lines,
    );
  }
  const lineStart = lines.lineStart(firstLine);
  const indent = text.slice(lineStart, openerAt);
  const blockRange = lines.range(lineStart, lineEndOffset(text, lines, endLine));
  const anchorNode = anchorOf(parent, index);
  const anchor = anchorNode ? nodeRange(anchorNode, lines) : blockRange;
  const empty = indent.trimEnd();
  const content: string[] = [];
  for (let line = firstLine; line <= endLine; line++) {
    const source = lineText(text, lines, line);
    if (source.startsWith(indent)) content.push(source.slice(indent.length));
    else if (source === empty) content.push('');
    else {
      const problem = `every line of the block must start with what its first line starts with (${JSON.stringify(indent)}) (line ${line - firstLine + 1} of the block)`;
      return { problem, range: blockRange, anchor, indent, node, parent, index };
    }
  }
  const parsed = parseThreadLines(content);
  if (parsed.ok) return { thread: parsed.thread, range: blockRange, anchor, indent, node, parent, index };
  return { problem: `${parsed.problem} (line ${parsed.line + 1} of the block)`, range: blockRange, anchor, indent, node, parent, index };
}

/** Every thread block of a parsed document, in document order. */
export function readThreadBlocks(root: Root, text: string, lines: LineIndex): LocatedThreadBlock[] {
  const blocks: LocatedThreadBlock[] = [];
  const stack: Array<{ node: Nodes; parent: Parent | undefined; index: number }> = [{ node: root, parent: undefined, index: 0 }];
  while (stack.length > 0) {
    const { node, parent, index } = stack.pop() as { node: Nodes; parent: Parent | undefined; index: number };
    const block = readThreadNode(node, parent, index, text, lines);
    if (block) blocks.push(block);
    if (node.type === 'yaml' || !('children' in node)) continue;
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as Nodes, parent: node as Parent, index: i });
  }
  return blocks;
}

/** A text parsed for thread edits: its tree, lines and thread blocks. */
export interface ThreadDocument {
  readonly text: string;
  readonly root: Root;
  readonly lines: LineIndex;
  readonly blocks: readonly LocatedThreadBlock[];
}

export function readThreadDocument(text: string): ThreadDocument {
  const root = parseMarkdown(text);
  const lines = new LineIndex(text);
  return { text, root, lines, blocks: readThreadBlocks(root, text, lines) };
}

/** The line ranges of every thread block in a text, well-formed or not: no new thread goes inside one. */
export function threadBlockRanges(text: string): Range[] {
  return readThreadDocument(text).blocks.map((block) => block.range);
}
