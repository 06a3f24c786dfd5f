import type { Heading, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Range } from '../model';
import type { LineIndex } from '../text/lineIndex';
import type { LineKind } from './oftReader';

export interface ScannedHeading {
  readonly text: string;
  readonly slugText: string;
  readonly range: Range;
}

/** What each line of a chunk is, from its markdown parse: what the OFT reader and `oft:off` need. */
export interface LineScan {
  readonly kinds: readonly LineKind[];
  /** 1 for lines between `oft:off` and `oft:on` (the switch lines included): nothing there is read. */
  readonly off: Uint8Array;
  /** Chunk-local heading index by the line it starts on. */
  readonly headingAt: ReadonlyMap<number, number>;
  /** Headings in document order (the order the extraction walk meets them). */
  readonly headings: readonly ScannedHeading[];
  /** The heading each line stands under (-1 before the first). */
  readonly sections: readonly number[];
}

const OFF = /(?:^|[^\p{L}\p{N}_])oft:off(?:[^\p{L}\p{N}_]|$)/u;
const ON = /(?:^|[^\p{L}\p{N}_])oft:on(?:[^\p{L}\p{N}_]|$)/u;
const BLOCK_PARENTS: ReadonlySet<string> = new Set(['root', 'listItem', 'blockquote', 'footnoteDefinition']);

/** A heading's text as shown: raw HTML dropped (image alt text kept). */
export function headingText(node: Heading): string {
  return toString(node, { includeHtml: false }).trim();
}

/** The text GitHub builds a heading's anchor from: its rendered text, so no raw HTML and no images, and not trimmed. */
export function slugText(node: Heading): string {
  return toString(node, { includeHtml: false, includeImageAlt: false });
}

export function scanLines(root: Root, text: string, lines: LineIndex): LineScan {
  const count = lines.lineCount;
  const kinds: LineKind[] = new Array<LineKind>(count).fill('text');
  const headingAt = new Map<number, number>();
  const headings: ScannedHeading[] = [];
  /** Per line: 1 holds `oft:off`, 2 holds `oft:on`, 3 both (only lines of HTML nodes count). */
  const switches = new Uint8Array(count);
  const lineOf = (offset: number | undefined) => lines.position(offset ?? 0).line;
  const mark = (node: Nodes, kind: LineKind) => {
    for (let line = lineOf(node.position?.start.offset); line <= lineOf(node.position?.end.offset) && line < count; line++) kinds[line] = kind;
  };

  const stack: Array<{ node: Nodes; parent: string }> = [{ node: root, parent: '' }];
  while (stack.length > 0) {
    const { node, parent } = stack.pop() as { node: Nodes; parent: string };
    switch (node.type) {
      case 'heading': {
        const first = lineOf(node.position?.start.offset);
        headingAt.set(first, headings.length);
        headings.push({
          text: headingText(node),
          slugText: slugText(node),
          range: lines.range(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0),
        });
        // A setext heading's underline is part of it.
        for (let line = first + 1; line <= lineOf(node.position?.end.offset); line++) kinds[line] = 'skip';
        break;
      }
      case 'code':
        mark(node, 'code');
        continue;
      case 'yaml':
        mark(node, 'skip');
        continue;
      case 'html': {
        if (BLOCK_PARENTS.has(parent)) mark(node, node.value.trimStart().startsWith('<!--') ? 'skip' : 'code');
        const first = lineOf(node.position?.start.offset);
        node.value.split(/\r\n|\n|\r/).forEach((value, i) => {
          if (first + i < count) switches[first + i] |= (OFF.test(value) ? 1 : 0) | (ON.test(value) ? 2 : 0);
        });
        continue;
      }
    }
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as Nodes, parent: node.type });
    }
  }

  // OFT's switch: a line holding oft:off turns reading off (that line unread); while off, a line
  // holding oft:on turns it on again (that line unread too).
  const off = new Uint8Array(count);
  let enabled = true;
  const sections: number[] = new Array<number>(count).fill(-1);
  let section = -1;
  for (let line = 0; line < count; line++) {
    const flags = switches[line] ?? 0;
    if (enabled) {
      if (flags & 1) {
        enabled = false;
        off[line] = 1;
      }
    } else {
      off[line] = 1;
      if (flags & 2) enabled = true;
    }
    const at = headingAt.get(line);
    if (at !== undefined) section = at;
    sections[line] = section;
  }
  void text;
  return { kinds, off, headingAt, headings, sections };
}
