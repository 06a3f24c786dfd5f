import type { DocModel, Position, Range, Requirement, Section } from '../model';
import { comparePositions } from './positions';
import { TextLines } from './textLines';

export interface DocumentSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: 'section' | 'requirement';
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: DocumentSymbol[];
}

function maxPosition(a: Position, b: Position): Position {
  return comparePositions(a, b) >= 0 ? a : b;
}

function sectionDetail(doc: DocModel, sectionIndex: number, section: Section): string {
  const parts: string[] = [];
  const covers = [...new Set(doc.covers.filter((c) => c.sectionIndex === sectionIndex).map((c) => c.id))];
  if (covers.length > 0) parts.push(`covers ${covers.join(', ')}`);
  if (section.owners.length > 0) parts.push(`owner ${section.owners.join(', ')}`);
  return parts.join(' · ');
}

function requirementName(requirement: Requirement): string {
  return requirement.title ? `${requirement.id} ${requirement.title}` : requirement.id;
}

/**
 * The outline: sections nested as in the document, each spanning its content up to `endLine`;
 * a heading that defines a requirement is a requirement node, and list-item requirements are
 * nested under the section they stand in. With `text`, a section ends at the end of its last
 * line; without it, at the start of that line (the model holds no line lengths).
 */
export function documentSymbols(doc: DocModel, text?: string): DocumentSymbol[] {
  const lines = text === undefined ? undefined : new TextLines(text);
  const ownHeading = new Map<number, Requirement>();
  for (const r of doc.requirements) if (r.form !== 'list-item' && r.sectionIndex >= 0 && !ownHeading.has(r.sectionIndex)) ownHeading.set(r.sectionIndex, r);

  const nodes = doc.sections.map((section, i): DocumentSymbol => {
    const requirement = ownHeading.get(i);
    const end = lines ? lines.lineEnd(section.endLine) : { line: section.endLine, character: 0 };
    return {
      name: requirement ? requirementName(requirement) : section.heading,
      detail: sectionDetail(doc, i, section),
      kind: requirement ? 'requirement' : 'section',
      range: { start: section.range.start, end: maxPosition(end, section.range.end) },
      selectionRange: requirement ? requirement.idRange : section.range,
      children: [],
    };
  });

  const roots: DocumentSymbol[] = [];
  const place = (parent: number, node: DocumentSymbol) => (nodes[parent]?.children ?? roots).push(node);
  doc.sections.forEach((section, i) => place(section.parent, nodes[i] as DocumentSymbol));
  for (const r of doc.requirements) {
    if (r.form !== 'list-item') continue;
    place(r.sectionIndex, { name: requirementName(r), detail: '', kind: 'requirement', range: r.range, selectionRange: r.idRange, children: [] });
  }

  const finish = (list: DocumentSymbol[]): DocumentSymbol[] => {
    list.sort((a, b) => comparePositions(a.range.start, b.range.start));
    return list.map((node) => {
      const children = finish(node.children);
      // A range must contain its selection range and its children's ranges.
      let end = maxPosition(node.range.end, node.selectionRange.end);
      for (const child of children) end = maxPosition(end, child.range.end);
      return { ...node, range: { start: node.range.start, end }, children };
    });
  };
  return finish(roots);
}
