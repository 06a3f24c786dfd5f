import type { Nodes } from 'mdast';
import { continuationPrefix, leafBlocks, type BlockPath } from '../comments/containers';
import { insertLinesEdit, RefusedEdit, removeLinesEdit } from '../comments/lineEdits';
import type { DocModel } from '../model';
import { parseMarkdown } from '../text/markdownTree';
import { applyTextEdits, eolOf, type TextEdit } from '../text/textEdit';
import { LineIndex } from '../text/lineIndex';
import { ownerName, readOwnerComment, writeOwnerComment } from './ownerComment';

export { ownerName, writeOwnerComment as ownerComment } from './ownerComment';

export type AssignMode = 'add' | 'replace' | 'clear';

/** The owners a section has after an assignment (each name as an owner comment can hold it, see `ownerName`). */
export function assignedOwners(current: readonly string[], people: readonly string[], mode: AssignMode): string[] {
  if (mode === 'clear') return [];
  const chosen = people.map(ownerName).filter(Boolean);
  const base = mode === 'add' ? [...current] : [];
  for (const person of chosen) if (!base.includes(person)) base.push(person);
  return base;
}

/** The heading on `line` and the owner comment right after it, as the parser sees them. */
function headingAt(text: string, line: number): { readonly heading: BlockPath; readonly comment?: Extract<Nodes, { type: 'html' }>; readonly people?: string[] } | undefined {
  let heading: BlockPath | undefined;
  for (const block of leafBlocks(parseMarkdown(text))) {
    if (block.node.type === 'heading' && (block.node.position?.start.line ?? 0) - 1 === line) heading = block;
    if (heading) break;
  }
  if (!heading) return undefined;
  const next = heading.parent.children[heading.index + 1] as Nodes | undefined;
  const people = next?.type === 'html' ? readOwnerComment(next.value) : undefined;
  return people && next?.type === 'html' ? { heading, comment: next, people } : { heading };
}

function endLine(node: Nodes): number {
  return (node.position?.end.line ?? 1) - 1;
}

/**
 * The edit that writes a section's owners: rewrites the owner comment right after its heading,
 * inserts one there (in the heading's block quote or list item, with its prefix), or removes it
 * with its line when the section ends up with nobody. Undefined when nothing changes. The result
 * is checked: the section reads back with exactly these owners, else `RefusedEdit` is thrown.
 */
export function assignSectionEdit(doc: DocModel, text: string, sectionIndex: number, people: readonly string[], mode: AssignMode): TextEdit | undefined {
  const section = doc.sections[sectionIndex];
  if (!section) return undefined;
  const line = section.range.start.line;
  const found = headingAt(text, line);
  if (!found) throw new RefusedEdit(`the heading "${section.heading}" is no longer on line ${line + 1} (the file changed meanwhile)`);
  const current = found.people ?? [];
  const next = assignedOwners(current, people, mode);
  const same = next.length === current.length && next.every((p, i) => p === current[i]);
  if (same && (next.length > 0 || !found.comment)) return undefined;
  const lines = new LineIndex(text);
  let change: TextEdit;
  if (found.comment) {
    const start = found.comment.position?.start.offset ?? 0;
    const end = found.comment.position?.end.offset ?? 0;
    const at = text.indexOf('<!--', start);
    change =
      next.length > 0
        ? { range: lines.range(at, end), newText: writeOwnerComment(next) }
        : removeLinesEdit(text, lines.position(start).line, endLine(found.comment));
  } else {
    const prefix = continuationPrefix(found.heading.ancestors, text, lines);
    change = insertLinesEdit(text, endLine(found.heading.node) + 1, [prefix + writeOwnerComment(next)], eolOf(text));
  }
  const after = headingAt(applyTextEdits(text, [change]), line);
  const readBack = after?.people ?? [];
  if (!after || readBack.length !== next.length || readBack.some((p, i) => p !== next[i])) {
    throw new RefusedEdit(`the owner comment would not read back as the owners of "${section.heading}" here, so nothing was written`);
  }
  return change;
}
