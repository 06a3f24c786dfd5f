import type { Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Range } from '../model';
import { countSentences, countWords } from './words';

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'blockquote' | 'table' | 'code' | 'html' | 'other';

/**
 * What the structure lint needs to know about one top-level block of a document: its shape
 * and a little of its text, not the text itself. Extracted per chunk (so unchanged chunks are
 * reused after an edit), with chunk-relative lines like the rest of a chunk's model.
 */
export interface StructureBlock {
  readonly kind: BlockKind;
  readonly range: Range;
  /** Heading depth (1–6); 0 for other blocks. */
  readonly level: number;
  /** Where a part's name is: a heading's text, or the bold run a paragraph opens with. */
  readonly label?: string;
  /** The block is its label and nothing else (a heading, or a paragraph that is one bold run). */
  readonly labelOnly: boolean;
  /** The paragraph is one bold or italic run (how headlines and subheadings are often written). */
  readonly emphasised: boolean;
  /** A heading ending in "?", a paragraph opening with "Q:" (bold or not), or a bold question. */
  readonly question: boolean;
  /** A quotation: opens with a quotation mark, or quotes someone who "said" or "says". */
  readonly quotation: boolean;
  /** The start of the plain text after a paragraph's label (at most LEAD_LENGTH characters, whitespace collapsed). */
  readonly lead: string;
  /** Sentences of the text after a paragraph's label (of the label when that is all there is). */
  readonly sentences: number;
  readonly words: number;
  /**
   * Where the block's prose is (text nodes; no code, HTML or link targets), for word searches:
   * start and end offsets, flat, relative to the chunk (cheaper to keep than ranges).
   */
  readonly prose: readonly number[];
}

export const LEAD_LENGTH = 200;

const QUOTE_MARKS = /["“”„«»]/;
const OPENS_QUOTE = /^["“„«]/;
const SAID = /\b(?:said|says)\b/i;
const Q_PREFIX = /^\**\s*Q\s*[:.]/i;

function kindOf(node: RootContent): BlockKind {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
    case 'list':
    case 'blockquote':
    case 'table':
    case 'code':
    case 'html':
      return node.type;
    default:
      return 'other';
  }
}

/** The prose of a block: its text and inline-code values, and the source offsets of its text nodes. */
function proseOf(node: Nodes): { text: string; offsets: number[] } {
  const parts: string[] = [];
  const offsets: number[] = [];
  // Iterative: deeply nested input must not overflow the stack.
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Nodes;
    if (current.type === 'text') {
      parts.push(current.value);
      const from = current.position?.start.offset;
      const to = current.position?.end.offset;
      if (from !== undefined && to !== undefined && to > from) offsets.push(from, to);
    } else if (current.type === 'inlineCode') {
      parts.push(current.value);
    } else if (current.type === 'break') {
      parts.push(' ');
    } else if ('children' in current) {
      const children = current.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Nodes);
      // Blocks inside blocks (list items, paragraphs of a quote) are separated by a space.
      if (current.type === 'paragraph' || current.type === 'listItem' || current.type === 'tableCell') parts.push(' ');
    }
  }
  return { text: parts.join(''), offsets };
}

/** The structure facts of a chunk's top-level blocks, in document order. */
export function structureBlocks(root: Root, range: (from: number, to: number) => Range): StructureBlock[] {
  const blocks: StructureBlock[] = [];
  for (const node of root.children) {
    if (node.type === 'yaml' || node.type === 'definition') continue;
    const from = node.position?.start.offset ?? 0;
    const to = node.position?.end.offset ?? from;
    const kind = kindOf(node);
    const { text, offsets } = kind === 'code' || kind === 'html' ? { text: '', offsets: [] } : proseOf(node);
    const plain = text.replace(/\s+/g, ' ').trim();
    let label: string | undefined;
    let emphasised = false;
    let rest = plain;
    let labelOnly = node.type === 'heading';
    if (node.type === 'heading') label = plain;
    if (node.type === 'paragraph') {
      const first = node.children[0];
      if (first?.type === 'strong') {
        label = toString(first).replace(/\s+/g, ' ').trim();
        const after = plain.startsWith(label) ? plain.slice(label.length).replace(/^[\s.:;—–-]+/, '') : plain;
        if (after === '') labelOnly = true;
        else rest = after;
      }
      emphasised = node.children.length === 1 && (first?.type === 'strong' || first?.type === 'emphasis');
    }
    const question =
      (node.type === 'heading' && (plain.endsWith('?') || Q_PREFIX.test(plain))) ||
      (node.type === 'paragraph' && (Q_PREFIX.test(plain) || (label !== undefined && (label.endsWith('?') || Q_PREFIX.test(label)))));
    blocks.push({
      kind,
      range: range(from, to),
      level: node.type === 'heading' ? node.depth : 0,
      ...(label ? { label } : {}),
      labelOnly,
      emphasised,
      question,
      quotation: (kind === 'paragraph' || kind === 'blockquote') && (OPENS_QUOTE.test(plain) || (QUOTE_MARKS.test(plain) && SAID.test(plain))),
      lead: rest.slice(0, LEAD_LENGTH),
      sentences: countSentences(rest),
      words: countWords(text),
      prose: offsets,
    });
  }
  return blocks;
}
