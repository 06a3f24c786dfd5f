import { TextLines } from '../language/textLines';
import type { CodeAction } from '../language/types';
import type { DocModel, Finding } from '../model';
import { customerFaqQuestions, faqText, internalFaqQuestions, partText, pressReleaseTemplate, pressReleaseText, questionText } from '../templates';
import { partOfCode } from './lint';
import { PRESS_RELEASE_PARTS, type FaqKind, type PressReleasePart } from './partNames';
import { StructureCode } from './rules';
import type { PrfaqStructure } from './structure';

/** Where to put a block: after a line (a blank line between) or before one (a blank line after). */
type Place = { readonly after: number } | { readonly before: number };

function insertion(doc: DocModel, text: string, place: Place, block: string, title: string): CodeAction {
  const lines = new TextLines(text);
  const eol = lines.eol;
  if ('after' in place) {
    const at = place.after < 0 ? { line: 0, character: 0 } : lines.lineEnd(Math.min(place.after, lines.lineCount - 1));
    const newText = place.after < 0 ? `${block}${eol}${eol}` : `${eol}${eol}${block}`;
    return { title, edits: [{ uri: doc.uri, range: { start: at, end: at }, newText }] };
  }
  const at = { line: place.before, character: 0 };
  return { title, edits: [{ uri: doc.uri, range: { start: at, end: at }, newText: `${block}${eol}${eol}` }] };
}

/** Right after the nearest earlier part that is there, else right before the nearest later one. */
function partPlace(structure: PrfaqStructure, part: PressReleasePart): Place | undefined {
  const pr = structure.pressRelease;
  if (!pr) return undefined;
  const index = PRESS_RELEASE_PARTS.indexOf(part);
  for (let i = index - 1; i >= 0; i--) {
    const found = pr.parts[PRESS_RELEASE_PARTS[i] as PressReleasePart];
    if (found) return { after: found.endLine };
  }
  for (let i = index + 1; i < PRESS_RELEASE_PARTS.length; i++) {
    const found = pr.parts[PRESS_RELEASE_PARTS[i] as PressReleasePart];
    if (found) return { before: found.range.start.line };
  }
  return pr.explicit ? { after: pr.headEndLine } : { before: pr.range.start.line };
}

function faqLevel(structure: PrfaqStructure): number {
  return structure.faqs.find((faq) => faq.level > 0)?.level ?? (structure.pressRelease?.level || 2);
}

function faqPlace(structure: PrfaqStructure, kind: FaqKind): Place {
  const pr = structure.pressRelease;
  const externals = structure.faqs.filter((faq) => faq.kind === 'external');
  const last = externals[externals.length - 1];
  if (kind === 'internal' && last) return { after: last.endLine };
  if (kind === 'external') {
    const internal = structure.faqs.find((faq) => faq.kind === 'internal');
    if (pr) return { after: pr.endLine };
    if (internal) return { before: internal.range.start.line };
  }
  return pr ? { after: pr.endLine } : { after: structure.lastLine };
}

/**
 * The quick fix for a structure finding: the missing part, press release, FAQ or question from
 * the template, at its place in the document's order and written the way the document writes
 * its parts (bold labels, or headings of the same level). Undefined for findings it cannot fix.
 */
export function structureFix(doc: DocModel, text: string, finding: Finding): CodeAction | undefined {
  const structure = doc.structure;
  if (!structure || finding.uri !== doc.uri) return undefined;
  const eol = new TextLines(text).eol;
  const part = partOfCode(finding.code);
  if (part) {
    const place = partPlace(structure, part);
    const level = structure.pressRelease?.partHeadingLevel ?? 0;
    return place && insertion(doc, text, place, partText(part, level, eol), `Add "${pressReleaseTemplate[part].label}" to the press release from the template`);
  }
  switch (finding.code) {
    case StructureCode.missingPressRelease: {
      const start = structure.faqStart;
      if (!start) return undefined;
      return insertion(doc, text, { before: start.line }, pressReleaseText(start.level || 2, eol), 'Add a press release from the template');
    }
    case StructureCode.missingExternalFaq:
      return insertion(doc, text, faqPlace(structure, 'external'), faqText('external', faqLevel(structure), eol), 'Add a Customer FAQ from the template');
    case StructureCode.missingInternalFaq:
      return insertion(doc, text, faqPlace(structure, 'internal'), faqText('internal', faqLevel(structure), eol), 'Add an Internal FAQ from the template');
    case StructureCode.faqWithoutQuestions: {
      const faq = structure.faqs.find((f) => f.range.start.line === finding.range.start.line);
      if (!faq) return undefined;
      const question = (faq.kind === 'external' ? customerFaqQuestions : internalFaqQuestions)[0] as string;
      return insertion(doc, text, { after: faq.endLine }, questionText(question, faq.questionLevel, eol), `Add a question to "${faq.name}" from the template`);
    }
    default:
      return undefined;
  }
}
