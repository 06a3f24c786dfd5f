import type { Position, Range } from '../model';
import type { LineIndex } from '../text/lineIndex';
import type { StructureBlock } from './blocks';
import {
  faqNamed,
  faqSubpartNamed,
  hasDateline,
  isPressReleaseName,
  opensGettingStarted,
  PRESS_RELEASE_PARTS,
  pressReleasePartNamed,
  type FaqKind,
  type PressReleasePart,
} from './partNames';

/** One part of the press release, where it was found. */
export interface FoundPart {
  /** Its label (heading or bold run), or the prose block recognised as the part. */
  readonly range: Range;
  /** Last line of the part: its heading's section, or its paragraphs up to the next label. */
  readonly endLine: number;
  /** Written with a label ("**Problem.**", "### Problem") rather than recognised from its prose. */
  readonly labelled: boolean;
  /** Sentences of its text (for the subheading). */
  readonly sentences: number;
  /** Whether its text opens with a date (for the summary). */
  readonly dateline: boolean;
}

/** A stretch of press-release prose and where it starts, for word searches. */
export interface ProseSegment {
  readonly text: string;
  readonly start: Position;
}

export interface PressRelease {
  /** The "Press release" heading or label, or (without one) the first block of the press release. */
  readonly range: Range;
  readonly endLine: number;
  /** Last line of its head: the label, and an owner comment right after it. Parts go after this. */
  readonly headEndLine: number;
  /** Under a "Press release" heading or label (rather than recognised from its parts). */
  readonly explicit: boolean;
  /** Level of its heading; 0 for a bold label or a press release without one. */
  readonly level: number;
  readonly words: number;
  readonly parts: Readonly<Partial<Record<PressReleasePart, FoundPart>>>;
  /** Level of the headings that label its parts; 0 when they are bold labels (or there are none). */
  readonly partHeadingLevel: number;
  readonly prose: readonly ProseSegment[];
  /** The prose was longer than MAX_PROSE and only its start is kept. */
  readonly proseTruncated: boolean;
}

export interface FaqPart {
  readonly kind: FaqKind;
  /** The name as written ("Customer FAQ", "Frequently Asked Questions"). */
  readonly name: string;
  readonly range: Range;
  readonly endLine: number;
  /** Heading level; 0 for a bold label. */
  readonly level: number;
  readonly questions: number;
  /** How its questions are written: a heading level, or 0 for "**Q: …**" paragraphs. */
  readonly questionLevel: number;
}

/** The working-backwards parts found in a PR/FAQ (see docs/format.md § 11.1). */
export interface PrfaqStructure {
  readonly pressRelease?: PressRelease;
  readonly faqs: readonly FaqPart[];
  readonly faqWords: number;
  /** The first FAQ heading or label (a generic "FAQ" holding the others included). */
  readonly faqStart?: { readonly line: number; readonly level: number };
  /** Last line with content. */
  readonly lastLine: number;
}

/** Press-release prose kept for the weasel-word search; far beyond any word budget. */
export const MAX_PROSE = 32_000;

/** Finds the press release, its parts and the FAQs among a document's top-level blocks (prose offsets into `text`). */
export function readStructure(blocks: readonly StructureBlock[], text: string, lines: LineIndex): PrfaqStructure {
  const n = blocks.length;
  const at = (i: number) => blocks[i] as StructureBlock;
  const isHeading = (i: number) => at(i).kind === 'heading';
  const labelled = (i: number) => at(i).kind === 'heading' || at(i).kind === 'paragraph';
  const faqKind = blocks.map((b, i) => (b.label !== undefined && labelled(i) ? faqNamed(b.label) : undefined));
  const partOf = blocks.map((b, i) => (b.label !== undefined && labelled(i) ? pressReleasePartNamed(b.label) : undefined));
  const prName = blocks.map((b, i) => b.label !== undefined && labelled(i) && isPressReleaseName(b.label));
  const isLabel = (i: number) => faqKind[i] !== undefined || partOf[i] !== undefined || prName[i] === true;

  const containerLevel = (i: number): number => {
    for (let j = i - 1; j >= 0; j--) if (isHeading(j)) return at(j).level;
    return 0;
  };
  /**
   * Exclusive end of the part that starts at block i: a heading's section, or a bold label's
   * paragraphs. In an FAQ, question headings of the FAQ's own level stay in it.
   */
  const partEnd = (i: number, limit = n, questionsStay = false): number => {
    const start = at(i);
    if (start.kind === 'heading') {
      for (let j = i + 1; j < limit; j++) if (isHeading(j) && at(j).level <= start.level && !(questionsStay && at(j).question)) return j;
      return limit;
    }
    const container = containerLevel(i);
    for (let j = i + 1; j < limit; j++) {
      if (isLabel(j)) return j;
      if (isHeading(j) && !at(j).question && (container === 0 || at(j).level <= container)) return j;
    }
    return limit;
  };
  const lastLine = (from: number, to: number) => (to > from ? at(to - 1).range.end.line : at(from).range.end.line);
  /** The label block, and an owner comment (HTML) right after it. */
  const headEnd = (i: number, limit: number) => (i + 1 < limit && at(i + 1).kind === 'html' ? at(i + 1).range.end.line : at(i).range.end.line);

  // FAQs: named parts; a generic "FAQ" holding customer/internal sub-parts stands for them.
  const faqs: FaqPart[] = [];
  const faqBlocks = new Set<number>();
  const handled = new Set<number>();
  let faqStart: PrfaqStructure['faqStart'];
  const addFaq = (i: number, kind: FaqKind, limit: number) => {
    const end = partEnd(i, limit, true);
    let questions = 0;
    let questionLevel = -1;
    for (let j = i + 1; j < end; j++) {
      faqBlocks.add(j);
      if (!at(j).question) continue;
      questions++;
      if (questionLevel < 0) questionLevel = at(j).level;
    }
    faqBlocks.add(i);
    const level = at(i).kind === 'heading' ? at(i).level : 0;
    faqs.push({
      kind,
      name: at(i).label ?? '',
      range: at(i).range,
      endLine: lastLine(i, end),
      level,
      questions,
      questionLevel: questionLevel >= 0 ? questionLevel : level > 0 ? Math.min(6, level + 1) : 0,
    });
  };
  for (let i = 0; i < n; i++) {
    const kind = faqKind[i];
    if (kind === undefined || handled.has(i)) continue;
    faqStart ??= { line: at(i).range.start.line, level: at(i).kind === 'heading' ? at(i).level : 0 };
    if (kind !== 'generic') {
      addFaq(i, kind, n);
      continue;
    }
    const end = partEnd(i, n, true);
    const subparts: Array<{ index: number; kind: FaqKind }> = [];
    for (let j = i + 1; j < end; j++) {
      const sub = at(j).label !== undefined && labelled(j) ? faqSubpartNamed(at(j).label as string) : undefined;
      if (sub && (!isHeading(i) || !isHeading(j) || at(j).level > at(i).level)) subparts.push({ index: j, kind: sub });
    }
    if (subparts.length === 0) {
      addFaq(i, 'external', n);
      continue;
    }
    faqBlocks.add(i);
    for (const sub of subparts) {
      handled.add(sub.index);
      addFaq(sub.index, sub.kind, end);
    }
  }
  let faqWords = 0;
  for (const i of faqBlocks) faqWords += at(i).words;

  return {
    ...pressReleaseOf(),
    faqs,
    faqWords,
    ...(faqStart ? { faqStart } : {}),
    lastLine: n > 0 ? at(n - 1).range.end.line : 0,
  };

  function pressReleaseOf(): { pressRelease?: PressRelease } {
    const firstFaq = faqKind.findIndex((kind) => kind !== undefined);
    const faqLimit = firstFaq < 0 ? n : firstFaq;
    let start: number;
    let end: number;
    const explicit = prName.findIndex(Boolean);
    if (explicit >= 0) {
      start = explicit;
      if (isHeading(explicit)) end = partEnd(explicit);
      else {
        // A bold "Press release" label runs over the part labels inside it, up to the FAQ or a new top part.
        const container = containerLevel(explicit);
        end = n;
        for (let j = explicit + 1; j < n; j++) {
          const top = isHeading(j) && (container > 0 ? at(j).level <= container : at(j).level <= 2 && partOf[j] === undefined);
          if (faqKind[j] !== undefined || top) {
            end = j;
            break;
          }
        }
      }
      if (firstFaq > explicit) end = Math.min(end, firstFaq);
    } else {
      // No "Press release" heading: what comes before the FAQ, when it reads like a press release.
      start = 0;
      end = faqLimit;
      const title = blocks.findIndex((b) => b.kind === 'heading');
      for (let j = 0; j < faqLimit; j++) {
        if (isHeading(j) && at(j).level <= 2 && partOf[j] === undefined && !(j === title && at(j).level === 1)) {
          end = j;
          break;
        }
      }
      const reads = blocks.slice(0, end).some((b, j) => partOf[j] !== undefined || b.quotation || (b.kind === 'paragraph' && hasDateline(b.lead)));
      if (!reads) return {};
    }
    if (end <= start) return {};
    return { pressRelease: readPressRelease(start, end, explicit >= 0) };
  }

  function readPressRelease(start: number, end: number, explicit: boolean): PressRelease {
    const parts: Partial<Record<PressReleasePart, FoundPart>> = {};
    /** The prose block a label introduces: the label itself, unless it is only a label. */
    const content = (i: number, limit: number) => (at(i).labelOnly && i + 1 < limit && !isHeading(i + 1) ? at(i + 1) : at(i));
    const claimed = new Set<number>();
    let partHeadingLevel = 0;
    const first = explicit ? start + 1 : start;
    /** A bold label's part: its paragraph (and the next block, after a label alone), then plain paragraphs up to anything another part could be. */
    const labelPartEnd = (i: number): number => {
      let j = i + 1;
      if (at(i).labelOnly && j < end && !isHeading(j)) j++;
      const other = (b: StructureBlock) => b.quotation || (b.kind === 'paragraph' && (hasDateline(b.lead) || opensGettingStarted(b.lead)));
      while (j < end && !isLabel(j) && !isHeading(j) && !other(at(j))) j++;
      return j;
    };
    for (let i = first; i < end; i++) {
      const part = partOf[i];
      if (part === undefined || parts[part]) continue;
      const partEndIndex = isHeading(i) ? partEnd(i, end) : labelPartEnd(i);
      for (let j = i; j < partEndIndex; j++) claimed.add(j);
      const body = content(i, partEndIndex);
      parts[part] = { range: at(i).range, endLine: lastLine(i, partEndIndex), labelled: true, sentences: body.sentences, dateline: hasDateline(body.lead) };
      if (isHeading(i) && partHeadingLevel === 0) partHeadingLevel = at(i).level;
    }
    const prose = (i: number): FoundPart => ({ range: at(i).range, endLine: at(i).range.end.line, labelled: false, sentences: at(i).sentences, dateline: hasDateline(at(i).lead) });
    const free = (i: number) => !claimed.has(i) && at(i).kind !== 'html';

    // The headline: the first heading that names no part (the title itself without a "Press release" heading).
    let headline = -1;
    if (!parts.headline) {
      for (let i = first; i < end && headline < 0; i++) if (free(i) && isHeading(i)) headline = i;
      if (headline < 0) {
        const opening = blocks.findIndex((_block, i) => i >= first && i < end && free(i));
        if (opening >= 0 && at(opening).emphasised) headline = opening;
      }
      if (headline >= 0) {
        parts.headline = prose(headline);
        claimed.add(headline);
      }
    }
    // The subheading: one bold or italic line (or a lower heading) right after the headline.
    if (!parts.subheading && headline >= 0) {
      let next = headline + 1;
      while (next < end && at(next).kind === 'html') next++;
      const candidate = next < end ? at(next) : undefined;
      if (candidate && free(next) && (candidate.emphasised || (candidate.kind === 'heading' && candidate.level > at(headline).level))) {
        parts.subheading = prose(next);
        claimed.add(next);
      }
    }
    const firstFree = (test: (b: StructureBlock) => boolean) => {
      for (let i = first; i < end; i++) if (free(i) && test(at(i))) return i;
      return -1;
    };
    if (!parts.summary) {
      const summary = firstFree((b) => b.kind === 'paragraph' && !b.quotation && hasDateline(b.lead));
      if (summary >= 0) {
        parts.summary = prose(summary);
        claimed.add(summary);
      }
    }
    if (!parts.gettingStarted) {
      const started = firstFree((b) => b.kind === 'paragraph' && opensGettingStarted(b.lead));
      if (started >= 0) {
        parts.gettingStarted = prose(started);
        claimed.add(started);
      }
    }
    // Quotes in prose: the leader speaks first, the customer last (Bryar & Carr's order).
    const quotes: number[] = [];
    for (let i = first; i < end; i++) if (free(i) && at(i).quotation) quotes.push(i);
    const [firstQuote] = quotes;
    const lastQuote = quotes[quotes.length - 1];
    if (!parts.leaderQuote && !parts.customerQuote && firstQuote !== undefined && lastQuote !== undefined) {
      const afterStart = parts.gettingStarted !== undefined && parts.gettingStarted.range.start.line < at(firstQuote).range.start.line;
      if (quotes.length === 1 && afterStart) parts.customerQuote = prose(firstQuote);
      else parts.leaderQuote = prose(firstQuote);
      if (quotes.length > 1) parts.customerQuote = prose(lastQuote);
    } else if (!parts.leaderQuote && firstQuote !== undefined) {
      parts.leaderQuote = prose(firstQuote);
    } else if (!parts.customerQuote && lastQuote !== undefined) {
      parts.customerQuote = prose(lastQuote);
    }

    let words = 0;
    const segments: ProseSegment[] = [];
    let kept = 0;
    let truncated = false;
    for (let i = start; i < end; i++) {
      words += at(i).words;
      const prose = at(i).prose;
      for (let k = 0; k + 1 < prose.length; k += 2) {
        const from = prose[k] as number;
        const to = prose[k + 1] as number;
        if (kept + (to - from) > MAX_PROSE) {
          truncated = true;
          continue;
        }
        kept += to - from;
        segments.push({ text: text.slice(from, to), start: lines.position(from) });
      }
    }
    const head = at(start);
    return {
      range: head.range,
      endLine: lastLine(start, end),
      headEndLine: explicit ? headEnd(start, end) : head.range.start.line - 1,
      explicit,
      level: explicit && head.kind === 'heading' ? head.level : 0,
      words,
      parts: orderedParts(parts),
      partHeadingLevel,
      prose: segments,
      proseTruncated: truncated,
    };
  }
}

/** Parts in press-release order, so models compare equal however they were found. */
function orderedParts(parts: Partial<Record<PressReleasePart, FoundPart>>): Partial<Record<PressReleasePart, FoundPart>> {
  const out: Partial<Record<PressReleasePart, FoundPart>> = {};
  for (const part of PRESS_RELEASE_PARTS) {
    const found = parts[part];
    if (found) out[part] = found;
  }
  return out;
}

/** The structure of a PR/FAQ from its chunks' blocks (chunk-relative lines and offsets moved to the document's). */
export function documentStructure(
  chunks: ReadonlyArray<{ readonly startLine: number; readonly model: { readonly blocks: readonly StructureBlock[] } }>,
  text: string,
  lines: LineIndex,
): PrfaqStructure {
  const shift = (range: Range, by: number): Range => ({
    start: { line: range.start.line + by, character: range.start.character },
    end: { line: range.end.line + by, character: range.end.character },
  });
  const blocks = chunks.flatMap(({ startLine, model }) => {
    // Chunks start at line starts: a chunk's offset 0 is its first line's start in the document.
    const offset = lines.lineStart(startLine);
    if (startLine === 0 && offset === 0) return model.blocks;
    return model.blocks.map((block) => ({ ...block, range: shift(block.range, startLine), prose: block.prose.map((o) => o + offset) }));
  });
  return readStructure(blocks, text, lines);
}
