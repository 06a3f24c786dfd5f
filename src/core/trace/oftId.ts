/**
 * OpenFastTrace's specification item ID, `type~name~revision`, with OFT's grammar (its
 * SpecificationItemId): the artifact type is ASCII letters only; the name starts with a letter
 * (any script), goes on with letters, marks, digits, `_` and `-`, and may hold single dots
 * between such runs (never `..`, never at either end); the revision is a whole number.
 */

/** OFT's word characters in Unicode mode (Java's \w with UNICODE_CHARACTER_CLASS), plus `-`. */
const NAME_CHAR = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u200c\\u200d\\-]';

export const OFT_TYPE_PATTERN = '[A-Za-z]+';
export const OFT_NAME_PATTERN = `\\p{Alphabetic}${NAME_CHAR}*(?:\\.${NAME_CHAR}+)*`;
/** ASCII digits: OFT also accepts other scripts' digits; this project does not (docs/format.md). */
export const OFT_REVISION_PATTERN = '[0-9]+';
/** The whole ID (compile with the u flag). */
export const OFT_ID_SOURCE = `${OFT_TYPE_PATTERN}~${OFT_NAME_PATTERN}~${OFT_REVISION_PATTERN}`;

const EXACT = new RegExp(`^(${OFT_TYPE_PATTERN})~(${OFT_NAME_PATTERN})~(${OFT_REVISION_PATTERN})$`, 'u');
const TYPE_EXACT = new RegExp(`^${OFT_TYPE_PATTERN}$`);

export interface OftId {
  readonly type: string;
  readonly name: string;
  readonly revision: number;
}

/** The parts of an OFT ID, or undefined when `id` is not one. */
export function parseOftId(id: string): OftId | undefined {
  const match = EXACT.exec(id);
  if (!match) return undefined;
  return { type: match[1] as string, name: match[2] as string, revision: Number(match[3]) };
}

export function isOftId(id: string): boolean {
  return EXACT.test(id);
}

/** `type~name`: the item whatever its revision (outdated and predated coverage are found by it). */
export function revisionless(id: string): string | undefined {
  const parsed = parseOftId(id);
  return parsed && `${parsed.type}~${parsed.name}`;
}

export function isArtifactType(text: string): boolean {
  return TYPE_EXACT.test(text);
}

/**
 * Why `text`, which looks like an OFT ID (it holds a `~`), is not one: what OFT expects
 * instead. Undefined when it is a valid ID.
 */
export function oftIdProblem(text: string): string | undefined {
  if (isOftId(text)) return undefined;
  const parts = text.split('~');
  if (parts.length !== 3) {
    return parts.length < 3
      ? `"${text}" has no revision: OFT IDs are type~name~revision (e.g. ${parts[0] || 'req'}~${parts[1] || 'name'}~1)`
      : `"${text}" has ${parts.length - 1} "~": OFT IDs are type~name~revision, with exactly two`;
  }
  const [type, name, revision] = parts as [string, string, string];
  if (!TYPE_EXACT.test(type)) return `"${text}": the artifact type "${type}" must be letters only (A-Z, a-z)`;
  if (!/^[0-9]+$/.test(revision)) return `"${text}": the revision "${revision}" must be a whole number`;
  if (name === '') return `"${text}" has no name between its two "~"`;
  if (!/^\p{Alphabetic}/u.test(name)) return `"${text}": the name must start with a letter, not "${[...name][0] ?? ''}"`;
  if (name.includes('..') || name.endsWith('.')) return `"${text}": dots in a name must stand between letters or digits ("..", a trailing "." are not allowed)`;
  return `"${text}": a name holds only letters, digits, "_", "-" and single dots`;
}

/**
 * Tokens that look like an OFT ID attempt: a word with a `~` inside (`req~x`, `req~1x~1`,
 * `re2q~x~1`). Used only where OFT expects an ID (an ID line, a Covers entry, a tag).
 */
export const OFT_LOOKALIKE = /(?<![\p{L}\p{N}_.\-~])[\p{L}\p{N}_][\p{L}\p{N}_.\-]*~[\p{L}\p{N}_.\-~]*/gu;
