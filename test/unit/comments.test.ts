import { strict as assert } from 'node:assert';
import {
  deleteThreadEdit,
  escapeCommentText,
  findThread,
  insertThreadEdit,
  newThreadId,
  parseThreadLines,
  placeThread,
  RefusedEdit,
  replaceThreadEdit,
  serializeThread,
  threadAuthor,
  threadProblem,
  unescapeCommentText,
  type ThreadData,
} from '../../src/core/api';
import { applyEdit, design, md, mustParse } from './helpers';
import { seededRandom } from './random';

const wellFormed = [
  md`
    <!-- prfaq-thread t-8f3k2q open
    @priya at 2026-11-25T10:00:00.000Z:
      Should refunds to gift cards be covered too?

      They are 4% of refunds.
    @marco at 2026-11-25T10:05:00Z:
      Yes, adding it.
    -->`,
  md`
    <!-- prfaq-thread t-a resolved
    Priya Raman <priya@example.com> at 2026-01-02T03:04:05+01:00:
      A body with \`code\`, **bold**, a --\\> and a --\\!> and <!-- nested open
      ünïcödé ✓ 😀

    -->`,
  md`
    <!-- prfaq-thread t-empty open
    x at 2026-11-25T10:00Z:

    -->`,
];

describe('comment thread format', () => {
  it('parses and serializes every well-formed block byte for byte', () => {
    for (const block of wellFormed) {
      const parsed = parseThreadLines(block.split('\n'));
      assert.ok(parsed.ok, JSON.stringify(parsed));
      assert.equal(serializeThread(parsed.thread).replace(/\n$/, ''), block);
    }
  });

  it('keeps bodies with -->, --!>, backticks, blank lines, backslashes and unicode exactly', () => {
    const random = seededRandom(42);
    const pieces = ['-->', '--!>', '--\\>', '--\\\\>', '`', '```', '\n', '\n\n', '\\', 'ü', '😀', '<!--', '-', '>', ' ', 'text', '@x at 2026-01-01T00:00Z:', '  indented', '\t'];
    for (let n = 0; n < 500; n++) {
      let body = '';
      for (let k = 0; k < 12; k++) body += pieces[Math.floor(random() * pieces.length)];
      const thread: ThreadData = { id: 't-fuzz', status: 'open', comments: [{ author: '@a', time: '2026-11-25T10:00:00Z', body }, { author: '@b', time: '2026-11-25T10:01:00Z', body: `re: ${body}` }] };
      const text = serializeThread(thread);
      assert.ok(!/-->[\s\S]/.test(text.slice(0, -4)), `the block ends only at its last line: ${JSON.stringify(text)}`);
      const parsed = parseThreadLines(text.replace(/\n$/, '').split('\n'));
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.thread, thread);
    }
    assert.equal(unescapeCommentText(escapeCommentText('a --> b --\\> c --!>')), 'a --> b --\\> c --!>');
  });

  it('reads threads into the model with the block they are about, in a list item too', () => {
    const text = design(
      [
        '## Refunds',
        '',
        'Refunds reach the card within 24 hours.',
        wellFormed[0],
        '',
        '- CHK-3 first item',
        '  <!-- prfaq-thread t-item open',
        '  @jun at 2026-11-25T11:00:00Z:',
        '    Which card network? See CHK-9.',
        '  -->',
        '- second item',
        '',
      ].join('\n'),
    );
    const doc = mustParse(text);
    assert.deepEqual(doc.findings, []);
    assert.deepEqual(doc.threads.map((t) => [t.id, t.status, t.comments.length, t.anchor.start.line, t.range.start.line, t.range.end.line, t.indent]), [
      ['t-8f3k2q', 'open', 2, 10, 11, 18, ''],
      ['t-item', 'open', 1, 20, 21, 24, '  '],
    ]);
    assert.deepEqual(doc.threads[1]?.comments[0], { author: '@jun', time: '2026-11-25T11:00:00Z', body: 'Which card network? See CHK-9.' });
    assert.deepEqual(doc.mentions.map((m) => m.id), ['CHK-3'], 'IDs inside comment threads are not references');
  });

  it('reports a malformed block and leaves it untouched', () => {
    const text = design('## A\nText.\n<!-- prfaq-thread t-bad open\nno header line\n-->\n');
    const doc = mustParse(text);
    assert.deepEqual(doc.threads, []);
    assert.deepEqual(doc.findings.map((f) => [f.code, f.range.start.line]), [['malformed-comment-thread', 10]]);
    assert.match(doc.findings[0]?.message ?? '', /must start with "<author> at <ISO time>:"/);
  });

  it('inserts a new thread after the block a line belongs to, after its owner comment and earlier threads', () => {
    const text = design(md`
      ## Refunds
      <!-- owner: @jun -->

      Refunds reach the card
      within 24 hours.

      - CHK-3 item
      - next
    `);
    const thread: ThreadData = { id: 't-new', status: 'open', comments: [{ author: '@priya', time: '2026-11-25T10:00:00Z', body: 'Why 24?' }] };
    // On the second line of the paragraph: after the paragraph.
    const afterParagraph = applyEdit(text, insertThreadEdit(text, placeThread(text, 12), thread));
    assert.match(afterParagraph, /within 24 hours\.\n<!-- prfaq-thread t-new open\n@priya at 2026-11-25T10:00:00Z:\n {2}Why 24\?\n-->\n\n- CHK-3/);
    // On the heading: after the owner comment, which stays first.
    const afterHeading = applyEdit(text, insertThreadEdit(text, placeThread(text, 8), thread));
    assert.match(afterHeading, /## Refunds\n<!-- owner: @jun -->\n<!-- prfaq-thread t-new open\n/);
    assert.deepEqual(mustParse(afterHeading).sections[0]?.owners, ['@jun']);
    // On a frontmatter line: after the closing fence, never inside the YAML.
    const onFrontmatter = applyEdit(text, insertThreadEdit(text, placeThread(text, 1), thread));
    assert.match(onFrontmatter, /prfaq: prfaq\.md\n---\n<!-- prfaq-thread t-new open\n/);
    assert.deepEqual(mustParse(onFrontmatter).findings, []);
    // On a list item: inside the item, indented to its content.
    const inItem = applyEdit(text, insertThreadEdit(text, placeThread(text, 14), thread));
    assert.match(inItem, /- CHK-3 item\n {2}<!-- prfaq-thread t-new open\n {2}@priya at 2026-11-25T10:00:00Z:\n {4}Why 24\?\n {2}-->\n- next/);
    const reparsed = mustParse(inItem);
    assert.equal(reparsed.threads[0]?.anchor.start.line, 14);
    assert.equal(reparsed.threads[0]?.indent, '  ');
    assert.deepEqual(reparsed.findings, []);
  });

  it('reply, resolve and delete change only that block', () => {
    const other = wellFormed[2] as string;
    const text = design(`## A\nFirst.\n${wellFormed[0]}\n\nSecond.\n${other}\n`);
    const doc = mustParse(text);
    const [first, second] = doc.threads;
    assert.ok(first && second);
    const reply: ThreadData = { ...first, comments: [...first.comments, { author: '@ana', time: '2026-11-26T09:00:00Z', body: 'Agreed.\n\nShip it --> now.' }] };
    const replied = applyEdit(text, replaceThreadEdit(text, first, reply));
    const after = mustParse(replied);
    assert.deepEqual(after.threads[0]?.comments[2], { author: '@ana', time: '2026-11-26T09:00:00Z', body: 'Agreed.\n\nShip it --> now.' });
    assert.ok(replied.endsWith(`Second.\n${other}\n`), 'the other block is untouched');
    assert.ok(replied.startsWith(text.slice(0, text.indexOf('<!-- prfaq-thread'))), 'text before is untouched');

    const resolved = applyEdit(text, replaceThreadEdit(text, first, { ...first, status: 'resolved' }));
    assert.equal(resolved, text.replace('t-8f3k2q open', 't-8f3k2q resolved'));

    const deleted = applyEdit(text, deleteThreadEdit(text, first));
    assert.equal(deleted, text.replace(`${wellFormed[0]}\n`, ''));
  });

  it('keeps CRLF line endings when editing', () => {
    const text = design('## A\r\nFirst.\r\n').replace(/\n/g, '\r\n').replace(/\r\r\n/g, '\r\n');
    const thread: ThreadData = { id: 't-crlf', status: 'open', comments: [{ author: '@a', time: '2026-11-25T10:00:00Z', body: 'one\ntwo' }] };
    const out = applyEdit(text, insertThreadEdit(text, placeThread(text, 9), thread));
    assert.ok(!/[^\r]\n/.test(out), JSON.stringify(out));
    assert.deepEqual(mustParse(out).threads[0]?.comments[0]?.body, 'one\ntwo');
  });

  it('reports thread IDs used twice in a document and refuses to edit either thread', () => {
    const block = (body: string) => `<!-- prfaq-thread t-dup open\n@ana at 2026-11-25T10:00:00Z:\n  ${body}\n-->`;
    // Across chunks too (a top-level ## heading starts a new one).
    const text = design(`## A\nFirst.\n${block('one')}\n\n## B\nSecond.\n${block('two')}\n`);
    const doc = mustParse(text);
    assert.deepEqual(doc.threads.map((t) => [t.id, t.comments[0]?.body]), [['t-dup', 'one'], ['t-dup', 'two']], 'both threads are still read and counted');
    assert.deepEqual(doc.findings.map((f) => [f.code, f.severity, f.range.start.line]), [['duplicate-comment-thread', 'warning', 10], ['duplicate-comment-thread', 'warning', 17]]);
    assert.match(doc.findings[0]?.message ?? '', /t-dup is also the ID of the thread on line 18: the editor changes none/);
    const first = doc.threads[0] as ThreadData;
    const ambiguous = (error: unknown) => error instanceof RefusedEdit && /2 comment threads in this file have the ID t-dup \(lines 11, 18\)/.test(error.message);
    assert.throws(() => replaceThreadEdit(text, first, { ...first, status: 'resolved' }), ambiguous);
    assert.throws(() => deleteThreadEdit(text, first), ambiguous);
    assert.match('error' in findThread(doc, 't-dup') ? (findThread(doc, 't-dup') as { error: string }).error : '', /2 comment threads in this file have the ID t-dup/);
    // A new thread never takes an ID the file already has.
    assert.throws(() => insertThreadEdit(text, placeThread(text, 9), first), /already in the file/);
    // Many copies: each message names a few of the others, not all of them.
    const many = mustParse(design(`## A\nFirst.\n${Array.from({ length: 6 }, (_, i) => block(`copy ${i}`)).join('\n')}\n`));
    assert.equal(many.findings.filter((f) => f.code === 'duplicate-comment-thread').length, 6);
    assert.match(many.findings[0]?.message ?? '', /the threads on lines 15, 19, 23 and 2 more:/);
    const taken = newThreadId(seededRandom(1));
    assert.notEqual(newThreadId(seededRandom(1), new Set([taken])), taken);
  });

  it('rejects or neutralises authors that would not read back (U+2028, U+2029, line breaks, control characters)', () => {
    for (const author of ['@a\u2028b', '@a\u2029b', '@a\nb', '@a\rb']) {
      const thread: ThreadData = { id: 't-x', status: 'open', comments: [{ author, time: '2026-11-25T10:00:00Z', body: 'x' }] };
      assert.match(threadProblem(thread) ?? '', /an author is one line of text/, JSON.stringify(author));
      assert.throws(() => serializeThread(thread));
    }
    assert.equal(threadAuthor('Ana\u2028Lee\u0085\u001b[2J <ana@example.com>\u2029'), 'Ana Lee [2J <ana@example.com>');
    assert.equal(threadAuthor('\u2028\n'), undefined);
    const author = threadAuthor('Ana\u2028Lee') as string;
    const thread: ThreadData = { id: 't-y', status: 'open', comments: [{ author, time: '2026-11-25T10:00:00Z', body: 'x' }] };
    const text = design('## A\nText.\n');
    const after = applyEdit(text, insertThreadEdit(text, placeThread(text, 9), thread));
    assert.deepEqual(mustParse(after).threads[0]?.comments[0]?.author, 'Ana Lee');
  });
});
