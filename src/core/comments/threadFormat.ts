/**
 * Comment threads stored in the markdown file as one HTML comment block each, right after the
 * block (paragraph, list item, heading) they are about. Invisible when rendered, readable and
 * editable as text, reviewable in diffs:
 *
 *   <!-- prfaq-thread t-8f3k2q open
 *   @priya at 2026-11-25T10:00:00.000Z:
 *     Should refunds to gift cards be covered too?
 *
 *     They are 4% of refunds.
 *   @marco at 2026-11-25T10:05:00.000Z:
 *     Yes, adding it.
 *   -->
 *
 * Body lines are indented by two spaces (an empty line is an empty body line), so no body
 * line can be read as a comment header. A body may hold any text: `-->` and `--!>` (which
 * would end the HTML comment) are stored with one more backslash after the dashes, and
 * restored exactly. The whole block may be indented (inside a list item) or quoted (inside a
 * block quote): every line then starts with that prefix, an empty line with the prefix without
 * its trailing spaces (`>` in a quote).
 */

export type ThreadStatus = 'open' | 'resolved';

export interface ThreadComment {
  readonly author: string;
  /** ISO 8601 time, as written. */
  readonly time: string;
  /** Markdown, lines joined with "\n". */
  readonly body: string;
}

export interface ThreadData {
  readonly id: string;
  readonly status: ThreadStatus;
  readonly comments: readonly ThreadComment[];
}

export const THREAD_OPENER = '<!-- prfaq-thread';
const OPEN_LINE = /^<!-- prfaq-thread (t-[A-Za-z0-9_-]{1,64}) (open|resolved)$/;
const HEADER_LINE = /^(\S.*) at (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})):$/;
const CLOSE_LINE = '-->';
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** `-->` and `--!>` would end the comment: add one backslash after the dashes (reversible). */
export function escapeCommentText(text: string): string {
  return text.replace(/--(\\*)(!?)>/g, '--\\$1$2>');
}

export function unescapeCommentText(text: string): string {
  return text.replace(/--\\(\\*)(!?)>/g, '--$1$2>');
}

export type ParsedThread = { readonly ok: true; readonly thread: ThreadData } | { readonly ok: false; readonly problem: string; /** 0-based line within the block. */ readonly line: number };

/**
 * Parses the lines of one block (indentation already removed, no line terminators). Only the
 * canonical form parses, so parse → serialize gives back the same bytes.
 */
export function parseThreadLines(lines: readonly string[]): ParsedThread {
  const open = OPEN_LINE.exec(lines[0] ?? '');
  if (!open) return { ok: false, problem: 'the first line must be "<!-- prfaq-thread t-<id> open|resolved"', line: 0 };
  if (lines[lines.length - 1] !== CLOSE_LINE || lines.length < 2) return { ok: false, problem: 'the block must end with a line "-->"', line: lines.length - 1 };
  const comments: Array<{ author: string; time: string; body: string[] }> = [];
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i] as string;
    const header = HEADER_LINE.exec(line);
    if (header) {
      comments.push({ author: unescapeCommentText(header[1] as string), time: header[2] as string, body: [] });
      continue;
    }
    const current = comments[comments.length - 1];
    if (!current) return { ok: false, problem: 'a comment must start with "<author> at <ISO time>:"', line: i };
    if (line === '') current.body.push('');
    else if (line.startsWith('  ')) current.body.push(unescapeCommentText(line.slice(2)));
    else return { ok: false, problem: 'comment text lines must be indented by two spaces', line: i };
  }
  if (comments.length === 0) return { ok: false, problem: 'a thread holds at least one comment', line: 1 };
  return {
    ok: true,
    thread: {
      id: open[1] as string,
      status: open[2] as ThreadStatus,
      comments: comments.map((c) => ({ author: c.author, time: c.time, body: c.body.join('\n') })),
    },
  };
}

/** Line breaks a header line cannot hold: `.` in HEADER_LINE stops at them, so they would not read back. */
const AUTHOR_BREAK = /[\r\n\u2028\u2029]/;

/**
 * An author as the editor writes it: control characters and line breaks (U+2028, U+2029, NEL
 * included) become spaces, then surrounding spaces go. Undefined when nothing is left.
 */
export function threadAuthor(name: string): string | undefined {
  const author = name.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  return author === '' ? undefined : author;
}

/** Why a thread cannot be written in the canonical form, or undefined. */
export function threadProblem(thread: ThreadData): string | undefined {
  if (!/^t-[A-Za-z0-9_-]{1,64}$/.test(thread.id)) return `invalid thread id "${thread.id}"`;
  if (thread.comments.length === 0) return 'a thread holds at least one comment';
  for (const comment of thread.comments) {
    if (!/^\S/.test(comment.author) || AUTHOR_BREAK.test(comment.author)) return 'an author is one line of text (no line breaks, U+2028 or U+2029), not starting with a space';
    if (!ISO_TIME.test(comment.time)) return `"${comment.time}" is not an ISO 8601 time`;
  }
  return undefined;
}

/** The block's lines (no indentation, no terminators). Throws on a thread `threadProblem` rejects. */
export function serializeThreadLines(thread: ThreadData): string[] {
  const problem = threadProblem(thread);
  if (problem) throw new Error(problem);
  const lines = [`${THREAD_OPENER} ${thread.id} ${thread.status}`];
  for (const comment of thread.comments) {
    lines.push(`${escapeCommentText(comment.author)} at ${comment.time}:`);
    for (const line of comment.body.split(/\r\n|\n|\r/)) lines.push(line === '' ? '' : `  ${escapeCommentText(line)}`);
  }
  lines.push(CLOSE_LINE);
  return lines;
}

/** The block's lines with their prefix: `indent` before each line, `indent` without trailing spaces as an empty line. */
export function prefixedThreadLines(thread: ThreadData, indent = ''): string[] {
  const empty = indent.trimEnd();
  return serializeThreadLines(thread).map((line) => (line === '' ? empty : indent + line));
}

/** The block as text with `indent` before every line (see `prefixedThreadLines`) and `eol` after every line. */
export function serializeThread(thread: ThreadData, indent = '', eol = '\n'): string {
  return prefixedThreadLines(thread, indent)
    .map((line) => line + eol)
    .join('');
}

/** A new thread id: `t-` and 6 base-36 characters from the given random source, none of `taken`. */
export function newThreadId(random: () => number, taken: ReadonlySet<string> = new Set()): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let id = 't-';
    for (let i = 0; i < 6; i++) id += Math.floor(random() * 36).toString(36);
    if (!taken.has(id)) return id;
  }
  throw new Error('no unused thread id found in 1000 tries (is the random source constant?)');
}
