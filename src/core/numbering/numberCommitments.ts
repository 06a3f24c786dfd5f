import type { Heading, ListItem, Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { FindingCode } from '../findings';
import type { IdMatcher } from '../ids';
import type { TextEdit } from '../language/types';
import { firstSentence } from '../lint/words';
import type { Position } from '../model';
import { locateFrontmatter } from '../parse/frontmatter';
import { parseDocument } from '../parse/parseDocument';
import { parseMarkdown } from '../text/markdownTree';
import { LineIndex } from '../text/lineIndex';

/** Which items to number. Only top-level list items count (not those nested in another item or a quote). */
export type NumberingScope =
  /** Headings and list items whose first line is in this range of 0-based lines (inclusive). */
  | { readonly kind: 'lines'; readonly from: number; readonly to: number }
  /** The headings and list items inside the sections of the headings on these lines. */
  | { readonly kind: 'under'; readonly headingLines: readonly number[] }
  /** Every list item of the document (headings are its outline: they are numbered only under a heading). */
  | { readonly kind: 'document' };

export interface NumberingOptions {
  readonly prefix: string;
  readonly ids: IdMatcher;
  readonly scope: NumberingScope;
  /** IDs used elsewhere (the workspace): numbers continue after the highest one with this prefix. */
  readonly usedIds?: Iterable<string>;
}

export interface AssignedId {
  readonly id: string;
  /** 0-based line of the heading or list item. */
  readonly line: number;
  readonly form: 'heading' | 'list-item';
  /** The item's first sentence, for reports. */
  readonly title: string;
}

export interface Numbering {
  /** One insertion per item, in document order. */
  readonly edits: readonly TextEdit[];
  readonly assigned: readonly AssignedId[];
  /** Items in scope that already carry an ID and were left as they are. */
  readonly alreadyNumbered: number;
}

export type NumberingResult = Numbering | { readonly problem: string };

interface Candidate {
  readonly node: Heading | ListItem;
  /** Offset where the ID goes: the start of the heading's text or of the item's first paragraph. */
  readonly insertAt: number;
}

const MAX_PREFIX_LENGTH = 60;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The highest number `prefix-N` has anywhere in the text (code, comments and prose alike) or in `usedIds`. */
export function highestNumber(prefix: string, text: string, usedIds: Iterable<string> = []): number {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_~-])${escapeRegExp(prefix)}-(\\d+)(?![\\p{L}\\p{N}_~])`, 'gu');
  let highest = 0;
  const scan = (source: string) => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
      const value = Number(match[1]);
      if (Number.isSafeInteger(value) && value > highest) highest = value;
    }
  };
  scan(text);
  for (const id of usedIds) scan(id);
  return highest;
}

/** Whether `prefix` can start IDs under the configured pattern; a one-line problem when it cannot. */
export function prefixProblem(prefix: string, ids: IdMatcher): string | undefined {
  if (prefix === '' || /\s/u.test(prefix)) return 'the ID prefix must be one word without spaces';
  if ([...prefix].length > MAX_PREFIX_LENGTH) return `the ID prefix must be at most ${MAX_PREFIX_LENGTH} characters`;
  if (!ids.isId(`${prefix}-1`)) return `IDs like "${prefix}-1" do not match the ID pattern ${ids.pattern}: choose another prefix, or set idPattern in .prfaq-trace.json`;
  return undefined;
}

function start(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

function candidatesOf(children: readonly RootContent[]): Array<{ readonly index: number; readonly candidate: Candidate }> {
  const out: Array<{ index: number; candidate: Candidate }> = [];
  children.forEach((node, index) => {
    if (node.type === 'heading') {
      const first = node.children[0];
      if (first) out.push({ index, candidate: { node, insertAt: start(first) } });
    } else if (node.type === 'list') {
      for (const item of node.children) {
        const paragraph = item.children[0];
        if (paragraph?.type === 'paragraph' && paragraph.children.length > 0) out.push({ index, candidate: { node: item, insertAt: start(paragraph) } });
      }
    }
  });
  return out;
}

function titleOf(node: Heading | ListItem): string {
  const text = toString(node.type === 'heading' ? node : (node.children[0] as Nodes)).replace(/\s+/g, ' ').trim();
  return firstSentence(text);
}

/**
 * Numbers the commitments in scope: the next free IDs with `prefix` (after the highest number
 * the document or `usedIds` already has, so retired numbers are never reused) inserted at
 * the start of each heading (`CHK-4: `) and list item (`CHK-5 `) that does not carry an ID yet,
 * in document order. Pure: the host applies the edits against the text it passed.
 */
export function numberCommitments(text: string, options: NumberingOptions): NumberingResult {
  // remark reads past a byte-order mark and counts offsets without it: work on the text after it.
  if (text.startsWith('\uFEFF')) return afterByteOrderMark(numberCommitments(text.slice(1), options));
  const problem = prefixProblem(options.prefix, options.ids);
  if (problem) return { problem };
  const model = parseDocument({ uri: 'file:///numbering.md', text, kindByPath: 'prfaq' }, { ids: options.ids, maxFileSize: Number.MAX_SAFE_INTEGER });
  if (!model || model.kind !== 'prfaq') return { problem: 'only PR/FAQs define requirements: this document says it is a design doc' };
  const failed = model.findings.find((f) => f.code === FindingCode.parseFailed);
  if (failed) return { problem: failed.message };

  const block = locateFrontmatter(text);
  if (block && !block.closed) return { problem: 'the frontmatter is not closed by a "---" line; fix it first' };
  // Nothing inside the frontmatter is an item, whatever its language.
  const bodyStart = block?.end ?? 0;
  const lines = new LineIndex(text);
  const root = parseMarkdown(text);
  const all = candidatesOf(root.children).filter(({ candidate }) => start(candidate.node) >= bodyStart);
  const lineOf = (offset: number) => lines.position(offset).line;
  let inScope: Candidate[];
  const scope = options.scope;
  if (scope.kind === 'document') {
    inScope = all.filter(({ candidate }) => candidate.node.type === 'listItem').map(({ candidate }) => candidate);
  } else if (scope.kind === 'lines') {
    inScope = all.filter(({ candidate }) => lineOf(start(candidate.node)) >= scope.from && lineOf(start(candidate.node)) <= scope.to).map(({ candidate }) => candidate);
  } else {
    const indices = new Set<number>();
    for (const line of scope.headingLines) {
      const headingIndex = root.children.findIndex((node) => node.type === 'heading' && lineOf(start(node)) === line);
      const heading = root.children[headingIndex];
      if (heading?.type !== 'heading') return { problem: `there is no heading on line ${line + 1}` };
      for (let i = headingIndex + 1; i < root.children.length; i++) {
        const node = root.children[i] as RootContent;
        if (node.type === 'heading' && node.depth <= heading.depth) break;
        indices.add(i);
      }
    }
    inScope = all.filter(({ index }) => indices.has(index)).map(({ candidate }) => candidate);
  }

  const defined = new Set(model.requirements.map((r) => `${r.range.start.line}:${r.range.start.character}`));
  const key = (position: Position) => `${position.line}:${position.character}`;
  let next = highestNumber(options.prefix, text, options.usedIds) + 1;
  const edits: TextEdit[] = [];
  const assigned: AssignedId[] = [];
  let alreadyNumbered = 0;
  for (const candidate of inScope) {
    const at = lines.position(start(candidate.node));
    if (defined.has(key(at))) {
      alreadyNumbered++;
      continue;
    }
    const id = `${options.prefix}-${next++}`;
    const insertAt = lines.position(candidate.insertAt);
    const heading = candidate.node.type === 'heading';
    edits.push({ range: { start: insertAt, end: insertAt }, newText: heading ? `${id}: ` : `${id} ` });
    assigned.push({ id, line: at.line, form: heading ? 'heading' : 'list-item', title: titleOf(candidate.node) });
  }
  return { edits, assigned, alreadyNumbered };
}

/** A result computed on the text after a byte-order mark, moved back onto the whole text (the mark is on line 0). */
function afterByteOrderMark(result: NumberingResult): NumberingResult {
  if ('problem' in result) return result;
  const shift = (p: Position): Position => (p.line === 0 ? { line: 0, character: p.character + 1 } : p);
  return { ...result, edits: result.edits.map((e) => ({ ...e, range: { start: shift(e.range.start), end: shift(e.range.end) } })) };
}

/** Lines of the headings whose text is `name` (any case; leading `#`s and surrounding spaces ignored). */
export function headingLinesNamed(text: string, name: string): number[] {
  if (text.startsWith('\uFEFF')) return headingLinesNamed(text.slice(1), name);
  const wanted = name.replace(/^\s*#+\s*/, '').replace(/\s+/g, ' ').trim().toLowerCase();
  const lines = new LineIndex(text);
  return parseMarkdown(text)
    .children.filter((node): node is Heading => node.type === 'heading' && toString(node).replace(/\s+/g, ' ').trim().toLowerCase() === wanted)
    .map((node) => lines.position(start(node)).line);
}
