import { strict as assert } from 'node:assert';
import { commentableLines, deleteThreadEdit, insertThreadEdit, placeThread, RefusedEdit, replaceThreadEdit, threadBlockRanges, type ThreadData } from '../../src/core/api';
import { commentFindings, lineOf, newThread, parseBody, threadData, withEol } from './commentFixtures';
import { applyEdit } from './helpers';

/** Adds `thread` about the line holding `marker`; the result, the thread as read back, and the restored text. */
function addAbout(text: string, marker: string, thread: ThreadData = newThread('t-new', 'Why?\n\nReally.')) {
  const after = applyEdit(text, insertThreadEdit(text, placeThread(text, lineOf(text, marker)), thread));
  const doc = parseBody(after);
  const read = doc.threads.find((t) => t.id === thread.id);
  // Deleted as the editor does it: the thread as the model read it.
  return { after, doc, read, restored: read ? applyEdit(after, deleteThreadEdit(after, read)) : undefined };
}

function assertAdded(text: string, marker: string, anchorMarker = marker): string {
  const { after, doc, read, restored } = addAbout(text, marker);
  assert.ok(read, `the new thread reads back in ${JSON.stringify(after)}`);
  assert.deepEqual(threadData(read), newThread('t-new', 'Why?\n\nReally.'));
  assert.deepEqual(commentFindings(doc), [], JSON.stringify(after));
  assert.equal(read.anchor.start.line, lineOf(after, anchorMarker), `the thread is about the block of "${anchorMarker}"`);
  assert.equal(restored, text, 'deleting it restores the bytes');
  return after;
}

describe('comment threads in layouts where they used to vanish', () => {
  it('a list item paragraph indented four spaces: the thread goes in the item, at its content column', () => {
    const text = '- item one\n\n    second paragraph\n\n- item two\n';
    const after = assertAdded(text, 'second paragraph');
    assert.match(after, /\n {4}second paragraph\n {2}<!-- prfaq-thread t-new open\n {2}@priya at [^\n]+\n {4}Why\?\n\n {4}Really\.\n {2}-->\n\n- item two/);
    assertAdded('1.  item one\n\n    second paragraph\n', 'second paragraph');
  });

  it('tabs after the list marker and tab-indented item paragraphs', () => {
    const afterMarker = assertAdded('-\titem one\n-\titem two\n', 'item one');
    // `-` and a tab put the item's content at column 4.
    assert.match(afterMarker, /^-\titem one\n {4}<!-- prfaq-thread t-new open\n/);
    assertAdded('- item\n\n\tsecond paragraph after a tab\n', 'second paragraph');
    assertAdded('- a\n\t- b\n\t  text of b\n', 'text of b', 'b');
  });

  it('right after an HTML block that runs on to a blank line (<div>, <details>)', () => {
    const followed = assertAdded('<div>\nhello\n</div>\n\nText.\n', 'hello', '<div>');
    assert.match(followed, /<\/div>\n\n<!-- prfaq-thread t-new open\n[\s\S]*-->\nText\.\n$/, 'after the blank line that ends the block');
    // At the end of the file (and of a list item) the thread gets an empty line of its own, which delete removes again.
    assertAdded('<div>\nhello\n</div>', 'hello', '<div>');
    assertAdded('<div>\nhello\n</div>\n', 'hello', '<div>');
    assertAdded('<div>\nhello\n</div>\n\n', 'hello', '<div>');
    assertAdded('- <div>\n  hello\n  </div>\n- next\n', 'hello', '<div>');
    assertAdded('> <div>\n> hello\n> </div>\n', 'hello', '<div>');
    assertAdded('<details>\n<summary>Summary</summary>\n\nInner text.\n\n</details>\n', 'Summary', '<details>');
    assertAdded('<details>\n<summary>Summary</summary>\n\nInner text.\n\n</details>\n', 'Inner text');
  });

  it('after a code fence that is never closed: refused with the reason, nothing written', () => {
    const text = 'Text.\n\n```js\nconst x = 1;\n';
    assert.throws(() => placeThread(text, lineOf(text, 'const')), (error: unknown) => error instanceof RefusedEdit && /code block on line 3 is never closed/.test(error.message));
    // Before the fence a thread is fine.
    assertAdded(text, 'Text.');
    const comment = 'Text.\n\n<!-- a note that never ends\nmore\n';
    assert.throws(() => placeThread(comment, lineOf(comment, 'more')), /HTML block on line 3 is never closed \(no -->\)/);
  });

  it('an insertion that would not read back is refused, whatever placement it is given', () => {
    const text = 'Paragraph line one,\nline two.\n\nNext.\n';
    const thread = newThread('t-new', 'x');
    const swallowed = { beforeLine: 1, indent: '    ', anchor: { start: { line: 0, character: 0 }, end: { line: 1, character: 9 } }, separated: false };
    assert.throws(() => insertThreadEdit(text, swallowed, thread), (error: unknown) => error instanceof RefusedEdit && /would not read back \(the block is not read as a thread/.test(error.message));
    const elsewhere = { ...placeThread(text, 0), anchor: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } } };
    assert.throws(() => insertThreadEdit(text, elsewhere, thread), /it would be about line 1, not line 4/);
  });

  it('CR-only line endings', () => {
    for (const body of ['Text.\n\nMore.\n', '- item\n  continued\n', '> quoted\n> more\n', 'First.\nLast line']) {
      const text = withEol(body, '\r');
      const after = assertAdded(text, body.slice(0, 4));
      assert.ok(!after.includes('\n'), 'CR kept');
    }
  });

  it('a thread block indented by one to three spaces is read, and one after an indented HTML comment is written', () => {
    for (const spaces of [' ', '  ', '   ']) {
      const text = `Text.\n\n${spaces}<!-- prfaq-thread t-ind open\n${spaces}@ana at 2026-11-25T10:00:00Z:\n${spaces}  indented\n${spaces}-->\n`;
      const doc = parseBody(text);
      assert.deepEqual(doc.threads.map((t) => [t.id, t.indent, t.comments[0]?.body]), [['t-ind', spaces, 'indented']]);
      const [read] = doc.threads;
      assert.ok(read);
      assert.equal(applyEdit(text, deleteThreadEdit(text, read)), 'Text.\n\n');
    }
    assertAdded('Text.\n\n  <!-- a note -->\n', 'a note');
  });

  it('every thread opener is read as a thread or reported: inside an HTML block, an unclosed fence, a paragraph', () => {
    const block = '<!-- prfaq-thread t-lost open\n@ana at 2026-11-25T10:00:00Z:\n  lost?\n-->';
    const cases: ReadonlyArray<readonly [string, RegExp]> = [
      [`<div>\nhello\n</div>\n${block}\n`, /inside another HTML block that starts on line 1/],
      [`<details>\n<summary>S</summary>\n${block}\n`, /inside another HTML block/],
      [`Text.\n\n\`\`\`js\ncode\n${block}\n`, /inside a code block that is never closed \(its fence on line 3/],
      [`Text.\n    ${block.replace(/\n/g, '\n    ')}\n`, /part of a paragraph/],
    ];
    for (const [text, message] of cases) {
      const doc = parseBody(text);
      assert.deepEqual(doc.threads, [], JSON.stringify(text));
      const found = doc.findings.filter((f) => f.code === 'malformed-comment-thread');
      assert.equal(found.length, 1, JSON.stringify(text));
      assert.match(found[0]?.message ?? '', message);
      assert.equal(found[0]?.range.start.line, lineOf(text, '<!-- prfaq-thread'));
    }
    // In a closed code block it is an example, not a thread.
    assert.deepEqual(commentFindings(parseBody(`\`\`\`markdown\n${block}\n\`\`\`\n`)), []);
  });

  it('a comment on a line of an existing thread goes after that thread, never inside it', () => {
    const text = 'Commented.\n<!-- prfaq-thread t-old open\n@ana at 2026-11-25T10:00:00Z:\n  first\n\n  second\n-->\n\nNext.\n';
    for (const marker of ['<!-- prfaq-thread', '@ana', 'first', '\n\n', 'second', '-->']) {
      const line = marker === '\n\n' ? lineOf(text, 'first') + 1 : lineOf(text, marker);
      const after = applyEdit(text, insertThreadEdit(text, placeThread(text, line), newThread('t-new', 'x')));
      const doc = parseBody(after);
      assert.deepEqual(doc.threads.map((t) => [t.id, t.anchor.start.line]), [['t-old', 0], ['t-new', 0]], `comment on line ${line + 1}`);
      assert.deepEqual(commentFindings(doc), []);
    }
    // The editor does not offer those lines for new comments.
    assert.deepEqual(commentableLines(10, threadBlockRanges(text)), [[0, 0], [7, 9]]);
    assert.deepEqual(commentableLines(3, []), [[0, 2]]);
  });

  it('a reply with an empty line keeps the quote marks of a thread in a block quote', () => {
    const text = '> Quoted.\n> <!-- prfaq-thread t-quo open\n> @ana at 2026-11-25T10:00:00Z:\n>   one\n> -->\n\nAfter.\n';
    const [existing] = parseBody(text).threads;
    assert.ok(existing);
    const reply: ThreadData = { ...threadData(existing), comments: [...existing.comments, { author: '@jun', time: '2026-11-26T09:00:00Z', body: 'two\n\nthree' }] };
    const replied = applyEdit(text, replaceThreadEdit(text, existing, reply));
    assert.equal(replied, '> Quoted.\n> <!-- prfaq-thread t-quo open\n> @ana at 2026-11-25T10:00:00Z:\n>   one\n> @jun at 2026-11-26T09:00:00Z:\n>   two\n>\n>   three\n> -->\n\nAfter.\n');
    assert.deepEqual(parseBody(replied).threads.map(threadData), [reply]);
    // And a new thread in the quote the same way.
    const { read } = addAbout(text, 'Quoted.');
    assert.equal(read?.indent, '> ');
  });

  it('add then delete on a file without a final line break gives back the same bytes', () => {
    for (const text of ['Last paragraph.', '- last item', '> last quote', '## Last heading', 'a\r\nb', 'a\rb']) {
      const { after, restored } = addAbout(text, text.slice(0, 3));
      assert.ok(!/[\r\n]$/.test(after), `no final line break added: ${JSON.stringify(after)}`);
      assert.equal(restored, text);
    }
  });
});
