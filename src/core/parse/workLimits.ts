/**
 * The parser's work is not proportional to a document's bytes: 1.2 MB of one-line list items
 * took 40 s and 2 GB, where 2 MB of prose takes a few seconds and 250 MB. What it is
 * proportional to is the number of syntax-tree nodes and lines, which this counts in one cheap
 * pass before parsing: a unit per block start (headings, list items, paragraphs, quoted lines,
 * table rows), per two markup characters (emphasis, code, links, HTML, entities, escapes, table
 * cells: about one node each) and per four non-blank lines (a line in a code block costs about
 * a third of a node). Measured at up to 20 KB of parser memory and 0.05 to 0.4 ms per unit.
 *
 * A top-level section (the unit the parser holds in memory at once) may have MAX_SECTION_UNITS,
 * so its tree stays well inside a worker's heap limit; a document may have MAX_DOCUMENT_UNITS,
 * so it parses inside the time budget. A 2 MB design doc of ordinary prose has about 52,000
 * units: the default size limit and these agree.
 *
 * One shape costs the square of its size instead: emphasis and link delimiters that never close
 * (`a_ a_ a_ …`, `a] a] …`), matched against each other within one block (18,000 took 10 s,
 * 39,000 a minute). A block may hold MAX_BLOCK_DELIMITERS of them (under a second); real
 * paragraphs hold a few dozen. Fenced code is not inline markup and is not counted for it.
 */
export const MAX_DOCUMENT_UNITS = 60_000;
export const MAX_SECTION_UNITS = 20_000;
export const MAX_BLOCK_DELIMITERS = 4_000;

const BLOCK_MARKER = /^[ \t]*(?:>[ \t]*)*(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]|[0-9]{1,9}[.)][ \t]|\|)/;
const FENCE = /^[ \t]*(?:>[ \t]*)*(`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;
const MARKUP = /[*_`[\]<>&\\!~|]/g;
/** The delimiters inline parsing matches against each other (quadratic when they never close). */
const DELIMITERS = /[*_[\]~`]/g;

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}

export interface ParseWork {
  /** Parse units (see the file comment). */
  readonly units: number;
  /** The most emphasis and link delimiters in one block (outside fenced code). */
  readonly densestBlock: number;
}

/** What parsing one piece of markdown costs (see the file comment), in one pass over its lines. */
export function measureParseWork(text: string): ParseWork {
  let blocks = 0;
  let lines = 0;
  let previousBlank = true;
  let fence: string | undefined;
  let blockDelimiters = 0;
  let densestBlock = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // Only a line's start decides whether it begins a block: look at a bounded prefix.
    const head = text.slice(start, Math.min(end, start + 64));
    const blank = BLANK.test(head) && BLANK.test(text.slice(start, end));
    const opensBlock = !blank && (previousBlank || BLOCK_MARKER.test(head));
    if (!blank) lines++;
    if (opensBlock) blocks++;
    const fenceMark = FENCE.exec(head)?.[1];
    if (fence !== undefined) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
    } else if (fenceMark) {
      fence = fenceMark;
      blockDelimiters = 0;
    } else if (blank || opensBlock) {
      blockDelimiters = blank ? 0 : count(DELIMITERS, text.slice(start, end));
    } else {
      blockDelimiters += count(DELIMITERS, text.slice(start, end));
    }
    densestBlock = Math.max(densestBlock, blockDelimiters);
    previousBlank = blank;
    start = end + 1;
  }
  return { units: blocks + Math.ceil(count(MARKUP, text) / 2) + Math.floor(lines / 4), densestBlock };
}

/** The parse units of one piece of markdown. */
export function parseUnits(text: string): number {
  return measureParseWork(text).units;
}

/** Why a document split into these sections is too much work to parse, or undefined. */
export function workLimitReason(sections: readonly string[]): string | undefined {
  let total = 0;
  let largest = 0;
  let densest = 0;
  for (const section of sections) {
    const work = measureParseWork(section);
    total += work.units;
    largest = Math.max(largest, work.units);
    densest = Math.max(densest, work.densestBlock);
  }
  const number = (n: number) => n.toLocaleString('en-US');
  const what = 'blocks and inline marks (headings, list items, paragraphs, table rows, emphasis, links…)';
  if (total > MAX_DOCUMENT_UNITS) {
    return `document has about ${number(total)} ${what}, over the ${number(MAX_DOCUMENT_UNITS)} parsed in one document: not analysed (split it into several documents)`;
  }
  if (largest > MAX_SECTION_UNITS) {
    return `one top-level section has about ${number(largest)} ${what}, over the ${number(MAX_SECTION_UNITS)} parsed in one section: not analysed (split it with ## headings)`;
  }
  if (densest > MAX_BLOCK_DELIMITERS) {
    return `one paragraph or list item has ${number(densest)} emphasis and link delimiters (*, _, [, ], ~, \`), over the ${number(MAX_BLOCK_DELIMITERS)} parsed in one block: not analysed`;
  }
  return undefined;
}
