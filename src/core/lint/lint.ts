import { finding } from '../findings';
import type { DocModel, Finding, Position, Range } from '../model';
import { PRESS_RELEASE_PARTS, type PressReleasePart } from './partNames';
import { StructureCode, type StructureCodeValue } from './rules';
import type { StructureSettings } from './settings';
import type { ProseSegment } from './structure';

/** The finding code for each missing press-release part. */
export const missingPartCode: Readonly<Record<PressReleasePart, StructureCodeValue>> = {
  headline: StructureCode.missingHeadline,
  subheading: StructureCode.missingSubheading,
  summary: StructureCode.missingSummary,
  problem: StructureCode.missingProblem,
  solution: StructureCode.missingSolution,
  leaderQuote: StructureCode.missingLeaderQuote,
  gettingStarted: StructureCode.missingGettingStarted,
  customerQuote: StructureCode.missingCustomerQuote,
  callToAction: StructureCode.missingCallToAction,
};

const missingPartAdvice: Readonly<Record<PressReleasePart, string>> = {
  headline: 'no headline: start the press release with a heading that names the product the way its customers will know it',
  subheading: 'no subheading: add one bold or italic sentence under the headline saying who the customer is and what they get (or a "**Subheading.**" paragraph)',
  summary: 'no summary paragraph: open with the place and launch date, then the product, the customer and the benefit (e.g. "**Summary.** SEATTLE, March 3, 2026 — …")',
  problem: 'no problem: add a "**Problem.**" paragraph (or a "Problem" heading) on what is hard for the customer today, in their words',
  solution: 'no solution: add a "**Solution.**" paragraph (or a "Solution" heading) on how the product takes the problem away',
  leaderQuote: 'no leader quote: add a quote from a leader of the company on why it was built ("**Quote from a leader.**", or a quoted paragraph)',
  gettingStarted: 'no getting started: add a "**How to get started.**" paragraph (or one opening "To get started, …") on the customer\'s first step',
  customerQuote: 'no customer quote: add a quote from a customer on the benefit in their own words ("**Customer quote.**", or a quoted paragraph after the leader\'s)',
  callToAction: 'no call to action: close with a "**Call to action.**" paragraph on where to go next',
};

/** The press-release part a missing-part code is about. */
export function partOfCode(code: string): PressReleasePart | undefined {
  return PRESS_RELEASE_PARTS.find((part) => missingPartCode[part] === code);
}

/** Whether the structure lint looks at this PR/FAQ: it has a press release or an FAQ. */
export function isLinted(doc: DocModel): boolean {
  const structure = doc.structure;
  return doc.kind === 'prfaq' && structure !== undefined && (structure.pressRelease !== undefined || structure.faqs.length > 0);
}

function firstLine(range: Range): Range {
  return range.start.line === range.end.line ? range : { start: range.start, end: { line: range.start.line, character: range.start.character + 1 } };
}

/**
 * Findings of the PR/FAQ structure lint and `no-requirements` for one document (default
 * severity info; the index applies the configured severities). Parsed PR/FAQs only: an
 * unparsed document (too large, parse failed) has no structure and gets nothing here.
 */
export function structureFindings(doc: DocModel, settings: StructureSettings): Finding[] {
  const structure = doc.structure;
  if (doc.kind !== 'prfaq' || !structure) return [];
  const out: Finding[] = [];
  const add = (code: StructureCodeValue, range: Range, message: string, subject?: string) => out.push(finding(code, doc.uri, range, message, subject));

  if (doc.requirements.length === 0) {
    const title = doc.sections.find((section) => section.level === 1) ?? doc.sections[0];
    add(
      StructureCode.noRequirements,
      title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      'this PR/FAQ defines no requirements, so nothing in it can be covered: start list items or headings with an ID ("- CHK-1 Refunds reach the card within 24 hours."), or run "PR/FAQ: Number Commitments" to number them',
    );
  }
  if (!isLinted(doc)) return out;

  const pr = structure.pressRelease;
  const firstFaq = structure.faqs[0];
  if (!pr) {
    if (firstFaq) add(StructureCode.missingPressRelease, firstLine(firstFaq.range), 'this PR/FAQ has an FAQ but no press release: add a "Press release" heading before it (headline, subheading, summary, problem, solution, quotes, getting started, call to action)');
  } else {
    const at = firstLine(pr.range);
    for (const part of PRESS_RELEASE_PARTS) {
      if (!pr.parts[part]) add(missingPartCode[part], at, `the press release has ${missingPartAdvice[part]}`, part);
    }
    const subheading = pr.parts.subheading;
    if (subheading && subheading.sentences > 1) {
      add(StructureCode.subheadingNotOneSentence, firstLine(subheading.range), `the subheading is ${subheading.sentences} sentences: keep it to one, who the customer is and what they get`);
    }
    const summary = pr.parts.summary;
    if (summary && !summary.dateline) {
      add(StructureCode.summaryWithoutDateline, firstLine(summary.range), 'the summary does not open with the place and the launch date (e.g. "SEATTLE, March 3, 2026 — ")');
    }
    if (pr.words > settings.pressReleaseWords) {
      add(StructureCode.pressReleaseTooLong, at, `the press release is ${pr.words} words, over its budget of ${settings.pressReleaseWords} (about one page: "always less than one page")`);
    }
    for (const hit of weaselWords(pr.prose, settings.weaselWords)) {
      add(StructureCode.weaselWord, hit.range, `weasel word "${hit.word}" in the press release: say what makes it so, with a number or a fact (e.g. "in one click", "in 2 seconds")`, hit.word.toLowerCase());
    }
  }
  const where = pr ? firstLine(pr.range) : firstFaq ? firstLine(firstFaq.range) : undefined;
  if (where && !structure.faqs.some((faq) => faq.kind === 'external')) {
    add(StructureCode.missingExternalFaq, where, 'no external FAQ: add a "Customer FAQ" with the questions customers and the press will ask');
  }
  if (where && !structure.faqs.some((faq) => faq.kind === 'internal')) {
    add(StructureCode.missingInternalFaq, where, 'no internal FAQ: add an "Internal FAQ" with the questions leaders and the team will ask (cost, risks, dependencies, how success is measured)');
  }
  for (const faq of structure.faqs) {
    if (faq.questions === 0) add(StructureCode.faqWithoutQuestions, firstLine(faq.range), `"${faq.name}" has no question: write each as a heading ending in "?" or a "**Q: …?**" paragraph`, faq.kind);
  }
  if (firstFaq && structure.faqWords > settings.faqWords) {
    add(StructureCode.faqTooLong, firstLine(firstFaq.range), `the FAQs are ${structure.faqWords} words, over their budget of ${settings.faqWords} (about five pages: "five pages or less")`);
  }
  return out;
}

interface WeaselHit {
  readonly word: string;
  readonly range: Range;
}

const compiled = new Map<string, RegExp>();

/** One regular expression for the list: whole words, any case, any run of white space inside a phrase. */
function weaselPattern(words: readonly string[]): RegExp | undefined {
  if (words.length === 0) return undefined;
  const key = words.join('\n');
  let pattern = compiled.get(key);
  if (!pattern) {
    const alternatives = [...words]
      .sort((a, b) => b.length - a.length)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
    if (compiled.size > 20) compiled.clear();
    compiled.set(key, pattern);
  }
  return pattern;
}

function positionIn(segment: ProseSegment, offset: number): Position {
  let line = segment.start.line;
  let lineStart = -segment.start.character;
  for (let i = 0; i < offset; i++) {
    const code = segment.text.charCodeAt(i);
    if (code === 10 || (code === 13 && segment.text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Every weasel word in the prose, at its exact range. */
export function weaselWords(prose: readonly ProseSegment[], words: readonly string[]): WeaselHit[] {
  const pattern = weaselPattern(words);
  if (!pattern) return [];
  const hits: WeaselHit[] = [];
  for (const segment of prose) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(segment.text); match; match = pattern.exec(segment.text)) {
      hits.push({ word: match[0].replace(/\s+/g, ' '), range: { start: positionIn(segment, match.index), end: positionIn(segment, match.index + match[0].length) } });
    }
  }
  return hits;
}
