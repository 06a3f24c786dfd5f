import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { DocModel, Position } from '../model';
import { missingCoOwnerRoles } from '../owners/roles';
import { frontmatterLines } from './markdownLines';
import { TextLines } from './textLines';
import type { CodeAction, DocumentEdit } from './types';

interface Entry {
  readonly role: string;
  /** `pm: "@pm"` */
  readonly text: string;
  /** The same with the person as a tab stop. */
  readonly snippet: string;
}

function entryFor(role: string, stop: number): Entry {
  return { role, text: `${role}: "@${role}"`, snippet: `${role}: "\${${stop}:@${role}}"` };
}

/** A YAML value that holds no people: nothing, `null`, `~`, `""`, `{}`, `[]`, or a list of such. */
function holdsNobody(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (isScalar(value)) return value.value === null || value.value === '';
  if (isSeq(value)) return value.items.every(holdsNobody);
  if (isMap(value)) return value.items.length === 0;
  return false;
}

/** The pair of a map whose key reads as `key`, however it is quoted (`owners`, `"owners"`, `'owners'`). */
function pairNamed(map: YAMLMap, key: string): Pair<YamlNode, YamlNode | null> | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair<YamlNode, YamlNode | null> | undefined;
}

/**
 * Quick fix for `missing-co-owner`: fills in `owners.pm` / `owners.engineer` with placeholder
 * people ("@pm", "@engineer", tab stops in the snippet form). The frontmatter is read with the
 * `yaml` package's document model, so keys are found however they are quoted (`"owners":`,
 * `'pm':`) and nothing is added twice. A role written with no one (`pm: ""`) gets its value
 * replaced; a missing role is added after the last entry of a block-style `owners:` map at its
 * indentation; an `owners:` that holds nobody (nothing, `{}`, `null`) becomes a block map;
 * without `owners:` a block is added before the closing `---`; without frontmatter a new block
 * opens the file. Undefined when nothing is missing or the frontmatter cannot be edited safely
 * (unclosed, invalid YAML or not a map, a non-empty flow-style `owners:`, a role with another value).
 */
export function insertOwners(doc: DocModel, text: string): CodeAction | undefined {
  const missing = missingCoOwnerRoles(doc.owners);
  if (missing.length === 0) return undefined;
  const title = `Add ${missing.map((role) => `owners.${role}`).join(' and ')}`;
  const lines = new TextLines(text);
  const eol = lines.eol;
  const entries = missing.map((role, i) => entryFor(role, i + 1));
  const block = (indent: string, key: 'text' | 'snippet', list: readonly Entry[] = entries) => list.map((e) => `${eol}${indent}${e[key]}`).join('');
  const insertion = (at: Position, newText: string, snippet: string): DocumentEdit => ({ uri: doc.uri, range: { start: at, end: at }, newText, snippet });

  const frontmatter = frontmatterLines(lines);
  if (!frontmatter) {
    const at = lines.position(text.startsWith('\uFEFF') ? 1 : 0);
    return { title, edits: [insertion(at, `---${eol}owners:${block('  ', 'text')}${eol}---${eol}`, `---${eol}owners:${block('  ', 'snippet')}${eol}---${eol}`)] };
  }
  if (frontmatter.closeLine === undefined) return undefined;
  const close = { line: frontmatter.closeLine, character: 0 };
  const bodyStart = lines.offset({ line: 1, character: 0 });
  const body = text.slice(bodyStart, lines.offset(close));
  // The reader's options (parse/frontmatter.ts): core schema, unique keys. Only this small block
  // is read, on request, and never converted to data, so aliases never expand.
  const yaml = parseDocument(body, { uniqueKeys: true, schema: 'core' });
  if (yaml.errors.length > 0) return undefined;
  const root = yaml.contents;
  if (root !== null && !isMap(root)) return undefined;
  const at = (offset: number) => lines.position(bodyStart + offset);

  const owners = root ? pairNamed(root, 'owners') : undefined;
  if (!owners) {
    return { title, edits: [insertion(close, `owners:${block('  ', 'text')}${eol}`, `owners:${block('  ', 'snippet')}${eol}`)] };
  }
  const key = owners.key;
  const keyRange = key.range;
  if (!keyRange) return undefined;
  const keyColumn = at(keyRange[0]).character;
  const childIndent = `${lines.line(at(keyRange[0]).line).slice(0, keyColumn)}  `;
  const value = owners.value;

  /** From just after `key`'s colon to the end of its value: what an empty value is replaced in. */
  const afterColon = (pairKey: YamlNode, pairValue: YamlNode | null): { start: Position; end: Position } | undefined => {
    const keyEnd = pairKey.range?.[1];
    if (keyEnd === undefined) return undefined;
    const colon = body.indexOf(':', keyEnd);
    if (colon < 0) return undefined;
    const valueEnd = pairValue?.range?.[1];
    return { start: at(colon + 1), end: at(valueEnd !== undefined && valueEnd > colon ? valueEnd : colon + 1) };
  };

  if (holdsNobody(value)) {
    const range = afterColon(key, value);
    if (!range) return undefined;
    return { title, edits: [{ uri: doc.uri, range, newText: block(childIndent, 'text'), snippet: block(childIndent, 'snippet') }] };
  }
  if (!isMap(value) || value.flow) return undefined;

  const edits: DocumentEdit[] = [];
  const added: Entry[] = [];
  for (const e of entries) {
    const pair = pairNamed(value, e.role);
    if (!pair) {
      added.push(e);
      continue;
    }
    if (!holdsNobody(pair.value)) return undefined;
    const range = afterColon(pair.key, pair.value);
    if (!range) return undefined;
    edits.push({ uri: doc.uri, range, newText: ` "@${e.role}"`, snippet: ` "\${${entries.indexOf(e) + 1}:@${e.role}}"` });
  }
  if (added.length > 0) {
    const first = value.items[0]?.key as YamlNode | undefined;
    const firstStart = first?.range?.[0];
    const indent = firstStart === undefined ? childIndent : lines.line(at(firstStart).line).slice(0, at(firstStart).character);
    // After the map's last value (its node end would include a trailing comment line).
    const last = value.items[value.items.length - 1];
    const lastEnd = (last?.value as YamlNode | null | undefined)?.range?.[1] ?? (last?.key as YamlNode | undefined)?.range?.[1];
    if (lastEnd === undefined) return undefined;
    const end = lines.lineEnd(at(Math.max(lastEnd - 1, 0)).line);
    const newText = block(indent, 'text', added);
    const snippet = block(indent, 'snippet', added);
    // The last entry's own value may be filled in at that very position: one edit, so the order is certain.
    const same = edits.findIndex((e) => e.range.end.line === end.line && e.range.end.character === end.character);
    const filled = edits[same];
    if (filled) edits[same] = { ...filled, newText: filled.newText + newText, snippet: (filled.snippet ?? filled.newText) + snippet };
    else edits.push(insertion(end, newText, snippet));
  }
  return { title, edits };
}
