/**
 * The one home of the output-neutralising rule: document text (titles, owners, paths, waiver
 * reasons, headings, file names) reaches terminals, CI logs and job summaries, and there it must
 * be shown, never obeyed. Nothing is dropped: each character that a terminal or log would act on
 * is written as a visible escape, so the output still says exactly what the document holds (the
 * JSON and SARIF outputs keep the exact text, escaped the JSON way).
 *
 * Neutralised:
 * - C0 controls (ESC, BEL, backspace, tab, line feed, carriage return…), DEL and C1 controls
 *   (U+0080–U+009F: U+009B is a one-character CSI and U+0085 a line break to some terminals),
 *   U+2028/U+2029 (line breaks to JavaScript log viewers), the bidirectional embedding, override
 *   and isolate controls that reorder what a reader sees (U+202A–U+202E, U+2066–U+2069, "Trojan
 *   Source"), and lone surrogates (which an encoder would silently replace): `\n`, `\r`, `\t`,
 *   else `\xHH` / `\uHHHH`.
 * - GitHub Actions workflow commands. The runner executes a line whose first characters after
 *   leading white space are `::` (`::error file=x::…`), and the legacy form `##[command]`
 *   anywhere in a line. A line that would begin with `::` gets a backslash before it (`\::`, in
 *   markdown an escaped colon that renders as `::`); `##[` is written `##\[`.
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** What the Actions runner strips before looking for `::` (.NET TrimStart: Unicode white space); JavaScript's `\s` is a superset. */
const COMMAND_AT_LINE_START = /^(\s*)::/;
const LEGACY_COMMAND = /##\[/g;

function escapeCharacter(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Document text for a place inside a line: control characters and line breaks escaped, `##[` defused. */
export function neutraliseText(text: string): string {
  return text.replace(UNSAFE, escapeCharacter).replace(LEGACY_COMMAND, '##\\[');
}

/** One whole output line: `neutraliseText`, and it never begins (after white space) with `::`. */
export function neutraliseLine(line: string): string {
  return neutraliseText(line).replace(COMMAND_AT_LINE_START, '$1\\::');
}

/** Output lines joined with `\n` (and a final one), each neutralised: a line stays one line. */
export function neutralisedLines(lines: readonly string[]): string {
  return `${lines.map(neutraliseLine).join('\n')}\n`;
}

const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\[/g;

/**
 * Pretty-printed JSON that a terminal or CI log can print safely and that parses to exactly
 * `value`: JSON.stringify escapes C0 controls and lone surrogates itself; DEL, C1, the line
 * separators and bidi controls are written as `\uHHHH`, and the `[` of `##[` as `\u005b`. No line
 * of pretty-printed JSON starts with a string, so none starts with `::`.
 */
export function neutralisedJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (match) =>
    match === '##[' ? '##\\u005b' : `\\u${match.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${json}\n`;
}
