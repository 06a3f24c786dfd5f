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
 */
export const MAX_DOCUMENT_UNITS = 60_000;
export const MAX_SECTION_UNITS = 20_000;

const BLOCK_MARKER = /^[ \t]*(?:>[ \t]*)*(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]|[0-9]{1,9}[.)][ \t]|\|)/;
const BLANK = /^[ \t]*$/;
const MARKUP = /[*_`[\]<>&\\!~|]/g;

/** The parse units of one piece of markdown (see the file comment). */
export function parseUnits(text: string): number {
  let blocks = 0;
  let lines = 0;
  let previousBlank = true;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // Only a line's start decides whether it begins a block: look at a bounded prefix.
    const head = text.slice(start, Math.min(end, start + 64));
    const blank = BLANK.test(head) && BLANK.test(text.slice(start, end));
    if (!blank) lines++;
    if (!blank && (previousBlank || BLOCK_MARKER.test(head))) blocks++;
    previousBlank = blank;
    start = end + 1;
  }
  let marks = 0;
  MARKUP.lastIndex = 0;
  while (MARKUP.exec(text)) marks++;
  return blocks + Math.ceil(marks / 2) + Math.floor(lines / 4);
}

/** Why a document split into these sections is too much work to parse, or undefined. */
export function workLimitReason(sections: readonly string[]): string | undefined {
  let total = 0;
  let largest = 0;
  for (const section of sections) {
    const units = parseUnits(section);
    total += units;
    largest = Math.max(largest, units);
  }
  const count = (n: number) => n.toLocaleString('en-US');
  const what = 'blocks and inline marks (headings, list items, paragraphs, table rows, emphasis, links…)';
  if (total > MAX_DOCUMENT_UNITS) {
    return `document has about ${count(total)} ${what}, over the ${count(MAX_DOCUMENT_UNITS)} parsed in one document: not analysed (split it into several documents)`;
  }
  if (largest > MAX_SECTION_UNITS) {
    return `one top-level section has about ${count(largest)} ${what}, over the ${count(MAX_SECTION_UNITS)} parsed in one section: not analysed (split it with ## headings)`;
  }
  return undefined;
}
