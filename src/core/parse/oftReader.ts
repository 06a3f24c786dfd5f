import type { IdMatcher, IdToken } from '../ids';
import type { OftStatus } from '../model';
import { isOftId, OFT_ID_SOURCE, OFT_LOOKALIKE, oftIdProblem, parseOftId } from '../trace/oftId';
import { TraceCode } from '../trace/rules';

/**
 * OpenFastTrace's markdown importer, as a line reader: the same states and transitions as OFT's
 * (MarkdownImporter: an ID line starts an item, a title above it names it, `Needs:`, `Covers:`,
 * `Depends:`, `Tags:`, `Status:`, `Rationale:`, `Comment:` are fields, a title or the next ID
 * ends it, `arch --> dsn : req~x~1` forwards). It reads raw lines as OFT does; the markdown parse
 * only says which lines are code (text that can hold no field), which are HTML comments or
 * frontmatter (invisible), which are headings, and which stand between `oft:off` and `oft:on`.
 *
 * Deliberate differences (docs/format.md § 14) are marked "prfaq-trace:" below.
 */

/** `text`: read as OFT reads it. `code`: plain text only (code blocks, HTML blocks). `skip`: not there (comments, frontmatter, oft:off). */
export type LineKind = 'text' | 'code' | 'skip';

export interface ReaderLine {
  readonly text: string;
  /** Offset of the line's first character in the chunk. */
  readonly start: number;
  readonly kind: LineKind;
  /** Chunk-local index of the heading that starts on this line. */
  readonly heading?: number;
  /** Chunk-local index of the heading this line stands under (-1 before the first). */
  readonly section: number;
}

export interface ReaderToken {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

export interface ReaderCover extends ReaderToken {
  /** The covering item's ID and artifact type. */
  readonly by: string;
  readonly type: string;
}

export interface ReaderItem extends ReaderToken {
  readonly form: 'oft' | 'forward';
  /** Line of the ID (forwards: of the notation). */
  readonly line: number;
  /** The heading that titles it, or undefined (OFT gives a title only to the first item after a heading). */
  readonly titleHeading: number | undefined;
  readonly section: number;
  readonly needs: readonly string[];
  readonly tags: readonly string[];
  readonly depends: readonly string[];
  readonly status?: OftStatus;
  /** Description (OFT's), for hovers. */
  readonly description: string;
  /** The item's words: description, rationale and comment (for its fingerprint). */
  readonly words: string;
  /** Last line of the item (inclusive). */
  readonly endLine: number;
}

export interface ReaderProblem {
  readonly code: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly subject?: string;
}

export interface ReaderResult {
  readonly items: readonly ReaderItem[];
  readonly covers: readonly ReaderCover[];
  /** `Depends:` entries: references (mentions), never definitions or coverage. */
  readonly depends: readonly ReaderToken[];
  readonly problems: readonly ReaderProblem[];
  /** Lines read as entries of a list field (Covers:, Depends:, Needs:, Tags:): their list items define nothing. */
  readonly entryLines: readonly number[];
}

type State = 'start' | 'title' | 'item' | 'description' | 'rationale' | 'comment' | 'covers' | 'depends' | 'needs' | 'tags';

const ID_LINE = new RegExp(`^\`?(${OFT_ID_SOURCE})`, 'u');
// The lookbehind starts a match only at a word's start: linear in the line's length.
const FORWARD = new RegExp(`(?<![A-Za-z])([A-Za-z]+)\\s*-->\\s*([A-Za-z]+(?:\\s*,\\s*[A-Za-z]+)*)\\s*:\\s*(${OFT_ID_SOURCE})`, 'u');
const STATUS = /^Status:\s*(approved|proposed|draft)\s*$/;
const KEYWORD = /^(Rationale|Comment|Covers|Depends|Needs|Tags|Description):\s*$/;
const NEEDS_INLINE = /^Needs:\s*(\w+(?:\s*,\s*\w+)*)[\s,]*$/;
const TAGS_INLINE = /^Tags:\s*(\w+(?:\s*,\s*\w+)*)[\s,]*$/;
const BULLET = /^\s{0,3}[+*-]/;
/** prfaq-trace: numbered items count too (OFT reads only + * - bullets), with an oft-difference finding. */
const NUMBERED = /^\s{0,3}[0-9]{1,9}[.)](?=\s|$)/;
const WORDS = /[A-Za-z]+/g;
const EMPTY = /^\s*$/;
/** prfaq-trace: `Covers: a, b` on one line and a bold label are read too (OFT reads them as description). */
const COVERS_INLINE = /^(?:\*\*|__)?Covers[ \t]*:(?:[ \t]*(?:\*\*|__))?/;
const COVERS_BOLD = /^(?:\*\*Covers\s*:\s*\*\*|__Covers\s*:\s*__|\*\*Covers\*\*\s*:|__Covers__\s*:)\s*$/;
const FIELD_START = /^(Needs|Tags|Status)\s*:/;
const TWO_TILDES = /^[\p{L}\p{N}_][\p{L}\p{N}_.\-]*~[^\s~`]*~[^\s`]*/u;
const LONE_TOKEN = /^[\p{L}\p{N}_][\p{L}\p{N}_.\-]*~[^\s`]*$/u;

const ENTRY_STATES: ReadonlySet<State> = new Set(['covers', 'depends', 'needs', 'tags']);

interface OpenItem {
  id: string;
  start: number;
  end: number;
  line: number;
  titleHeading: number | undefined;
  section: number;
  needs: string[];
  tags: string[];
  depends: string[];
  status?: OftStatus;
  description: string[];
  words: string[];
  endLine: number;
}

export function readOftItems(lines: readonly ReaderLine[], ids: IdMatcher): ReaderResult {
  const items: ReaderItem[] = [];
  const covers: ReaderCover[] = [];
  const depends: ReaderToken[] = [];
  const problems: ReaderProblem[] = [];
  const entryLines: number[] = [];
  let state: State = 'start';
  let title: number | undefined;
  let item: OpenItem | undefined;

  const problem = (code: string, message: string, start: number, end: number, subject?: string) =>
    problems.push(subject === undefined ? { code, message, start, end } : { code, message, start, end, subject });

  function endItem(lastLine: number): void {
    if (!item) return;
    item.endLine = Math.max(item.line, lastLine);
    items.push({
      id: item.id,
      start: item.start,
      end: item.end,
      form: 'oft',
      line: item.line,
      titleHeading: item.titleHeading,
      section: item.section,
      needs: item.needs,
      tags: item.tags,
      depends: item.depends,
      ...(item.status ? { status: item.status } : {}),
      description: item.description.join('\n').trim(),
      words: item.words.join('\n'),
      endLine: item.endLine,
    });
    item = undefined;
    title = undefined;
  }

  function beginItem(line: ReaderLine, index: number, id: string, at: number): void {
    endItem(index - 1);
    item = { id, start: at, end: at + id.length, line: index, titleHeading: title, section: line.section, needs: [], tags: [], depends: [], description: [], words: [], endLine: index };
    // OFT names only the first item after a title.
    title = undefined;
    state = 'item';
  }

  function forward(line: ReaderLine, index: number, match: RegExpExecArray): void {
    const [, skipped, targets, original] = match as unknown as [string, string, string, string];
    const parsed = parseOftId(original);
    if (!parsed) return;
    const at = line.start + (match.index ?? 0);
    const originalAt = line.start + (match.index ?? 0) + match[0].length - original.length;
    const id = `${skipped}~${parsed.name}~${parsed.revision}`;
    items.push({
      id,
      start: at,
      end: at + skipped.length,
      form: 'forward',
      line: index,
      titleHeading: undefined,
      section: line.section,
      needs: targets.split(',').map((t) => t.trim()),
      tags: [],
      depends: [],
      description: `${skipped} forwards ${original} to ${targets.split(',').map((t) => t.trim()).join(', ')}`,
      words: line.text,
      endLine: index,
    });
    covers.push({ id: original, start: originalAt, end: originalAt + original.length, by: id, type: skipped });
  }

  /** A Covers: or Depends: bullet: the ID OFT takes (the last one on the line), else this project's ID at its start. */
  function entry(line: ReaderLine, kind: 'covers' | 'depends'): boolean {
    const bullet = BULLET.exec(line.text) ?? NUMBERED.exec(line.text);
    if (!bullet) return false;
    const rest = line.text.slice(bullet[0].length);
    const tokens = ids.findAll(rest).map((t): IdToken => ({ id: t.id, start: t.start + bullet[0].length, end: t.end + bullet[0].length }));
    const oft = tokens.filter((t) => isOftId(t.id));
    let chosen: IdToken | undefined = oft[oft.length - 1];
    // prfaq-trace: this project's IDs (CHK-1) are read too, the first on the line.
    chosen ??= tokens[0];
    if (!chosen) {
      for (const lookalike of rest.matchAll(OFT_LOOKALIKE)) {
        const why = oftIdProblem(lookalike[0]);
        if (!why) continue;
        const at = line.start + bullet[0].length + (lookalike.index ?? 0);
        problem(TraceCode.malformedOft, `${kind === 'covers' ? 'Covers' : 'Depends'} entry not read: ${why}`, at, at + lookalike[0].length, lookalike[0]);
        return true;
      }
      return false;
    }
    const at = line.start + chosen.start;
    if (kind === 'depends') {
      depends.push({ id: chosen.id, start: at, end: at + chosen.id.length });
      item?.depends.push(chosen.id);
      return true;
    }
    if (!item) return false;
    covers.push({ id: chosen.id, start: at, end: at + chosen.id.length, by: item.id, type: typeOf(item.id) });
    if (!BULLET.test(line.text)) {
      problem(TraceCode.oftDifference, `OpenFastTrace reads only "-", "*" and "+" bullets under Covers:, not numbered items: it does not count ${chosen.id} as covered by ${item.id} (prfaq-trace does)`, at, at + chosen.id.length, chosen.id);
    }
    const others = [...new Set(oft.map((t) => t.id))].filter((id) => id !== chosen.id);
    if (others.length > 0) {
      problem(TraceCode.oftDifference, `OpenFastTrace reads one ID per Covers: bullet, the last: ${chosen.id}; ${others.join(', ')} on this line ${others.length === 1 ? 'is' : 'are'} not covered (write one bullet per ID)`, at, at + chosen.id.length, chosen.id);
    }
    return true;
  }

  function inlineCovers(line: ReaderLine, prefix: number): void {
    if (!item) return;
    const found = ids.findAll(line.text.slice(prefix));
    for (const token of found) {
      const at = line.start + prefix + token.start;
      covers.push({ id: token.id, start: at, end: at + token.id.length, by: item.id, type: typeOf(item.id) });
    }
    const first = found[0];
    if (first) {
      const at = line.start + prefix + first.start;
      problem(TraceCode.oftDifference, `OpenFastTrace reads Covers: only as a list ("Covers:" alone on its line, then "- ${first.id}"): it reads this line as description and counts none of it as covered (prfaq-trace does)`, at, at + first.id.length, first.id);
    }
  }

  /** OFT takes the last word of a Needs: bullet. */
  function needsEntry(line: ReaderLine): boolean {
    const bullet = BULLET.exec(line.text);
    const words = bullet ? line.text.slice(bullet[0].length).match(WORDS) : null;
    const word = words?.[words.length - 1];
    if (!word) return false;
    item?.needs.push(word);
    return true;
  }

  function tagsEntry(line: ReaderLine): boolean {
    const bullet = BULLET.exec(line.text);
    if (!bullet) return false;
    for (const tag of line.text.slice(bullet[0].length).split(',')) if (tag.trim()) item?.tags.push(tag.trim());
    return true;
  }

  function fieldProblem(line: ReaderLine): void {
    const text = line.text;
    const field = FIELD_START.exec(text)?.[1];
    if (!field) return;
    const message =
      field === 'Status'
        ? `Status: not read: OpenFastTrace reads "Status: approved", "proposed" or "draft", right after the ID line`
        : `${field}: not read: OpenFastTrace expects "${field}: a, b" (${field === 'Needs' ? 'artifact types' : 'tags'}, letters, digits or "_", separated by commas) or "${field}:" alone followed by "- " bullets`;
    problem(TraceCode.malformedOft, message, line.start, line.start + text.trimEnd().length);
  }

  /** A line that starts like an OFT ID but is not one: OFT would read it as text, silently. */
  function idLineProblem(line: ReaderLine): void {
    const text = line.text.replace(/^`/, '');
    // Only what is plainly an ID attempt: type~name~… at the line's start, or a lone token with a "~".
    const lookalike = TWO_TILDES.exec(text) ?? LONE_TOKEN.exec(line.text.trim().replace(/^`(.*)`$/, '$1'));
    if (!lookalike) return;
    const why = oftIdProblem(lookalike[0]);
    if (!why) return;
    const at = line.start + line.text.indexOf(lookalike[0]);
    problem(TraceCode.malformedOft, `not read as an OpenFastTrace item: ${why}`, at, at + lookalike[0].length, lookalike[0]);
  }

  /** Keywords and fields valid in every item state (OFT's shared transitions). */
  function field(line: ReaderLine): boolean {
    const text = line.text;
    const keyword = KEYWORD.exec(text)?.[1];
    if (keyword === 'Covers') state = 'covers';
    else if (keyword === 'Depends') state = 'depends';
    else if (keyword === 'Needs') state = 'needs';
    else if (keyword === 'Tags') state = 'tags';
    else if (keyword === 'Rationale') state = 'rationale';
    else if (keyword === 'Comment') state = 'comment';
    else if (keyword === 'Description' && state === 'item') state = 'description';
    else if (keyword !== 'Description') {
      const needs = NEEDS_INLINE.exec(text);
      const tags = needs ? undefined : TAGS_INLINE.exec(text);
      const bold = COVERS_BOLD.test(text);
      const prefix = bold ? undefined : COVERS_INLINE.exec(text);
      const inline = prefix && /\S/.test(text.slice(prefix[0].length)) ? prefix : undefined;
      if (needs?.[1]) {
        item?.needs.push(...needs[1].split(',').map((t) => t.trim()));
        state = 'needs';
      } else if (tags?.[1]) {
        item?.tags.push(...tags[1].split(',').map((t) => t.trim()));
        state = 'tags';
      } else if (bold) {
        state = 'covers';
        const at = line.start;
        problem(TraceCode.oftDifference, 'OpenFastTrace reads the Covers: label only as plain "Covers:", not in bold: it ignores the list that follows (prfaq-trace reads it)', at, at + text.trimEnd().length);
      } else if (inline) {
        inlineCovers(line, inline[0].length);
        state = 'covers';
      } else return false;
    } else return false;
    return true;
  }

  lines.forEach((line, index) => {
    if (line.kind === 'skip') return;
    if (line.heading !== undefined) {
      endItem(index - 1);
      state = 'title';
      title = line.heading;
      return;
    }
    const text = line.text;
    const plain = line.kind === 'code';
    const empty = EMPTY.test(text);
    const idMatch = plain ? undefined : ID_LINE.exec(text);
    if (idMatch?.[1]) {
      beginItem(line, index, idMatch[1], line.start + (idMatch[0].length - idMatch[1].length));
      return;
    }
    if (state === 'start' || state === 'title') {
      const match = plain || !text.includes('-->') ? null : FORWARD.exec(text);
      if (match) forward(line, index, match);
      else if (!plain && !empty) idLineProblem(line);
      // prfaq-trace: HTML comments between a title and the ID keep the title (they are `skip` lines).
      if (state === 'title' && !empty) {
        title = undefined;
        state = 'start';
      }
      return;
    }
    // Inside an item.
    if (item && !empty) item.words.push(text);
    if (plain) {
      if (state === 'item' && !empty) state = 'description';
      if (state === 'description') item?.description.push(text);
      return;
    }
    if (state === 'item') {
      const status = STATUS.exec(text);
      if (status && item) {
        item.status = status[1] as OftStatus;
        return;
      }
    }
    // The list fields read their entries before anything else (OFT's transition order).
    if (!empty && ENTRY_STATES.has(state) && (BULLET.test(text) || NUMBERED.test(text))) entryLines.push(index);
    if (!empty && state === 'covers' && entry(line, 'covers')) return;
    if (!empty && state === 'depends' && entry(line, 'depends')) return;
    if (!empty && state === 'needs' && needsEntry(line)) return;
    if (!empty && state === 'tags' && tagsEntry(line)) return;
    if (field(line)) return;
    if (!empty && FIELD_START.test(text)) fieldProblem(line);
    if (ENTRY_STATES.has(state)) {
      // OFT: an empty line in a Tags: list switches to Needs: (its transition table says so).
      if (empty && state === 'tags') state = 'needs';
      const match = empty || !text.includes('-->') ? null : FORWARD.exec(text);
      if (match) {
        endItem(index - 1);
        forward(line, index, match);
        state = 'start';
      }
      return;
    }
    if (state === 'item') {
      if (!empty) {
        item?.description.push(text);
        state = 'description';
      }
    } else if (state === 'description') item?.description.push(text);
  });
  endItem(lines.length - 1);
  return { items, covers, depends, problems, entryLines };
}

function typeOf(id: string): string {
  return parseOftId(id)?.type ?? id;
}
