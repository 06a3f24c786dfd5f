import GithubSlugger from 'github-slugger';
import { duplicateThreadFindings } from '../comments/duplicateIds';
import { FindingCode, finding, type FindingCodeValue } from '../findings';
import type { IdMatcher } from '../ids';
import type {
  AnchorLink,
  CommentThread,
  CoverEntry,
  DocKind,
  DocModel,
  Finding,
  Mention,
  Requirement,
  Section,
} from '../model';
import { documentStructure } from '../lint/structure';
import { collectSignOff, documentFingerprint, type SignOffs } from '../review/assembleSignOffs';
import { LineIndex, lineRange, shiftRange } from '../text/lineIndex';
import { fileStem, resolveDocumentPath } from '../text/uri';
import type { ChunkModel } from './chunkModel';
import { splitIntoChunks } from './chunks';
import { extractChunk } from './extractChunk';
import { locateFrontmatter, readFrontmatter, sniffKind, type FrontmatterBlock } from './frontmatter';
import { missingCoOwners, readFields, type FrontmatterFields } from './frontmatterFields';
import { pathologicalReason } from './pathological';
import { workLimitReason } from './workLimits';
import { scanSource } from '../source/scanSource';
import { parseOftId } from '../trace/oftId';

/** Reuses the results of unchanged chunks across edits (keyed by the chunk's exact text). */
export interface ChunkCache {
  get(chunkText: string): ChunkModel | undefined;
  set(chunkText: string, model: ChunkModel): void;
}

export interface ParseOptions {
  readonly ids: IdMatcher;
  readonly maxFileSize: number;
  readonly chunkCache?: ChunkCache;
  /** Parse the body as one piece instead of chunks (the reference the chunked path must equal). */
  readonly wholeDocument?: boolean;
}

export interface ParseInput {
  readonly uri: string;
  readonly text: string;
  /** The kind the configuration gives the path (globs); frontmatter `type:` wins over it, except over `source` (sourceGlobs). */
  readonly kindByPath?: DocKind;
  /** Size on disk when known; defaults to the text's length. */
  readonly byteLength?: number;
}

/**
 * Turns one document into its model, or undefined when it is neither a PR/FAQ nor a design
 * doc (such files are never handed to the markdown parser). Pure: same input, same model.
 */
export function parseDocument(input: ParseInput, options: ParseOptions): DocModel | undefined {
  const { uri, text } = input;
  const size = input.byteLength ?? text.length;
  // A source file is never markdown: its path decides, whatever its first lines look like.
  if (input.kindByPath === 'source') return size > options.maxFileSize ? tooLarge(uri, 'source', size, options.maxFileSize) : scanSource(input);
  const block = locateFrontmatter(text);
  const sniffed = sniffKind(text, block) ?? input.kindByPath;
  if (!sniffed) return undefined;

  if (size > options.maxFileSize) {
    return tooLarge(uri, sniffed, size, options.maxFileSize);
  }

  const refused = pathologicalReason(text);
  if (refused) return unparsedModel(input, sniffed, refused);

  const { parseText, bodyStart } = markdownBody(text, block);
  const sections = splitIntoChunks(parseText, bodyStart);
  // Bytes do not bound the parser's memory and time; its syntax-tree nodes do (workLimits.ts).
  const tooMuch = workLimitReason(sections.map((section) => section.text));
  if (tooMuch) return emptyModel(uri, sniffed, 1, [finding(FindingCode.fileTooLarge, uri, lineRange(0, 0, 0), tooMuch)]);
  const pieces = options.wholeDocument ? [{ text: parseText, startOffset: 0, startLine: 0 }] : sections;

  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  let fields: FrontmatterFields | undefined;
  if (block) {
    const result = readFrontmatter(text, block);
    if (result.ok) {
      fields = readFields(uri, result.data, result.yaml, block, lines, options.ids);
      findings.push(...fields.findings);
    } else {
      const at = lines.position(result.offset);
      findings.push(finding(FindingCode.invalidFrontmatter, uri, lineRange(at.line, 0, lineLength(text, lines, at.line)), result.message));
    }
  }
  const kind = fields?.kind ?? sniffed;
  const owners = fields?.owners ?? { roles: [], range: lineRange(0, 0, lineLength(text, lines, 0)) };
  findings.push(...missingCoOwners(uri, owners));

  let chunks: Array<{ readonly startLine: number; readonly model: ChunkModel }>;
  try {
    chunks = pieces.map((chunk) => ({ startLine: chunk.startLine, model: chunkModel(chunk.text, options) }));
  } catch (error) {
    // remark overflows the stack on pathological nesting: report it, keep the frontmatter facts.
    return unparsedModel(input, sniffed, `could not parse this document: ${(error as Error).message}`);
  }
  const body = assemble(uri, kind, chunks, lines.lineCount - 1, findings);
  const firstH1 = body.sections.find((section) => section.level === 1)?.heading;

  return {
    uri,
    kind,
    title: fields?.title ?? (firstH1 || fileStem(uri)),
    owners,
    prfaqLinks: kind === 'design' ? (fields?.prfaqLinks ?? []) : [],
    waivers: fields?.waivers ?? [],
    ...body,
    findings,
    ...(kind === 'prfaq' ? { structure: documentStructure(chunks, text, lines) } : {}),
    lineCount: lines.lineCount,
  };
}

/** The text remark parses: non-YAML frontmatter blanked (line breaks kept), and where the body starts. */
function markdownBody(text: string, block: FrontmatterBlock | undefined): { parseText: string; bodyStart: number } {
  if (!block?.closed) return { parseText: text, bodyStart: 0 };
  // Non-YAML frontmatter is invisible to remark-frontmatter: blank it so its content is never read as markdown.
  const yaml = block.language === '' || block.language === 'yaml' || block.language === 'yml';
  const parseText = yaml ? text : text.slice(0, block.end).replace(/[^\r\n]/g, ' ') + text.slice(block.end);
  return { parseText, bodyStart: block.end };
}

/**
 * The chunk texts of a document that `cache` does not hold yet: a host can extract them off
 * the main thread (extractChunk in a worker), fill the cache, then call parseDocument cheaply.
 */
export function uncachedChunks(input: ParseInput, options: ParseOptions & { readonly chunkCache: ChunkCache }): string[] {
  if (input.kindByPath === 'source') return [];
  const block = locateFrontmatter(input.text);
  if (!(sniffKind(input.text, block) ?? input.kindByPath)) return [];
  if ((input.byteLength ?? input.text.length) > options.maxFileSize) return [];
  const { parseText, bodyStart } = markdownBody(input.text, block);
  const texts = splitIntoChunks(parseText, bodyStart).map((chunk) => chunk.text);
  if (workLimitReason(texts)) return []; // parseDocument will not parse it either
  return texts.filter((text) => !options.chunkCache.get(text));
}

function chunkModel(text: string, options: ParseOptions): ChunkModel {
  const cached = options.chunkCache?.get(text);
  if (cached) return cached;
  const model = extractChunk(text, options.ids);
  options.chunkCache?.set(text, model);
  return model;
}

function lineLength(text: string, lines: LineIndex, line: number): number {
  const start = lines.lineStart(line);
  const match = /[\r\n]/.exec(text.slice(start, start + 10_000));
  return match ? match.index : Math.min(text.length - start, 10_000);
}

type Body = Pick<DocModel, 'requirements' | 'sections' | 'covers' | 'mentions' | 'anchorLinks' | 'threads' | 'fingerprint' | 'reviewStamps' | 'approvals'>;

/** Joins chunk results into document-wide structures: global lines, sections, slugs, owners. */
function assemble(
  uri: string,
  kind: DocKind,
  chunks: ReadonlyArray<{ readonly startLine: number; readonly model: ChunkModel }>,
  lastLine: number,
  findings: Finding[],
): Body {
  const slugger = new GithubSlugger();
  const sections: Array<{ -readonly [K in keyof Section]: Section[K] }> = [];
  const requirements: Requirement[] = [];
  const covers: CoverEntry[] = [];
  const mentions: Mention[] = [];
  const anchorLinks: AnchorLink[] = [];
  const threads: CommentThread[] = [];
  const signOffs: SignOffs = { reviewStamps: [], approvals: [] };
  const contentParts: string[] = [];
  const open: number[] = [];

  for (const { startLine, model } of chunks) {
    const base = sections.length;
    // Chunk-local heading -1 means "before this chunk's first heading": the previous chunk's last section.
    const globalHeading = (local: number) => (local >= 0 ? base + local : base - 1);
    for (const heading of model.headings) {
      const range = shiftRange(heading.range, startLine);
      while (open.length > 0 && (sections[open[open.length - 1] as number]?.level ?? 0) >= heading.level) {
        const closing = open.pop() as number;
        (sections[closing] as { endLine: number }).endLine = range.start.line - 1;
      }
      sections.push({
        heading: heading.text,
        level: heading.level,
        // GitHub's anchor: from the rendered text (no raw HTML, no images), untrimmed.
        slug: slugger.slug(heading.slugText),
        range,
        endLine: -1,
        owners: [],
        parent: open.length > 0 ? (open[open.length - 1] as number) : -1,
        fingerprint: heading.fingerprint,
      });
      open.push(sections.length - 1);
    }
    for (const comment of model.ownerComments) {
      const range = shiftRange(comment.range, startLine);
      const section = sections[globalHeading(comment.heading)];
      if (!comment.placed || !section || section.ownerRange) {
        findings.push(finding(FindingCode.misplacedSectionOwner, uri, range, 'owner comment is not the first thing after a heading, so it assigns no section; move it right below the heading'));
      } else if (comment.people.length === 0) {
        findings.push(finding(FindingCode.emptySectionOwner, uri, range, 'owner comment names nobody: write <!-- owner: @name --> or remove it'));
      } else {
        section.owners = comment.people;
        section.ownerRange = range;
      }
    }
    for (const requirement of model.requirements) {
      const sectionIndex = globalHeading(requirement.heading);
      const idRange = shiftRange(requirement.idRange, startLine);
      // OFT items are defined wherever they stand; this project's forms only in PR/FAQs (elsewhere: references).
      const oft = requirement.form === 'oft' || requirement.form === 'forward';
      if (kind !== 'prfaq' && !oft) {
        mentions.push({ id: requirement.id, range: idRange, sectionIndex });
        continue;
      }
      const ownSlug = requirement.ownHeading ? sections[sectionIndex]?.slug : undefined;
      const lowered = requirement.id.toLowerCase();
      requirements.push({
        id: requirement.id,
        idRange,
        range: shiftRange(requirement.range, startLine),
        form: requirement.form,
        title: requirement.title,
        text: requirement.text,
        anchors: ownSlug && ownSlug !== lowered ? [ownSlug, lowered] : [lowered],
        sectionIndex,
        fingerprint: requirement.fingerprint,
        type: parseOftId(requirement.id)?.type ?? 'prfaq',
        // This project's forms keep their rule: a design section must cover them.
        needs: oft ? (requirement.needs ?? []) : ['design'],
        tags: requirement.tags ?? [],
        depends: requirement.depends ?? [],
        ...(requirement.status ? { status: requirement.status } : {}),
      });
    }
    for (const cover of model.covers) {
      const range = shiftRange(cover.range, startLine);
      const sectionIndex = globalHeading(cover.heading);
      if (cover.by !== undefined) {
        // An OFT item's Covers: list covers wherever the item stands (a req in a PR/FAQ covers a feat).
        covers.push({ id: cover.id, range, sectionIndex, type: cover.type ?? 'design', by: cover.by });
      } else if (kind === 'design') {
        covers.push({ id: cover.id, range, sectionIndex, type: 'design' });
      } else {
        // A PR/FAQ section's own Covers: line is only a reference.
        mentions.push({ id: cover.id, range, sectionIndex });
      }
    }
    for (const problem of model.problems) {
      findings.push(finding(problem.code as FindingCodeValue, uri, shiftRange(problem.range, startLine), problem.message, problem.subject));
    }
    for (const mention of model.mentions) {
      mentions.push({ id: mention.id, range: shiftRange(mention.range, startLine), sectionIndex: globalHeading(mention.heading) });
    }
    for (const block of model.threads) {
      const range = shiftRange(block.range, startLine);
      if (block.thread) {
        threads.push({ ...block.thread, range, anchor: shiftRange(block.anchor, startLine), indent: block.indent });
      } else {
        findings.push(finding(FindingCode.malformedCommentThread, uri, { start: range.start, end: { line: range.start.line, character: range.start.character + 17 } }, `comment thread block is malformed and left as it is: ${block.problem}`));
      }
    }
    for (const block of model.signOffs) collectSignOff(uri, block, startLine, globalHeading(block.heading), signOffs, findings);
    contentParts.push(...model.contentParts);
    for (const link of model.links) {
      const hash = link.url.indexOf('#');
      const path = link.url.slice(0, hash);
      anchorLinks.push({
        target: path === '' ? uri : resolveDocumentPath(uri, path),
        fragment: decodeFragment(link.url.slice(hash + 1)),
        range: shiftRange(link.range, startLine),
        sectionIndex: globalHeading(link.heading),
      });
    }
  }
  for (const index of open) (sections[index] as { endLine: number }).endLine = lastLine;
  findings.push(...duplicateThreadFindings(uri, threads));
  // Definitions and declarations demoted to mentions join them in document order.
  mentions.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { requirements, sections, covers, mentions, anchorLinks, threads, fingerprint: documentFingerprint(contentParts), ...signOffs };
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment).toLowerCase();
  } catch {
    return fragment.toLowerCase();
  }
}

function tooLarge(uri: string, kind: DocKind, size: number, limit: number): DocModel {
  return emptyModel(uri, kind, 1, [
    finding(FindingCode.fileTooLarge, uri, lineRange(0, 0, 0), `file is ${size} bytes, over the ${limit}-byte limit (maxFileSize): not analysed`),
  ]);
}

/**
 * The model of a document that could not be parsed (stack overflow, time budget): it stays in
 * the index as its kind with a parse-failed finding, so it does not silently vanish.
 */
export function unparsedModel(input: ParseInput, kind: DocKind, message: string): DocModel {
  const lines = new LineIndex(input.text);
  return emptyModel(input.uri, kind, lines.lineCount, [
    finding(FindingCode.parseFailed, input.uri, lineRange(0, 0, Math.min(lineLength(input.text, lines, 0), 200)), message),
  ]);
}

/** Kind of a document from its frontmatter or path alone, without parsing (for unparsed models). */
export function sniffedKind(input: ParseInput): DocKind | undefined {
  return sniffKind(input.text) ?? input.kindByPath;
}

function emptyModel(uri: string, kind: DocKind, lineCount: number, findings: Finding[]): DocModel {
  const range = lineRange(0, 0, 0);
  return {
    uri,
    kind,
    title: fileStem(uri),
    owners: { roles: [], range },
    prfaqLinks: [],
    waivers: [],
    requirements: [],
    sections: [],
    covers: [],
    mentions: [],
    anchorLinks: [],
    threads: [],
    findings,
    fingerprint: documentFingerprint([]),
    reviewStamps: [],
    approvals: [],
    lineCount,
  };
}
