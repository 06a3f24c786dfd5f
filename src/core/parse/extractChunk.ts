import type { Definition, Heading, Link, ListItem, Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { IdMatcher, IdToken } from '../ids';
import { LineIndex } from '../text/lineIndex';
import type {
  ChunkCover,
  ChunkHeading,
  ChunkIdRef,
  ChunkLink,
  ChunkModel,
  ChunkOwnerComment,
  ChunkProblem,
  ChunkRequirement,
  ChunkSignOff,
  ChunkThread,
} from './chunkModel';
import { isThreadHtml, plainBlock, readThreadNode } from '../comments/threadBlocks';
import { structureBlocks } from '../lint/blocks';
import { readOwnerComment } from '../owners/ownerComment';
import { firstSentence } from '../lint/words';
import { ChunkFingerprints, fingerprintOf, type RequirementSite } from '../review/fingerprint';
import { readSignOffBlock } from '../review/signOffBlock';
import { SIGN_OFF_OPENER } from '../review/signOffFormat';
import { parseMarkdown } from '../text/markdownTree';
import { coversEntryToken, lineTexts, SECTION_COVERS } from './oftLines';
import { readOftItems, type ReaderLine } from './oftReader';
import { headingText, scanLines, slugText } from './scanLines';

/** Requirement texts are kept for hovers and tooltips, not as a copy of the document. */
export const MAX_REQUIREMENT_TEXT = 1000;
/** A list item's title is one sentence; a paragraph without a full stop is cut here. */
export const MAX_TITLE = 200;

const SEPARATORS = /^[\s:\-–—.)]+/;
/** OFT's field labels: one ends a section's Covers: list (a Depends: list after it is no coverage). */
const FIELD_LINE = /^[ \t]{0,3}(?:Depends|Needs|Tags|Status|Rationale|Comment|Description|Covers)[ \t]*:/;

interface Visit {
  readonly node: Nodes;
  readonly parent: Parent | undefined;
  readonly index: number;
}

function start(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}
function end(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

function clip(text: string): string {
  return text.length > MAX_REQUIREMENT_TEXT ? `${text.slice(0, MAX_REQUIREMENT_TEXT - 1)}…` : text;
}

/** Parses one chunk and extracts what the model needs; the tree is dropped on return. */
export function extractChunk(text: string, ids: IdMatcher): ChunkModel {
  const root = parseMarkdown(text);
  const fingerprints = new ChunkFingerprints(root);
  const lines = new LineIndex(text);
  const range = (from: number, to: number) => lines.range(from, to);

  const headings: ChunkHeading[] = [];
  const requirements: Array<Omit<ChunkRequirement, 'fingerprint'> & { readonly fingerprint?: string }> = [];
  /** Where each requirement is defined, for its fingerprint (computed once every definition is known). */
  const sites: RequirementSite[] = [];
  const signOffs: ChunkSignOff[] = [];
  const covers: ChunkCover[] = [];
  const problems: ChunkProblem[] = [];
  const mentions: ChunkIdRef[] = [];
  const links: ChunkLink[] = [];
  const ownerComments: ChunkOwnerComment[] = [];
  const threads: ChunkThread[] = [];
  /** Offsets of ID tokens already used as a definition or declaration: not mentions too. */
  const claimed = new Set<number>();
  /** Offsets of ID tokens that are OFT `Depends:` entries: mentions, never list-item definitions. */
  const dependsAt = new Set<number>();
  /** Source ranges of inline Covers declarations (a list's links stay references, as before). */
  const declarations: Array<readonly [number, number]> = [];
  let heading = -1;

  // What each line is (code, comment, heading, oft:off) decides how the OFT reader sees it.
  const scan = scanLines(root, text, lines);
  const isOff = (offset: number) => scan.off[lines.position(offset).line] === 1;
  const texts = lineTexts(text, lines);
  const readerLines: ReaderLine[] = texts.map((lineText, line) => ({
    text: lineText,
    start: lines.lineStart(line),
    kind: scan.off[line] ? 'skip' : (scan.kinds[line] ?? 'text'),
    section: scan.sections[line] ?? -1,
    ...(scan.headingAt.has(line) && !scan.off[line] ? { heading: scan.headingAt.get(line) as number } : {}),
  }));
  const oft = readOftItems(readerLines, ids);
  /** Lines that belong to an OFT item: its own reader reads their Covers: lists. */
  const inItem = new Uint8Array(lines.lineCount);
  for (const item of oft.items) {
    claimed.add(item.start);
    for (let line = item.line; line <= item.endLine; line++) inItem[line] = 1;
    const titled = item.titleHeading !== undefined ? scan.headings[item.titleHeading] : undefined;
    const lineStart = lines.lineStart(item.line);
    requirements.push({
      id: item.id,
      idRange: range(item.start, item.end),
      range: titled ? titled.range : range(lineStart, lineStart + (texts[item.line] ?? '').length),
      form: item.form,
      title: titled?.text ?? '',
      text: clip(item.description),
      heading: item.section,
      ownHeading: titled !== undefined,
      fingerprint: fingerprintOf(`${titled?.text ?? ''} ${item.words}`),
      needs: item.needs,
      tags: item.tags,
      depends: item.depends,
      ...(item.status ? { status: item.status } : {}),
    });
  }
  for (const cover of oft.covers) {
    claimed.add(cover.start);
    covers.push({ id: cover.id, range: range(cover.start, cover.end), heading: scan.sections[lines.position(cover.start).line] ?? -1, by: cover.by, type: cover.type });
  }
  for (const entry of oft.depends) dependsAt.add(entry.start);
  /** Lines holding entries of a Covers:/Depends:/Needs:/Tags: list: a list item there defines nothing. */
  const entryLine = new Uint8Array(lines.lineCount);
  for (const line of oft.entryLines) entryLine[line] = 1;
  for (const found of oft.problems) {
    problems.push({ code: found.code, message: found.message, range: range(found.start, found.end), ...(found.subject === undefined ? {} : { subject: found.subject }) });
  }

  /** The ID that begins a heading or paragraph: bare, bold/emphasised or in backticks. */
  function idAtStart(block: Heading | Paragraph): (IdToken & { readonly after: number }) | undefined {
    const first = block.children[0];
    if (!first) return undefined;
    const from = start(first);
    const source = text.slice(from, end(first));
    if (first.type === 'text') {
      const token = ids.matchAtStart(source);
      return token && { id: token.id, start: from + token.start, end: from + token.end, after: from + token.end };
    }
    if (first.type === 'strong' || first.type === 'emphasis' || first.type === 'inlineCode') {
      const inner = first.type === 'inlineCode' ? first.value.trim() : toString(first).trim();
      if (!ids.isId(inner)) return undefined;
      const at = source.indexOf(inner);
      return at < 0 ? undefined : { id: inner, start: from + at, end: from + at + inner.length, after: end(first) };
    }
    return undefined;
  }

  function afterId(full: string, id: string): string {
    const at = full.indexOf(id);
    return (at < 0 ? full : full.slice(at + id.length)).replace(SEPARATORS, '');
  }

  /** The markdown source of a heading's section (for hovers), up to the next heading of the same or a higher level. */
  function sectionText(parent: Parent | undefined, index: number, level: number): string {
    if (!parent || parent.type !== 'root') return '';
    const parts: string[] = [];
    let length = 0;
    for (let i = index + 1; i < parent.children.length && length < MAX_REQUIREMENT_TEXT; i++) {
      const sibling = parent.children[i] as RootContent;
      if (sibling.type === 'heading' && sibling.depth <= level) break;
      if (sibling.type === 'html' || sibling.type === 'yaml') continue;
      const part = text.slice(start(sibling), end(sibling)).trim();
      if (part) {
        parts.push(part);
        length += part.length;
      }
    }
    return clip(parts.join('\n\n'));
  }

  function onHeading(node: Heading, parent: Parent | undefined, index: number): void {
    heading = headings.length;
    const own = scan.headings[heading];
    headings.push({
      level: node.depth,
      text: own?.text ?? headingText(node),
      slugText: own?.slugText ?? slugText(node),
      range: range(start(node), end(node)),
      fingerprint: fingerprints.section(node, parent, index),
    });
    const token = isOff(start(node)) ? undefined : idAtStart(node);
    if (token) {
      claimed.add(token.start);
      sites.push({ id: token.id, form: 'heading', node, parent, index });
      requirements.push({
        id: token.id,
        idRange: range(token.start, token.end),
        range: range(start(node), end(node)),
        form: 'heading',
        title: afterId(toString(node, { includeHtml: false }), token.id).trim(),
        text: sectionText(parent, index, node.depth),
        heading,
        ownHeading: true,
      });
    }
  }

  function onListItem(node: ListItem): void {
    const first = node.children[0];
    if (first?.type !== 'paragraph') return;
    const token = isOff(start(node)) ? undefined : idAtStart(first);
    // An item of a Covers: list (claimed by its paragraph, visited first) is a declaration, not a definition; so is a Depends: entry.
    if (!token || claimed.has(token.start) || dependsAt.has(token.start) || entryLine[lines.position(start(node)).line]) return;
    claimed.add(token.start);
    // A hard-wrapped item's title is its first sentence, across soft line breaks (not its first source line).
    const title = firstSentence(afterId(toString(first).replace(/\s*\n\s*/g, ' '), token.id).trim());
    sites.push({ id: token.id, form: 'list-item', node, parent: undefined, index: -1 });
    requirements.push({
      id: token.id,
      idRange: range(token.start, token.end),
      range: range(start(node), end(first)),
      form: 'list-item',
      title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title,
      text: clip(text.slice(token.after, end(node)).replace(SEPARATORS, '').trim()),
      heading,
      ownHeading: false,
    });
  }

  /**
   * A section's own declaration: a `Covers:` line (alone or with inline IDs, also bold) anywhere in
   * a paragraph, or alone as its last line followed by a list. Lines of an OFT item are the OFT
   * reader's (their IDs are claimed by then).
   */
  function onParagraph(node: Paragraph, parent: Parent | undefined, index: number): void {
    const from = start(node);
    const to = end(node);
    const firstLine = lines.position(from).line;
    const lastLine = lines.position(to).line;
    let prefixEnd = -1;
    let coversLine = -1;
    for (let line = firstLine; line <= lastLine; line++) {
      const lineStart = Math.max(from, lines.lineStart(line));
      const lineEnd = Math.min(to, lines.lineStart(line) + (texts[line] ?? '').length);
      const match = SECTION_COVERS.exec(text.slice(lineStart, lineEnd));
      if (match) {
        prefixEnd = lineStart + match[0].length;
        coversLine = line;
        break;
      }
    }
    if (coversLine < 0 || inItem[coversLine] || isOff(from)) return;
    declarations.push([prefixEnd, to]);
    let inline = 0;
    for (const textNode of descendantTexts(node)) {
      const textFrom = start(textNode);
      for (const token of ids.findAll(text.slice(textFrom, end(textNode)))) {
        const at = textFrom + token.start;
        if (at < prefixEnd || claimed.has(at)) continue;
        claimed.add(at);
        covers.push({ id: token.id, range: range(at, at + token.id.length), heading });
        inline++;
      }
    }
    const next = parent?.children[index + 1];
    if (inline > 0 || coversLine !== lastLine || next?.type !== 'list') return;
    let lastEntryLine = lines.position(end(next)).line;
    for (let line = coversLine + 1; line <= lastEntryLine; line++) {
      if (FIELD_LINE.test(texts[line] ?? '')) lastEntryLine = line - 1;
    }
    for (const item of next.children) {
      const itemStart = start(item);
      const itemLine = lines.position(itemStart).line;
      // A field line (`Depends:` …) ends the list, even where markdown makes it part of an item.
      if (itemLine > lastEntryLine) break;
      entryLine[itemLine] = 1;
      const lineEnd = lines.lineStart(itemLine) + (texts[itemLine] ?? '').length;
      const token = coversEntryToken(text.slice(itemStart, lineEnd), ids);
      if (!token) continue;
      const at = itemStart + token.start;
      if (claimed.has(at)) continue;
      claimed.add(at);
      covers.push({ id: token.id, range: range(at, at + token.id.length), heading });
    }
  }

  function onText(from: number, to: number): void {
    if (isOff(from)) return;
    for (const token of ids.findAll(text.slice(from, to))) {
      const at = from + token.start;
      if (claimed.has(at)) continue;
      mentions.push({ id: token.id, range: range(at, at + token.id.length), heading });
    }
  }

  function onLink(node: Link | Definition): void {
    if (!node.url.includes('#') || /^[a-z][a-z0-9+.-]*:/i.test(node.url)) return;
    const at = start(node);
    if (isOff(at) || declarations.some(([from, to]) => at >= from && at < to)) return;
    links.push({ url: node.url, range: range(start(node), end(node)), heading });
  }

  function onHtml(node: Extract<Nodes, { type: 'html' }>, parent: Parent | undefined, index: number): void {
    const { value } = node;
    const from = start(node);
    const to = end(node);
    // A thread block, or a thread opener inside another block (read as a thread or reported, never lost).
    const thread = readThreadNode(node, parent, index, text, lines);
    if (thread) {
      threads.push(plainBlock(thread));
      if (isThreadHtml(node)) return;
    }
    if (SIGN_OFF_OPENER.test(value)) {
      const { start: blockStart, end: blockEnd, ...block } = readSignOffBlock(text, from, to);
      signOffs.push({ ...block, range: range(blockStart, blockEnd), heading });
      return;
    }
    const people = readOwnerComment(value);
    if (!people) return;
    // Right after its heading, in the heading's container (a heading may stand in a block quote or list item).
    const placed = parent?.children[index - 1]?.type === 'heading';
    ownerComments.push({ people, range: range(from, to), heading, placed });
  }

  // Iterative pre-order walk: deeply nested input must not overflow the stack here.
  const stack: Visit[] = [{ node: root as Root, parent: undefined, index: 0 }];
  while (stack.length > 0) {
    const { node, parent, index } = stack.pop() as Visit;
    switch (node.type) {
      case 'heading':
        onHeading(node, parent, index);
        break;
      case 'listItem':
        onListItem(node);
        break;
      case 'paragraph':
        onParagraph(node, parent, index);
        break;
      case 'text':
        onText(start(node), end(node));
        continue;
      case 'link':
        onLink(node);
        break;
      case 'definition':
        // `[r]: prfaq.md#chk-3`: links written reference-style point at a requirement from here.
        onLink(node);
        continue;
      case 'html':
        onHtml(node, parent, index);
        continue;
      case 'code': {
        // Only a code fence that is never closed can have swallowed a thread (one in closed code is an example).
        const thread = readThreadNode(node, parent, index, text, lines);
        if (thread) threads.push(plainBlock(thread));
        continue;
      }
      case 'inlineCode':
      case 'yaml':
        continue;
    }
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as Nodes, parent: node, index: i });
    }
  }

  const definitions = new Set<Nodes>(sites.map((site) => site.node));
  const isDefinition = (node: Nodes) => definitions.has(node);
  let site = 0;
  return {
    lineCount: lines.lineCount,
    headings,
    // OFT items carry their own fingerprint; the other forms' come from their markdown nodes, in order.
    requirements: requirements
      .map((requirement) => ({ ...requirement, fingerprint: requirement.fingerprint ?? fingerprints.requirement(sites[site++] as RequirementSite, isDefinition) }))
      .sort((a, b) => a.idRange.start.line - b.idRange.start.line || a.idRange.start.character - b.idRange.start.character),
    covers,
    mentions,
    links,
    ownerComments,
    threads,
    blocks: structureBlocks(root, range),
    contentParts: fingerprints.contentParts(),
    signOffs,
    problems,
  };
}

function* descendantTexts(node: Parent): Generator<Extract<Nodes, { type: 'text' }>> {
  const stack: Nodes[] = [...(node.children as Nodes[])].reverse();
  while (stack.length > 0) {
    const current = stack.pop() as Nodes;
    if (current.type === 'text') yield current;
    else if ('children' in current) stack.push(...[...(current.children as Nodes[])].reverse());
  }
}
