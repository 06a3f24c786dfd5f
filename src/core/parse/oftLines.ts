import type { IdMatcher, IdToken } from '../ids';
import type { LineIndex } from '../text/lineIndex';
import { isOftId } from '../trace/oftId';

/** Each line of `text` without its line break. */
export function lineTexts(text: string, lines: LineIndex): string[] {
  const out: string[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const from = lines.lineStart(line);
    const to = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    out.push(text.slice(from, to).replace(/\r?\n$|\r$/, ''));
  }
  return out;
}

/** A section's `Covers:` label at the start of a line: plain, `**Covers:**`, `**Covers**:` (or with `__`). */
export const SECTION_COVERS = /^[ \t]*(?:(?:\*\*|__)Covers(?:[ \t]*:[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:?)|Covers[ \t]*:)/;

const LIST_MARKER = /^[ \t]*(?:[-+*]|[0-9]{1,9}[.)])[ \t]*/;

/**
 * The ID a Covers: bullet covers, offsets relative to `line` (which starts at the list marker):
 * the last OpenFastTrace ID on the line, as OFT reads its bullets (so a link's target counts when
 * its text is not the ID), else the first ID of this project's form (`- CHK-4 — refunds part`).
 */
export function coversEntryToken(line: string, ids: IdMatcher): IdToken | undefined {
  const marker = LIST_MARKER.exec(line)?.[0] ?? '';
  const tokens = ids.findAll(line.slice(marker.length)).map((t) => ({ id: t.id, start: t.start + marker.length, end: t.end + marker.length }));
  const oft = tokens.filter((t) => isOftId(t.id));
  return oft[oft.length - 1] ?? tokens[0];
}
