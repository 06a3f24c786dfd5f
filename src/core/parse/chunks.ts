/**
 * Splits a document into chunks at top-level H1/H2 headings so that an edit re-parses only
 * the chunk it touched. A split point is a column-0 `#`/`##` heading preceded by a blank line
 * and outside fenced code and multi-line HTML blocks (comments, <script>/<pre>/…): such a line
 * is a top-level heading in CommonMark whatever came before, so parsing the chunks separately
 * yields the same blocks as parsing the whole. The scan errs towards not splitting: nor does it
 * split between `oft:off` and `oft:on` (what is off must stay off across chunks): any line with
 * `oft:off` counts, only a one-line `<!-- … oft:on … -->` outside code turns it back on.
 */

export interface Chunk {
  readonly text: string;
  readonly startOffset: number;
  readonly startLine: number;
}

const SPLIT_HEADING = /^#{1,2}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const BLANK = /^[ \t]*$/;
const OFT_OFF = /(?:^|[^\p{L}\p{N}_])oft:off(?:[^\p{L}\p{N}_]|$)/u;
const OFT_ON_COMMENT = /^ {0,3}<!--.*(?:^|[^\p{L}\p{N}_])oft:on(?:[^\p{L}\p{N}_]|$).*-->/u;
const HTML_BLOCK_ENDS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

export function splitIntoChunks(text: string, bodyStart = 0): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkStartLine = 0;
  let fence: { readonly char: string; readonly length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = true;
  let oftOff = false;
  let line = 0;
  let offset = 0;
  while (offset < text.length) {
    let lineEnd = offset;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    let next = lineEnd;
    if (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10 && (next === lineEnd || text.charCodeAt(next - 1) === 13)) next++;
    if (offset >= bodyStart) {
      const content = text.slice(offset, lineEnd);
      // Long lines never turn it back on: conservative, and the test stays linear.
      const turnsOn = oftOff && !fence && !htmlEnd && content.length < 1000 && OFT_ON_COMMENT.test(content) && !OFT_OFF.test(content);
      if (!oftOff && OFT_OFF.test(content)) oftOff = true;
      if (fence) {
        const close = FENCE_OPEN.exec(content);
        if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length && BLANK.test(close[2] ?? '')) fence = undefined;
      } else if (htmlEnd) {
        if (htmlEnd.test(content)) htmlEnd = undefined;
      } else if (previousBlank && !oftOff && offset > chunkStart && SPLIT_HEADING.test(content)) {
        chunks.push({ text: text.slice(chunkStart, offset), startOffset: chunkStart, startLine: chunkStartLine });
        chunkStart = offset;
        chunkStartLine = line;
      } else {
        const open = FENCE_OPEN.exec(content);
        if (open?.[1] && !(open[1][0] === '`' && (open[2] ?? '').includes('`'))) {
          fence = { char: open[1][0] ?? '`', length: open[1].length };
        } else {
          for (const [start, end] of HTML_BLOCK_ENDS) {
            // The end marker may stand on the opening line itself (a one-line comment).
            if (start.test(content)) {
              const rest = content.slice(content.search(start) + 2);
              if (!end.test(rest)) htmlEnd = end;
              break;
            }
          }
        }
      }
      previousBlank = !fence && !htmlEnd && BLANK.test(content);
      if (turnsOn) oftOff = false;
    }
    if (next === offset) break;
    offset = next;
    line++;
  }
  chunks.push({ text: text.slice(chunkStart), startOffset: chunkStart, startLine: chunkStartLine });
  return chunks;
}
