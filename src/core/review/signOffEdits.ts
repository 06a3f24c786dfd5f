import type { Nodes } from 'mdast';
import { eolOf, type TextEdit } from '../text/textEdit';
import { THREAD_OPENER } from '../comments/threadFormat';
import type { Approval, CoverEntry, DocModel, Range, ReviewStamp } from '../model';
import { locateFrontmatter } from '../parse/frontmatter';
import { parseMarkdown } from '../text/markdownTree';
import { LineIndex } from '../text/lineIndex';
import { samePerson } from '../owners/whoAmI';
import { serializeApprovalLines, serializeStamp, SIGN_OFF_OPENER, type ApprovalData, type StampData } from './signOffFormat';
import { stampsFor } from './reviewState';

/**
 * Edits that write review stamps and approvals: each is a list of replacements against the
 * document's current text (one undoable WorkspaceEdit in the editor, one file write in the CLI).
 * The text's line endings are kept; nothing else in the document changes.
 */

function lineText(text: string, lines: LineIndex, line: number): string {
  return text.slice(lines.lineStart(line), line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length).replace(/[\r\n]+$/, '');
}

/** Replaces lines `range.start.line`…`range.end.line` (without the last line break) by `block` lines, keeping the first line's indentation. */
function replaceBlock(text: string, lines: LineIndex, range: Range, block: readonly string[]): TextEdit {
  const indent = /^[ \t]*/.exec(lineText(text, lines, range.start.line))?.[0] ?? '';
  const eol = eolOf(text);
  const end = { line: range.end.line, character: lineText(text, lines, range.end.line).length };
  return { range: { start: { line: range.start.line, character: 0 }, end }, newText: block.map((l) => indent + l).join(eol) };
}

/** Removes whole lines `range.start.line`…`range.end.line` with their line break. */
function removeLines(text: string, lines: LineIndex, range: Range): TextEdit {
  const next = range.end.line + 1;
  if (next < lines.lineCount) return { range: { start: { line: range.start.line, character: 0 }, end: { line: next, character: 0 } }, newText: '' };
  // The last line: take the line break before it instead (when there is one).
  const start = range.start.line > 0 ? { line: range.start.line - 1, character: lineText(text, lines, range.start.line - 1).length } : { line: 0, character: 0 };
  return { range: { start, end: lines.position(text.length) }, newText: '' };
}

/** Inserts `block` lines before line `beforeLine` (appended when it is past the last line). */
function insertLines(text: string, lines: LineIndex, beforeLine: number, block: readonly string[]): TextEdit {
  const eol = eolOf(text);
  if (beforeLine < lines.lineCount) {
    const at = { line: beforeLine, character: 0 };
    return { range: { start: at, end: at }, newText: block.map((l) => l + eol).join('') };
  }
  const end = lines.position(text.length);
  const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
  return { range: { start: end, end }, newText: needsBreak ? eol + block.join(eol) : block.map((l) => l + eol).join('') };
}

function isSignOffOrThread(node: Nodes): boolean {
  return node.type === 'html' && (SIGN_OFF_OPENER.test(node.value) || node.value.startsWith(THREAD_OPENER));
}

/**
 * The line a new stamp for `cover` goes before: after the top-level block that holds the entry
 * (the `Covers:` paragraph, or its list), after the stamps and comment threads already there.
 */
function stampLine(text: string, cover: CoverEntry): number {
  const root = parseMarkdown(text);
  const children = root.children as Nodes[];
  const line = cover.range.start.line;
  let i = children.findIndex((node) => node.position !== undefined && node.position.start.line - 1 <= line && line <= node.position.end.line - 1);
  if (i < 0) return line + 1;
  while (i + 1 < children.length && isSignOffOrThread(children[i + 1] as Nodes)) i++;
  // mdast lines are 1-based: the block's last line, as a 0-based number, plus one.
  return children[i]?.position?.end.line ?? line + 1;
}

/**
 * Marks `cover` (an entry of `doc`, whose current text is `text`) reviewed with `stamp`: rewrites
 * its stamp in place (and drops older duplicates for the same entry), or adds one below the declaration.
 */
export function markReviewedEdits(text: string, doc: DocModel, cover: CoverEntry, stamp: StampData): TextEdit[] {
  if (stamp.id !== cover.id) throw new Error(`the stamp is for ${stamp.id}, the entry covers ${cover.id}`);
  const lines = new LineIndex(text);
  const line = serializeStamp(stamp);
  const [first, ...duplicates] = stampsFor(doc, cover.sectionIndex, cover.id);
  if (!first) return [insertLines(text, lines, stampLine(text, cover), [line])];
  return [replaceBlock(text, lines, first.range, [line]), ...duplicates.map((d) => removeLines(text, lines, d.range))];
}

/** Removes a stamp (its line and line break). */
export function removeStampEdit(text: string, stamp: ReviewStamp): TextEdit {
  return removeLines(text, new LineIndex(text), stamp.range);
}

/**
 * Records `approval` in `doc` (current text `text`): rewrites the person's earlier approval in place
 * (dropping older duplicates), or adds it after the approvals already at the top, else right after
 * the frontmatter, else on the first line.
 */
export function approveEdits(text: string, doc: DocModel, approval: ApprovalData): TextEdit[] {
  const lines = new LineIndex(text);
  const block = serializeApprovalLines(approval);
  const [first, ...duplicates] = doc.approvals.filter((a) => samePerson(a.person, approval.person));
  if (first) return [replaceBlock(text, lines, first.range, block), ...duplicates.map((d) => removeLines(text, lines, d.range))];
  return [insertLines(text, lines, approvalLine(text, doc), block)];
}

/** Removes an approval block with its line break. */
export function removeApprovalEdit(text: string, approval: Approval): TextEdit {
  return removeLines(text, new LineIndex(text), approval.range);
}

function approvalLine(text: string, doc: DocModel): number {
  const frontmatter = locateFrontmatter(text);
  let line = frontmatter?.closed ? frontmatter.closeLine + 1 : 0;
  // Approvals stack at the top in the order they were given.
  const top = [...doc.approvals].sort((a, b) => a.range.start.line - b.range.start.line);
  for (const approval of top) if (approval.range.start.line === line) line = approval.range.end.line + 1;
  return line;
}
