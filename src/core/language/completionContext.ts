import type { DocModel, Position, Range } from '../model';
import { frontmatterLines, insideFencedCode, startsParagraph } from './markdownLines';
import { indentOf, isBlank, TextLines } from './textLines';

export type CompletionContextKind = 'covers-inline' | 'covers-list' | 'waived-key';

/** Where an ID is being typed and what it may not repeat. */
export interface IdCompletionContext {
  readonly kind: CompletionContextKind;
  /** The partial ID before the cursor (empty at `Covers: |`). */
  readonly replaceRange: Range;
  readonly partial: string;
  /** IDs already in this declaration or map, not counting the one being typed. */
  readonly listed: ReadonlySet<string>;
  /** The cursor is right after `:` or `,`: the inserted ID needs a space before it. */
  readonly needsSpace: boolean;
}

const COVERS_PREFIX = /^ {0,3}(?:\*\*Covers[ \t]*:[ \t]*\*\*|\*\*Covers\*\*[ \t]*:|Covers[ \t]*:)/;
const COVERS_ALONE = new RegExp(`${COVERS_PREFIX.source}[ \\t]*$`);
const PARTIAL = /[A-Za-z0-9_~.-]*$/;
const TOKEN = /[A-Za-z0-9_~.-]+/g;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)/;

function tokens(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[0].replace(/[.-]+$/, ''));
}

function range(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

/**
 * The completion context at `position`: after `Covers:` on a paragraph's first line, in a list
 * item directly under a lone `Covers:` (design docs), or as a key of the frontmatter `waived:`
 * map (PR/FAQs). Without `documentText` only the inline form is recognised, and its line is
 * assumed to start a paragraph.
 */
export function completionContextAt(doc: DocModel, position: Position, lineText: string, documentText?: string): IdCompletionContext | undefined {
  const before = lineText.slice(0, position.character);
  const partial = PARTIAL.exec(before)?.[0] ?? '';
  const partialStart = position.character - partial.length;
  const lines = documentText === undefined ? undefined : new TextLines(documentText);
  const replaceRange = range(position.line, partialStart, position.character);
  const frontmatter = lines && frontmatterLines(lines);
  const inFrontmatter = frontmatter !== undefined && position.line > 0 && (frontmatter.closeLine === undefined || position.line < frontmatter.closeLine);

  if (doc.kind === 'prfaq' && lines && inFrontmatter) {
    const listed = waivedKeysAround(lines, position.line);
    if (!listed || !/^[ \t]+["']?$/.test(before.slice(0, partialStart))) return undefined;
    return { kind: 'waived-key', replaceRange, partial, listed, needsSpace: false };
  }
  if (doc.kind !== 'design' || inFrontmatter || (lines && insideFencedCode(lines, position.line))) return undefined;

  const inline = COVERS_PREFIX.exec(before);
  if (inline) {
    const between = before.slice(inline[0].length, partialStart);
    const last = between.at(-1);
    if (last !== undefined && !/[\s,]/.test(last)) return undefined;
    if (lines && !startsParagraph(lines, position.line)) return undefined;
    const listed = new Set(tokens(between));
    for (const token of tokens(lineText.slice(position.character).replace(/^[A-Za-z0-9_~.-]*/, ''))) listed.add(token);
    const needsSpace = last === undefined ? !/\s$/.test(inline[0]) : last === ',';
    return { kind: 'covers-inline', replaceRange, partial, listed, needsSpace };
  }

  const item = LIST_ITEM.exec(before);
  if (lines && item && before.length === item[0].length + partial.length) {
    const listed = coversListAround(lines, position.line);
    return listed && { kind: 'covers-list', replaceRange, partial, listed, needsSpace: false };
  }
  return undefined;
}

/** The IDs of the other items of the Covers: list the line belongs to, or undefined when it belongs to none. */
function coversListAround(lines: TextLines, line: number): Set<string> | undefined {
  const listed = new Set<string>();
  const itemId = (text: string): string | undefined => {
    const item = LIST_ITEM.exec(text);
    if (!item) return undefined;
    const rest = text.slice(item[0].length).trim();
    return tokens(/^\[([^\]]*)\]/.exec(rest)?.[1] ?? rest)[0] ?? '';
  };
  let above = line - 1;
  for (; above >= 0; above--) {
    const text = lines.line(above);
    if (isBlank(text)) continue;
    const id = itemId(text);
    if (id === undefined) break;
    if (id) listed.add(id);
  }
  if (above < 0 || !COVERS_ALONE.test(lines.line(above)) || !startsParagraph(lines, above)) return undefined;
  for (let below = line + 1; below < lines.lineCount; below++) {
    const text = lines.line(below);
    if (isBlank(text)) continue;
    const id = itemId(text);
    if (id === undefined) break;
    if (id) listed.add(id);
  }
  return listed;
}

const YAML_KEY = /^[ \t]+["']?([^"':\s]+)["']?[ \t]*:/;

/** The keys of the `waived:` map the line is an entry of, or undefined when it is in no such map. */
function waivedKeysAround(lines: TextLines, line: number): Set<string> | undefined {
  let parent = line - 1;
  for (; parent > 0; parent--) {
    const text = lines.line(parent);
    if (isBlank(text) || /^\s*#/.test(text) || indentOf(text) !== '') continue;
    break;
  }
  if (parent <= 0 || !/^waived[ \t]*:[ \t]*(?:#.*)?$/.test(lines.line(parent))) return undefined;
  const listed = new Set<string>();
  for (let i = parent + 1; i < lines.lineCount; i++) {
    const text = lines.line(i);
    if (/^---[ \t]*$/.test(text) || (!isBlank(text) && indentOf(text) === '')) break;
    const key = i === line ? undefined : YAML_KEY.exec(text)?.[1];
    if (key) listed.add(key);
  }
  return listed;
}
