import type { Nodes } from 'mdast';

/**
 * The words a reader sees when the markdown is rendered, for fingerprints: text, inline code and
 * code blocks, image alt text. Left out: HTML (comments, comment threads, owner comments, review
 * stamps, approvals and any other tag), frontmatter, link and image destinations, link reference
 * definitions, and formatting marks (emphasis, list markers, heading hashes). Block boundaries
 * become a space, so joining two paragraphs or splitting one never changes the words.
 */
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'inlineCode', 'break', 'html', 'image', 'imageReference', 'footnoteReference', 'inlineMath']);

type Item = Nodes | typeof BOUNDARY;
const BOUNDARY = Symbol('block boundary');

/** Plain text of the nodes, skipping any node `skip` rejects (with its content). Iterative: deep nesting cannot overflow the stack. */
export function plainText(nodes: readonly Nodes[], skip?: (node: Nodes) => boolean): string {
  const out: string[] = [];
  const stack: Item[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i] as Nodes);
  while (stack.length > 0) {
    const item = stack.pop() as Item;
    if (item === BOUNDARY) {
      out.push(' ');
      continue;
    }
    if (skip?.(item)) continue;
    switch (item.type as string) {
      case 'html':
      case 'yaml':
      case 'definition':
        continue;
      case 'image':
      case 'imageReference':
        out.push((item as { alt?: string | null }).alt ?? '');
        continue;
      case 'break':
      case 'thematicBreak':
        out.push(' ');
        continue;
    }
    if ('children' in item) {
      const block = !PHRASING.has(item.type);
      if (block) {
        out.push(' ');
        stack.push(BOUNDARY);
      }
      const children = item.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Nodes);
    } else if ('value' in item && typeof item.value === 'string') {
      // text, inlineCode, code (and math, when present): their literal value.
      out.push(item.value);
      if (!PHRASING.has(item.type)) out.push(' ');
    }
  }
  return out.join('');
}

/**
 * The normalisation every fingerprint applies: Unicode NFC, every run of whitespace (what
 * JavaScript's `\s` matches: spaces, tabs, line breaks, no-break spaces, …) becomes one space,
 * and leading and trailing whitespace is removed.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
