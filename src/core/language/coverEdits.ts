import type { IndexQueries } from '../index/indexQueries';
import type { DocModel, Position } from '../model';
import { canonicalDefinition } from './requirementInfo';
import { isBlank, TextLines } from './textLines';
import type { CodeAction, DocumentEdit } from './types';

const LIST_ITEM = /^([ \t]*)([-*+]|(\d{1,9})([.)]))([ \t]+)/;

function insertAt(uri: string, at: Position, newText: string, snippet?: string): DocumentEdit {
  const edit = { uri, range: { start: at, end: at }, newText };
  return snippet === undefined ? edit : { ...edit, snippet };
}

/** Escapes text for snippet syntax, where `$`, `}` and `\` are special. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * The edit that makes a section declare `id`: extend its last `Covers:` declaration (a new
 * item after the last one of a list, or `, ID` after the last ID of an inline line), or, when
 * it has none, insert a `Covers: ID` paragraph right after the heading (after its owner
 * comment). Undefined when the section already covers the ID, or when it does not exist
 * (-1, the document level, only works when it already has a declaration).
 */
export function coverEdit(designDoc: DocModel, sectionIndex: number, id: string, designText: string): DocumentEdit | undefined {
  const covers = designDoc.covers.filter((c) => c.sectionIndex === sectionIndex);
  if (covers.some((c) => c.id === id)) return undefined;
  const lines = new TextLines(designText);
  const eol = lines.eol;
  const last = covers.at(-1);
  if (last) {
    const line = last.range.start.line;
    const item = LIST_ITEM.exec(lines.line(line));
    // A Covers list item begins with its ID (bare, `[ID](...)`, `**ID**` or `` `ID` ``).
    if (item && last.range.start.character - item[0].length <= 2) {
      const bullet = item[3] === undefined ? (item[2] ?? '-') : `${Number(item[3]) + 1}${item[4] ?? '.'}`;
      return insertAt(designDoc.uri, lines.lineEnd(line), `${eol}${item[1] ?? ''}${bullet}${item[5] ?? ' '}${id}`);
    }
    return insertAt(designDoc.uri, last.range.end, `, ${id}`);
  }
  const section = designDoc.sections[sectionIndex];
  if (!section) return undefined;
  const after = section.ownerRange?.end.line ?? section.range.end.line;
  const next = after + 1 < lines.lineCount && !isBlank(lines.line(after + 1));
  return insertAt(designDoc.uri, lines.lineEnd(after), `${eol}${eol}Covers: ${id}${next ? eol : ''}`);
}

function sectionLabel(designDoc: DocModel, sectionIndex: number): string {
  const section = designDoc.sections[sectionIndex];
  return section ? `${designDoc.title} › ${section.heading}` : designDoc.title;
}

/** Quick fix for a mention in a design section: make the section declare the ID it mentions. */
export function markSectionCovering(designDoc: DocModel, sectionIndex: number, id: string, designText: string): CodeAction | undefined {
  const edit = coverEdit(designDoc, sectionIndex, id, designText);
  return edit && { title: `Mark "${sectionLabel(designDoc, sectionIndex)}" as covering ${id}`, edits: [edit] };
}

/** Quick fix for an uncovered requirement: declare it in an existing section of a design doc. */
export function addToExistingSection(
  index: IndexQueries,
  designDoc: DocModel,
  sectionIndex: number,
  id: string,
  designText: string,
): CodeAction | undefined {
  if (!index.isDefined(id)) return undefined;
  const edit = coverEdit(designDoc, sectionIndex, id, designText);
  return edit && { title: `Cover ${id} in "${sectionLabel(designDoc, sectionIndex)}"`, edits: [edit] };
}

/**
 * Quick fix for an uncovered requirement: a new section at the end of a design doc, named
 * after the requirement, that declares it and holds a placeholder for its design.
 */
export function createSectionFor(index: IndexQueries, designDoc: DocModel, id: string, designText: string): CodeAction | undefined {
  const definition = canonicalDefinition(index, id);
  if (!definition) return undefined;
  const lines = new TextLines(designText);
  const eol = lines.eol;
  const title = definition.requirement.title || id;
  const placeholder = `TODO: how this design meets ${id}.`;
  const lead = designText === '' || /(?:\r\n|\n|\r)$/.test(designText) ? '' : eol;
  const newText = `${lead}${eol}## ${title}${eol}${eol}Covers: ${id}${eol}${eol}${placeholder}${eol}`;
  const snippet = `${lead}${eol}## \${1:${snippetText(title)}}${eol}${eol}Covers: ${id}${eol}${eol}\${2:${snippetText(placeholder)}}${eol}`;
  return {
    title: `Add a section covering ${id} to ${designDoc.title}`,
    edits: [insertAt(designDoc.uri, lines.end(), newText, snippet)],
  };
}

/** Design docs whose `prfaq:` names the PR/FAQ, the candidates for its coverage fixes (sorted by URI). */
export function designDocsAnswering(index: IndexQueries, prfaqUri: string): DocModel[] {
  return index.designs().filter((d) => d.prfaqLinks.some((link) => link.target === prfaqUri));
}
