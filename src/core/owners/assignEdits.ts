import type { DocModel } from '../model';
import type { TextChange } from '../comments/threadEdits';
import { eolOf } from '../comments/threadEdits';
import { LineIndex } from '../text/lineIndex';

export type AssignMode = 'add' | 'replace' | 'clear';

/** The owners a section has after an assignment. */
export function assignedOwners(current: readonly string[], people: readonly string[], mode: AssignMode): string[] {
  if (mode === 'clear') return [];
  const chosen = people.map((p) => p.trim()).filter(Boolean);
  const base = mode === 'add' ? [...current] : [];
  for (const person of chosen) if (!base.includes(person)) base.push(person);
  return base;
}

export function ownerComment(people: readonly string[]): string {
  // A name may not end the comment early.
  return `<!-- owner: ${people.map((p) => p.replace(/--/g, '- -').replace(/,/g, ' ')).join(', ')} -->`;
}

/**
 * The edit that writes a section's owners: rewrites its owner comment, inserts one right
 * after the heading, or removes it (with its line) when the section ends up with nobody.
 * Undefined when nothing changes.
 */
export function assignSectionEdit(doc: DocModel, text: string, sectionIndex: number, people: readonly string[], mode: AssignMode): TextChange | undefined {
  const section = doc.sections[sectionIndex];
  if (!section) return undefined;
  const next = assignedOwners(section.owners, people, mode);
  const same = next.length === section.owners.length && next.every((p, i) => p === section.owners[i]);
  if (same && (next.length > 0 || !section.ownerRange)) return undefined;
  const index = new LineIndex(text);
  const eol = eolOf(text);
  if (section.ownerRange) {
    const { start, end } = section.ownerRange;
    if (next.length > 0) return { range: section.ownerRange, newText: ownerComment(next) };
    const lineEnd = end.line + 1 < index.lineCount ? { line: end.line + 1, character: 0 } : index.position(text.length);
    return { range: { start: { line: start.line, character: 0 }, end: lineEnd }, newText: '' };
  }
  const after = section.range.end.line + 1;
  if (after >= index.lineCount) {
    const end = index.position(text.length);
    return { range: { start: end, end }, newText: `${/[\r\n]$/.test(text) || text === '' ? '' : eol}${ownerComment(next)}${eol}` };
  }
  const at = { line: after, character: 0 };
  return { range: { start: at, end: at }, newText: `${ownerComment(next)}${eol}` };
}
