import type { Nodes, Parent, Root } from 'mdast';
import type { LineIndex } from '../text/lineIndex';

/**
 * Where a block stands in the markdown tree, and what a line added beside it must start with to
 * stay in the same container (block quote, list item, footnote), computed from the parser's
 * positions of the containers' markers — never from the indentation a line happens to have.
 */

/** Blocks that hold no other blocks: what a comment is about. `yaml` is the frontmatter. */
export const LEAF_BLOCKS: ReadonlySet<string> = new Set(['yaml', 'paragraph', 'heading', 'code', 'table', 'html', 'thematicBreak', 'definition', 'math']);

export interface BlockPath {
  readonly node: Nodes;
  readonly parent: Parent;
  readonly index: number;
  /** The containers from the root down to `parent`. */
  readonly ancestors: readonly Parent[];
}

interface Step {
  readonly node: Nodes;
  readonly parent: Parent | undefined;
  readonly index: number;
  readonly up: Step | undefined;
}

function ancestorsOf(step: Step | undefined): Parent[] {
  const out: Parent[] = [];
  for (let at = step; at; at = at.up) out.push(at.node as Parent);
  return out.reverse();
}

const startLine = (node: Nodes) => (node.position?.start.line ?? 1) - 1;

/** Every leaf block in document order, with its path (iterative: deep nesting must not overflow the stack). */
export function* leafBlocks(root: Root): Generator<BlockPath> {
  const stack: Step[] = [{ node: root, parent: undefined, index: 0, up: undefined }];
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    const { node, parent, index } = step;
    if (parent && LEAF_BLOCKS.has(node.type)) {
      yield { node, parent, index, ancestors: ancestorsOf(step.up) };
      continue;
    }
    if (!('children' in node)) continue;
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as Nodes, parent: node as Parent, index: i, up: step });
  }
}

/** The leaf block holding 0-based `line`, else the last one before it, else the first one. */
export function blockAt(root: Root, line: number): BlockPath | undefined {
  let found: BlockPath | undefined;
  for (const block of leafBlocks(root)) {
    if (found && startLine(block.node) > line) break;
    found = block;
    if (startLine(block.node) > line) break;
  }
  return found;
}

/** The column a character is at, tabs expanded to the next multiple of 4 (CommonMark). */
function columnOf(text: string, lineStart: number, offset: number): number {
  let column = 0;
  for (let i = lineStart; i < offset; i++) column = text.charCodeAt(i) === 9 ? column + 4 - (column % 4) : column + 1;
  return column;
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])/;

/**
 * What a line added as a sibling of a block with these ancestors starts with: `> ` for each block
 * quote, and spaces up to each list item's (or footnote's) content column. Empty lines take it
 * without its trailing spaces (`>` inside a quote, nothing inside a list item).
 */
export function continuationPrefix(ancestors: readonly Parent[], text: string, lines: LineIndex): string {
  let prefix = '';
  let column = 0;
  for (const container of ancestors) {
    const start = container.position?.start.offset ?? 0;
    const lineStart = lines.lineStart(lines.position(start).line);
    if (container.type === 'blockquote') {
      const marker = text.indexOf('>', start);
      // The marker and its optional space (or one column of a tab) are the quote's prefix; what is
      // written is always `> `, and what follows keeps its distance to the quote's content.
      const spaced = text[marker + 1] === ' ' || text[marker + 1] === '\t';
      prefix += '> ';
      column = columnOf(text, lineStart, marker) + (spaced ? 2 : 1);
    } else if (container.type === 'listItem') {
      const marker = LIST_MARKER.exec(text.slice(start, start + 11));
      const markerEnd = start + (marker?.[0].length ?? 1);
      let first = markerEnd;
      while (text[first] === ' ' || text[first] === '\t') first++;
      const markerColumn = columnOf(text, lineStart, markerEnd);
      const blankAfterMarker = first >= text.length || text[first] === '\n' || text[first] === '\r';
      const spaces = columnOf(text, lineStart, first) - markerColumn;
      // CommonMark: content starts after 1–4 spaces; an item opening with a blank line or with
      // indented code (5+ spaces) has its content one column after the marker.
      const content = blankAfterMarker || spaces >= 5 ? markerColumn + 1 : markerColumn + spaces;
      prefix += ' '.repeat(Math.max(0, content - column));
      column = content;
    } else if (container.type === 'footnoteDefinition') {
      const content = columnOf(text, lineStart, start) + 4;
      prefix += ' '.repeat(Math.max(0, content - column));
      column = content;
    }
  }
  return prefix;
}
