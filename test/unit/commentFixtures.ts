import { createIdMatcher, defaultConfig, LineIndex, parseDocument, type DocModel, type ThreadData } from '../../src/core/api';
import { ROOT } from './helpers';

/**
 * Markdown layouts where comment threads and owner comments used to go wrong: list paragraphs
 * indented four spaces, tabs, HTML blocks, block quotes, indented comments, existing threads.
 * Each is a body fragment with `\n` line breaks; `withEol` gives it other line endings.
 */
export const LAYOUTS: Readonly<Record<string, string>> = {
  paragraph: 'Refunds reach the card\nwithin 24 hours, see CHK-3.',
  heading: '## Refunds',
  ownedHeading: '## Owned\n<!-- owner: @jun -->\n\nOwned text.',
  list: '- CHK-3 first item\n- second item',
  listFourSpaces: '- item one\n\n    second paragraph, indented four spaces\n\n- item two',
  orderedWide: '1.  item one\n\n    second paragraph',
  tabList: '-\titem one\n-\titem two',
  tabContinuation: '- item\n\n\tsecond paragraph after a tab',
  nestedList: '- a\n  - b\n    text of b',
  quote: '> quoted text\n> more',
  quoteList: '> - quoted item\n>   more',
  quoteHeading: '> ## Quoted heading\n> Quoted text.',
  listHeading: '- ## Listed heading\n  Listed text.',
  quoteLazy: '> quoted\nlazy continuation',
  div: '<div>\nhello\n</div>',
  details: '<details>\n<summary>Summary</summary>\n\nInner text.\n\n</details>',
  fence: '```js\nconst x = 1;\n```',
  indentedComment: '  <!-- a note -->',
  table: '| a | b |\n|---|---|\n| 1 | 2 |',
  footnote: 'Text with a note[^1].\n\n[^1]: The note.',
  rule: '***',
  thread: 'Commented.\n<!-- prfaq-thread t-old open\n@ana at 2026-11-25T10:00:00Z:\n  first, about CHK-3\n\n  second --\\> third\n-->',
  indentedThread: 'Before.\n\n <!-- prfaq-thread t-ind open\n @ana at 2026-11-25T10:00:00Z:\n   indented by one space\n -->',
  quotedThread: '> Quoted.\n> <!-- prfaq-thread t-quo resolved\n> @ana at 2026-11-25T10:00:00Z:\n>   one\n>\n>   two\n> -->',
  listThread: '- item\n  <!-- prfaq-thread t-lis open\n  @ana at 2026-11-25T10:00:00Z:\n    about the item\n  -->\n- next item',
};

export type Eol = '\n' | '\r\n' | '\r';
export const EOLS: readonly Eol[] = ['\n', '\r\n', '\r'];

export function withEol(text: string, eol: Eol): string {
  return text.replace(/\r\n|\n|\r/g, eol);
}

/** 0-based line of the first occurrence of `needle`. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not in ${JSON.stringify(text)}`);
  }
  return new LineIndex(text).position(at).line;
}

const ids = createIdMatcher();

/**
 * A body parsed as a design doc by path (no frontmatter needed, so any line ending works:
 * CR-only frontmatter is not YAML the frontmatter reader accepts).
 */
export function parseBody(text: string): DocModel {
  const doc = parseDocument({ uri: `${ROOT}/design/doc.md`, text, kindByPath: 'design' }, { ids, maxFileSize: defaultConfig.maxFileSize });
  if (!doc) throw new Error('not analysed');
  return doc;
}

/** Findings about comment threads and owner comments (a body without frontmatter has others). */
export function commentFindings(doc: DocModel): string[] {
  return doc.findings
    .filter((f) => /comment-thread|section-owner/.test(f.code))
    .map((f) => `${f.code}@${f.range.start.line + 1}`);
}

/** What a thread reads back as, without where it stands. */
export function threadData(thread: ThreadData): ThreadData {
  return { id: thread.id, status: thread.status, comments: thread.comments.map((c) => ({ author: c.author, time: c.time, body: c.body })) };
}

export function newThread(id: string, body: string, author = '@priya'): ThreadData {
  return { id, status: 'open', comments: [{ author, time: '2026-11-26T09:00:00Z', body }] };
}
