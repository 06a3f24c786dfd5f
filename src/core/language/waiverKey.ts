import type { Range, Waiver } from '../model';

/**
 * The range of the ID itself in a `waived:` key. The model's range is the YAML key node,
 * which includes the quotes of a quoted key (`"CHK-8": ...`); edits must keep them.
 */
export function waiverIdRange(waiver: Waiver): Range {
  const { start, end } = waiver.range;
  if (start.line === end.line && end.character - start.character === waiver.id.length + 2) {
    return { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: end.character - 1 } };
  }
  return waiver.range;
}
