/**
 * The section owner comment, `<!-- owner: @jun, Sofia Ortiz <sofia@example.com> -->`, read and
 * written in one place: what `writeOwnerComment` writes, `readOwnerComment` reads back as the same
 * people.
 */

const OWNER_COMMENT = /^<!--\s*owner\s*:([\s\S]*?)-->\s*$/;

/** The people an owner comment names (the HTML block's value), or undefined when it is not one. */
export function readOwnerComment(value: string): string[] | undefined {
  const match = OWNER_COMMENT.exec(value.trim());
  if (!match) return undefined;
  return (match[1] ?? '')
    .split(',')
    .map((person) => person.trim())
    .filter(Boolean);
}

/**
 * A person as an owner comment can hold them: control characters and line breaks (U+2028 and
 * U+2029 too) become spaces, a comma a space (it separates people), and no two dashes stay
 * next to each other (`--` could end the comment: `--->` is written `- - ->`). Empty when
 * nothing is left.
 */
export function ownerName(person: string): string {
  return person
    .replace(/[\p{Cc}\p{Zl}\p{Zp},]/gu, ' ')
    .replace(/-(?=-)/g, '- ')
    .trim();
}

/** The comment naming `people` (each made safe by `ownerName`). */
export function writeOwnerComment(people: readonly string[]): string {
  return `<!-- owner: ${people.map(ownerName).filter(Boolean).join(', ')} -->`;
}
