import type { DocModel } from '../model';
import { frontmatterLines } from './markdownLines';
import { indentOf, isBlank, TextLines } from './textLines';
import type { CodeAction, DocumentEdit } from './types';

const CO_OWNERS = ['pm', 'engineer'] as const;

function missingRoles(doc: DocModel): string[] {
  return CO_OWNERS.filter((role) => !doc.owners.roles.some((r) => r.role === role && r.people.length > 0));
}

/** `pm: "@pm"`, and its snippet form with the person as a tab stop. */
function entry(role: string, stop: number): { text: string; snippet: string } {
  return { text: `${role}: "@${role}"`, snippet: `${role}: "\${${stop}:@${role}}"` };
}

function edit(uri: string, line: number, from: number, to: number, newText: string, snippet: string): DocumentEdit {
  return { uri, range: { start: { line, character: from }, end: { line, character: to } }, newText, snippet };
}

/** A YAML value that holds no people: nothing, `{}`, `null`, `~`, `""`, `[]`. */
function emptyValue(value: string): boolean {
  return /^(?:|\{\s*\}|null|~|""|''|\[\s*\])$/.test(value.replace(/\s+#.*$/, '').trim());
}

/**
 * Quick fix for `missing-co-owner`: fills in `owners.pm` / `owners.engineer` with placeholder
 * people ("@pm", "@engineer", tab stops in the snippet form). A role written with no one
 * (`pm: ""`) gets its value replaced; a missing role is added under the existing block-style
 * `owners:` map at its indentation; without `owners:` a block is added before the closing
 * `---`; without frontmatter a new block opens the file. Undefined when nothing is missing or
 * the frontmatter cannot be edited safely (unclosed, or a non-empty flow-style `owners:`).
 */
export function insertOwners(doc: DocModel, text: string): CodeAction | undefined {
  const missing = missingRoles(doc);
  if (missing.length === 0) return undefined;
  const title = `Add ${missing.map((role) => `owners.${role}`).join(' and ')}`;
  const lines = new TextLines(text);
  const eol = lines.eol;
  const entries = missing.map((role, i) => ({ role, ...entry(role, i + 1) }));
  const block = (indent: string, key: 'text' | 'snippet') => entries.map((e) => `${eol}${indent}${e[key]}`).join('');
  const uri = doc.uri;

  const frontmatter = frontmatterLines(lines);
  if (!frontmatter) {
    const body = `---${eol}owners:${block('  ', 'text')}${eol}---${eol}`;
    const snippet = `---${eol}owners:${block('  ', 'snippet')}${eol}---${eol}`;
    return { title, edits: [edit(uri, 0, 0, 0, body, snippet)] };
  }
  const close = frontmatter.closeLine;
  if (close === undefined) return undefined;

  let ownersLine = -1;
  for (let line = 1; line < close; line++) if (/^owners[ \t]*:/.test(lines.line(line))) ownersLine = line;
  if (ownersLine < 0) {
    const newText = `owners:${block('  ', 'text')}${eol}`;
    return { title, edits: [edit(uri, close, 0, 0, newText, `owners:${block('  ', 'snippet')}${eol}`)] };
  }

  const keyLine = lines.line(ownersLine);
  const valueStart = keyLine.indexOf(':') + 1;
  if (!emptyValue(keyLine.slice(valueStart))) return undefined;
  // The map's lines: everything indented below the key, up to the next top-level key or the fence.
  let lastChild = ownersLine;
  for (let line = ownersLine + 1; line < close; line++) {
    const content = lines.line(line);
    if (isBlank(content)) continue;
    if (indentOf(content) === '') break;
    lastChild = line;
  }
  if (lastChild === ownersLine) {
    return { title, edits: [edit(uri, ownersLine, valueStart, keyLine.length, block('  ', 'text'), block('  ', 'snippet'))] };
  }
  let firstChild = ownersLine + 1;
  while (isBlank(lines.line(firstChild))) firstChild++;
  const indent = indentOf(lines.line(firstChild)) || '  ';
  const edits: DocumentEdit[] = [];
  const added: typeof entries = [];
  for (const e of entries) {
    const at = findRole(lines, ownersLine + 1, lastChild, indent, e.role);
    if (at === undefined) {
      added.push(e);
      continue;
    }
    // Replace the empty value, and any deeper-indented lines under it (an empty list).
    const line = lines.line(at.line);
    const end = at.lastLine === at.line ? line.length : lines.line(at.lastLine).length;
    const range = { start: { line: at.line, character: at.valueStart }, end: { line: at.lastLine, character: end } };
    edits.push({ uri, range, newText: ` "@${e.role}"`, snippet: ` "\${${entries.indexOf(e) + 1}:@${e.role}}"` });
  }
  if (added.length > 0) {
    const at = lines.lineEnd(lastChild);
    edits.push({
      uri,
      range: { start: at, end: at },
      newText: added.map((e) => `${eol}${indent}${e.text}`).join(''),
      snippet: added.map((e) => `${eol}${indent}${e.snippet}`).join(''),
    });
  }
  return { title, edits };
}

/** The line of `role:` in the owners map (at the map's indentation), with the extent of its value. */
function findRole(
  lines: TextLines,
  from: number,
  to: number,
  indent: string,
  role: string,
): { line: number; valueStart: number; lastLine: number } | undefined {
  for (let line = from; line <= to; line++) {
    const content = lines.line(line);
    const match = new RegExp(`^${indent}["']?${role}["']?[ \\t]*:`).exec(content);
    if (!match) continue;
    let lastLine = line;
    for (let next = line + 1; next <= to; next++) {
      const text = lines.line(next);
      if (isBlank(text)) continue;
      if (indentOf(text).length <= indent.length) break;
      lastLine = next;
    }
    return { line, valueStart: match[0].length, lastLine };
  }
  return undefined;
}
