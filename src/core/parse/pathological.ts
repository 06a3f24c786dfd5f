/**
 * Shapes that make remark take minutes or overflow the stack (cmark's pathological suite):
 * refused before parsing, with a finding, so they cost a line scan instead of a frozen thread.
 * Real documents nest a handful of levels; the limits leave two orders of magnitude of room.
 */
export const MAX_NESTING = 100;
const NESTING_PREFIX = new RegExp(`^(?:[ \\t]*(?:>|[-*+][ \\t]|[0-9]{1,9}[.)][ \\t])){${MAX_NESTING + 1}}`);
/** A list item indented past MAX_NESTING levels of 4 columns: an indentation-nested list that deep. */
const DEEP_INDENTED_ITEM = new RegExp(`^[ \\t]{${MAX_NESTING * 4},}(?:[-*+]|[0-9]{1,9}[.)])(?:[ \\t]|$)`);
const QUICK_CHECK = /[>*+\-.) \t]/;

/** Why `text` is not parsed, or undefined when it is fine to parse. */
export function pathologicalReason(text: string): string | undefined {
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // Only lines with enough prefix characters can nest that deep.
    if (lineEnd - lineStart > MAX_NESTING * 2 && QUICK_CHECK.test(text.slice(lineStart, lineStart + 4))) {
      const head = text.slice(lineStart, Math.min(lineEnd, lineStart + MAX_NESTING * 24));
      if (NESTING_PREFIX.test(head) || DEEP_INDENTED_ITEM.test(head)) {
        return `block quotes or lists nested more than ${MAX_NESTING} levels deep: not parsed`;
      }
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}
