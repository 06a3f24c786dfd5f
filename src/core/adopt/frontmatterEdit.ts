import { isMap, isScalar, type Node as YamlNode, type Pair } from 'yaml';
import { TextLines } from '../language/textLines';
import type { TextEdit } from '../language/types';
import { locateFrontmatter, readFrontmatter } from '../parse/frontmatter';

/** What to change in a document's frontmatter; everything else stays byte for byte. */
export interface FrontmatterChange {
  /** Top-level keys to add when absent, each as its YAML lines (`owners:`, `  pm: "@a"`). */
  readonly add?: ReadonlyArray<{ readonly key: string; readonly lines: readonly string[] }>;
  /** Top-level keys whose value is set (in place when present, else added as `key: value`). */
  readonly set?: ReadonlyArray<{ readonly key: string; readonly value: string; readonly yaml: string }>;
}

export type FrontmatterEditResult = { readonly edits: readonly TextEdit[] } | { readonly problem: string };

/** A YAML scalar that reads back as exactly `value` (JSON strings are YAML double-quoted scalars). */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}

/**
 * The edits that make `change` in the YAML frontmatter of `text`: new keys go just before the
 * closing `---` (or into a new block at the top, after a byte-order mark, when there is none),
 * in the document's line ending; a value that is set is replaced where it stands. A block that
 * is not readable YAML (unclosed, another language, a syntax error, not a map) is refused with
 * a one-line problem rather than edited.
 */
export function frontmatterEdits(text: string, change: FrontmatterChange): FrontmatterEditResult {
  const lines = new TextLines(text);
  const eol = lines.eol;
  const sets = change.set ?? [];
  const adds = change.add ?? [];
  const block = locateFrontmatter(text);
  if (!block) {
    const body = [...sets.map((s) => `${s.key}: ${s.yaml}`), ...adds.flatMap((a) => a.lines)];
    if (body.length === 0) return { edits: [] };
    const at = lines.position(text.startsWith('\uFEFF') ? 1 : 0);
    return { edits: [{ range: { start: at, end: at }, newText: `---${eol}${body.join(eol)}${eol}---${eol}` }] };
  }
  const read = readFrontmatter(text, block);
  if (!read.ok) return { problem: `the frontmatter cannot be edited safely: ${read.message}; fix it first` };
  const contents = read.yaml?.contents;
  const pairOf = (key: string): Pair<YamlNode, YamlNode> | undefined =>
    isMap(contents) ? (contents.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair<YamlNode, YamlNode> | undefined) : undefined;
  // The YAML document was parsed from "\n" + body: its offset 1 is the body's first character.
  const offsetOf = (yamlOffset: number) => block.bodyStart + yamlOffset - 1;

  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const s of sets) {
    if (!(s.key in read.data)) {
      added.push(`${s.key}: ${s.yaml}`);
      continue;
    }
    if (read.data[s.key] === s.value) continue;
    const pair = pairOf(s.key);
    const valueRange = pair?.value?.range;
    const keyRange = (pair?.key as YamlNode | undefined)?.range;
    if (valueRange) {
      edits.push({ range: { start: lines.position(offsetOf(valueRange[0])), end: lines.position(offsetOf(valueRange[1])) }, newText: s.yaml });
    } else if (keyRange) {
      // `key:` with no value: the value goes after the colon.
      const keyEnd = lines.position(offsetOf(keyRange[1]));
      const line = lines.line(keyEnd.line);
      const colon = line.indexOf(':', keyEnd.character);
      if (colon < 0) return { problem: `the frontmatter's "${s.key}" key cannot be edited safely` };
      edits.push({ range: { start: { line: keyEnd.line, character: colon + 1 }, end: { line: keyEnd.line, character: line.length } }, newText: ` ${s.yaml}` });
    } else {
      return { problem: `the frontmatter's "${s.key}" key cannot be edited safely` };
    }
  }
  for (const a of adds) if (!(a.key in read.data)) added.push(...a.lines);
  if (added.length > 0) {
    const at = lines.position(block.bodyEnd);
    edits.push({ range: { start: at, end: at }, newText: `${added.join(eol)}${eol}` });
  }
  return { edits };
}
