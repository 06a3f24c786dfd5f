import type { DocModel } from '../model';

/** The innermost section holding a (0-based) line, or -1 above the first heading. */
export function sectionAt(doc: Pick<DocModel, 'sections'>, line: number): number {
  let found = -1;
  doc.sections.forEach((section, i) => {
    if (section.range.start.line <= line && line <= section.endLine) found = i;
  });
  return found;
}
