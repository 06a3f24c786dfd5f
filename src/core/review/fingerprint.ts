import type { Heading, ListItem, Nodes, Parent, Root } from 'mdast';
import type { RequirementForm } from '../model';
import { fnv1a64 } from './fnv';
import { normaliseText, plainText } from './plainText';

/**
 * Fingerprints: FNV-1a 64 (fnv.ts) of normalised plain text (plainText.ts), so reflowing,
 * re-indenting, comment threads, owner comments, review stamps and approvals never change
 * them and rewording always does. Defined exactly in docs/format.md § Fingerprints.
 *
 * Extents are chunk-local (chunks split at `#`/`##` headings): a section ends at the next
 * heading of the same or a higher level, and a `#` section also at the next `##`.
 */

/** Where a requirement is defined, as extractChunk found it. */
export interface RequirementSite {
  readonly id: string;
  readonly form: RequirementForm;
  /** The heading (heading and OpenFastTrace forms) or the list item. */
  readonly node: Heading | ListItem;
  readonly parent: Parent | undefined;
  readonly index: number;
}

const SEPARATORS = /^[\s:\-–—.)]+/;

export function fingerprintOf(text: string): string {
  return fnv1a64(normaliseText(text));
}

/** `text` without a leading `id` and the separator after it (`CHK-1: Buy` → `Buy`). */
function withoutId(text: string, id: string, separators: boolean): string {
  const normal = normaliseText(text);
  if (!normal.startsWith(id)) return normal;
  const rest = normal.slice(id.length);
  return separators ? rest.replace(SEPARATORS, '') : rest;
}

/** Index of the first sibling after `index` that ends a section of heading depth `depth`. */
function sectionEnd(children: readonly Nodes[], index: number, depth: number): number {
  const stop = Math.max(depth, 2);
  for (let i = index + 1; i < children.length; i++) {
    const sibling = children[i] as Nodes;
    if (sibling.type === 'heading' && sibling.depth <= stop) return i;
  }
  return children.length;
}

/** Fingerprints of one chunk's sections, requirements and top-level parts. */
export class ChunkFingerprints {
  /** Normalised plain text per node (a section's blocks are shared by its enclosing sections). */
  private readonly normalCache = new Map<Nodes, string>();

  constructor(private readonly root: Root) {}

  private normal(node: Nodes): string {
    let cached = this.normalCache.get(node);
    if (cached === undefined) this.normalCache.set(node, (cached = normaliseText(plainText([node]))));
    return cached;
  }

  /**
   * Fingerprint of normalised parts joined by spaces: the same as normalising the joined plain
   * texts (the space between parts keeps NFC and whitespace runs from crossing a boundary).
   */
  private ofParts(parts: readonly string[]): string {
    return fnv1a64(parts.filter((part) => part !== '').join(' '));
  }

  /** A heading's section: the heading and every block up to the section's end, HTML excluded. */
  section(heading: Heading, parent: Parent | undefined, index: number): string {
    const children = (parent?.type === 'root' ? parent.children : undefined) as Nodes[] | undefined;
    if (!children || children[index] !== heading) return this.ofParts([this.normal(heading)]);
    const end = sectionEnd(children, index, heading.depth);
    const parts: string[] = [];
    for (let i = index; i < end; i++) parts.push(this.normal(children[i] as Nodes));
    return this.ofParts(parts);
  }

  /**
   * The parts a document fingerprint is built from, for this chunk: the fingerprint of the text
   * before the first top-level `#`/`##` heading (frontmatter source included) when there is any,
   * then the fingerprint of each top-level `#`/`##` section.
   */
  contentParts(): string[] {
    const children = this.root.children as Nodes[];
    const first = children.findIndex((node) => node.type === 'heading' && node.depth <= 2);
    const preambleEnd = first < 0 ? children.length : first;
    const preamble = children
      .slice(0, preambleEnd)
      .map((node) => (node.type === 'yaml' ? normaliseText(node.value) : this.normal(node)))
      .filter((part) => part !== '')
      .join(' ');
    const parts = preamble === '' ? [] : [fnv1a64(preamble)];
    for (let i = preambleEnd; i < children.length; i++) {
      const node = children[i] as Nodes;
      if (node.type === 'heading' && node.depth <= 2) parts.push(this.section(node, this.root, i));
    }
    return parts;
  }

  /**
   * A requirement's own words: its title and text without its ID, and without the text of other
   * requirements defined inside it (a list item defining one, with everything nested in it; a
   * heading defining one, with its section).
   */
  requirement(site: RequirementSite, isDefinition: (node: Nodes) => boolean): string {
    const nested = (node: Nodes) => node !== site.node && isDefinition(node);
    if (site.form === 'list-item') return fingerprintOf(withoutId(plainText([site.node], nested), site.id, true));
    const heading = site.node as Heading;
    const title = site.form === 'heading' ? withoutId(this.normal(heading), site.id, true) : this.normal(heading);
    const children = (site.parent?.type === 'root' ? site.parent.children : undefined) as Nodes[] | undefined;
    if (!children || children[site.index] !== heading) return fingerprintOf(title);
    const end = sectionEnd(children, site.index, heading.depth);
    const body: string[] = [];
    for (let i = site.index + 1; i < end; i++) {
      const sibling = children[i] as Nodes;
      if (sibling.type === 'heading' && isDefinition(sibling)) {
        i = sectionEnd(children, i, sibling.depth) - 1;
        continue;
      }
      body.push(plainText([sibling], nested));
    }
    const text = normaliseText(body.join(' '));
    // The OpenFastTrace ID line is the first line under the heading: not part of the words.
    const own = site.form === 'oft' ? withoutId(text, site.id, false) : text;
    return fingerprintOf(`${title} ${own}`);
  }
}
