import { strict as assert } from 'node:assert';
import {
  assignedOwners,
  assignSectionEdit,
  createIdMatcher,
  deleteThreadEdit,
  insertThreadEdit,
  placeThread,
  prefixedThreadLines,
  RefusedEdit,
  replaceThreadEdit,
  type ThreadData,
} from '../../src/core/api';
import { renameEdits } from '../../src/core/language';
import { commentFindings, EOLS, LAYOUTS, lineOf, parseBody, threadData, withEol, type Eol } from './commentFixtures';
import { applyEdit, indexFiles, OWNERS } from './helpers';
import { applyEdits } from './language/support';
import { pick, seededRandom } from './random';

/**
 * Seeded property tests: thread, owner and rename edits on random documents built from the
 * layouts that used to lose comments (indented list paragraphs, tabs, HTML blocks, block
 * quotes, CR-only and CRLF line endings, no final newline, a code fence never closed). Every
 * written thread reads back as written, nothing outside it changes, and deleting (or undoing)
 * gives back the original bytes.
 */

const FRONTMATTER = `---\ntype: design\ntitle: Design\n${OWNERS}\nprfaq: prfaq.md\n---\n`;
const UNCLOSED = '```js\nnever closed';
const BODIES = ['Why 24?', 'Line one.\n\nLine three after a blank line.', 'Ship it --> now, and `a --\\> b`.', '', '  indented\n\n\n  --!> end', '@x at 2026-01-01T00:00Z:\nnot a header', 'ünïcödé 😀\u2028kept'];
const AUTHORS = ['@priya', 'Priya Raman <priya@example.com>', '-->', '# heading-like', 'x at 2026-01-01T00:00Z:'];

interface Sample {
  readonly text: string;
  readonly eol: Eol;
  /** First line of a code fence that is never closed (everything from there on is code). */
  readonly unclosedFrom?: number;
}

function sample(random: () => number): Sample {
  const names = Object.keys(LAYOUTS).sort(() => random() - 0.5);
  const chosen = names.slice(0, 2 + Math.floor(random() * 5));
  let body = chosen.map((name) => LAYOUTS[name] as string).reduce((acc, piece) => (acc === '' ? piece : `${acc}${random() < 0.15 ? '\n' : '\n\n'}${piece}`), '');
  const unclosed = random() < 0.1;
  if (unclosed) body += `\n\n${UNCLOSED}`;
  const eol = pick(random, EOLS);
  // CR-only frontmatter is not read as YAML (see commentFixtures): those documents go without.
  const frontmatter = eol !== '\r' && random() < 0.5 ? FRONTMATTER : '';
  const finalBreak = random() < 0.5 ? '\n' : '';
  const text = withEol(`${frontmatter}${body}${finalBreak}`, eol);
  return { text, eol, ...(unclosed ? { unclosedFrom: lineOf(text, withEol(UNCLOSED, eol)) } : {}) };
}

function lineCount(text: string): number {
  return text.split(/\r\n|\n|\r/).length;
}

function threadsOf(text: string): ThreadData[] {
  return parseBody(text).threads.map(threadData);
}

function withoutId(threads: readonly ThreadData[], id: string): ThreadData[] {
  return threads.filter((t) => t.id !== id);
}

function sorted(values: readonly string[]): string[] {
  return [...values].map((v) => v.replace(/@\d+$/, '')).sort();
}

/** Only `eol` ends lines in `text` (the edit kept the document's line endings). */
function assertLineEndings(text: string, eol: Eol, what: string): void {
  const others = { '\n': /\r/, '\r\n': /\r(?!\n)|(?<!\r)\n/, '\r': /\n/ }[eol];
  assert.ok(!others.test(text), `${what}: line endings kept (${JSON.stringify(eol)})`);
}

describe('seeded property tests: thread, owner and rename edits on hostile layouts', function () {
  this.timeout(300_000);

  it('a new thread reads back as written, changes nothing else, and deleting it restores the bytes', () => {
    const random = seededRandom(2026_10);
    let written = 0;
    let refused = 0;
    for (let n = 0; n < 160; n++) {
      const { text, eol, unclosedFrom } = sample(random);
      const before = parseBody(text);
      const beforeThreads = before.threads.map(threadData);
      const beforeFindings = sorted(commentFindings(before));
      for (let k = 0; k < 3; k++) {
        const line = Math.floor(random() * lineCount(text));
        const thread: ThreadData = {
          id: `t-new${n}x${k}`,
          status: 'open',
          comments: [{ author: pick(random, AUTHORS), time: '2026-11-26T09:00:00Z', body: pick(random, BODIES) }],
        };
        let change;
        let placement;
        try {
          placement = placeThread(text, line);
          change = insertThreadEdit(text, placement, thread);
        } catch (error) {
          assert.ok(error instanceof RefusedEdit, String(error));
          assert.ok(unclosedFrom !== undefined && line >= unclosedFrom, `refused on line ${line + 1} of ${JSON.stringify(text)}: ${error.message}`);
          refused++;
          continue;
        }
        const context = `line ${line + 1} of ${JSON.stringify(text)}`;
        // A pure insertion of the thread's lines (and at most one empty separator line before them).
        assert.deepEqual(change.range.start, change.range.end, context);
        const inserted = change.newText.split(/\r\n|\n|\r/).filter((l, i, all) => !(i === all.length - 1 && l === '') && !(i === 0 && l === ''));
        const expected = prefixedThreadLines(thread, placement.indent);
        assert.deepEqual(inserted.slice(-expected.length), expected, context);
        assert.ok(inserted.length - expected.length <= 1 && inserted.slice(0, -expected.length).every((l) => l.trim() === placement.indent.trim()), context);
        const after = applyEdit(text, change);
        assertLineEndings(after, eol, context);
        const afterDoc = parseBody(after);
        const afterThreads = afterDoc.threads.map(threadData);
        assert.deepEqual(withoutId(afterThreads, thread.id), beforeThreads, `${context}: the other threads are unchanged`);
        assert.deepEqual(afterThreads.filter((t) => t.id === thread.id), [{ ...thread, comments: thread.comments.map((c) => ({ ...c, body: c.body.replace(/\r\n|\r/g, '\n') })) }], `${context}: the thread reads back`);
        assert.deepEqual(sorted(commentFindings(afterDoc)), beforeFindings, `${context}: no thread or owner finding appears or goes`);
        assert.equal(applyEdit(after, deleteThreadEdit(after, thread)), text, `${context}: delete restores the bytes`);

        // Reply (blank lines, `-->`), then undo the reply by rewriting the original; resolve and reopen.
        const reply: ThreadData = { ...thread, comments: [...thread.comments, { author: pick(random, AUTHORS), time: '2026-11-26T10:00:00Z', body: pick(random, BODIES) }] };
        const replied = applyEdit(after, replaceThreadEdit(after, thread, reply));
        assertLineEndings(replied, eol, context);
        assert.deepEqual(threadsOf(replied).find((t) => t.id === thread.id)?.comments.length, 2, `${context}: the reply reads back`);
        assert.deepEqual(withoutId(threadsOf(replied), thread.id), beforeThreads, context);
        assert.equal(applyEdit(replied, replaceThreadEdit(replied, reply, thread)), after, `${context}: rewriting the original restores the bytes`);
        assert.equal(applyEdit(replied, deleteThreadEdit(replied, reply)), text, `${context}: deleting the replied thread restores the bytes`);
        const resolved = applyEdit(after, replaceThreadEdit(after, thread, { ...thread, status: 'resolved' }));
        assert.equal(threadsOf(resolved).find((t) => t.id === thread.id)?.status, 'resolved', context);
        assert.equal(applyEdit(resolved, replaceThreadEdit(resolved, thread, thread)), after, context);
        written++;
      }
      // The threads already in the layouts take a reply (blank line included) and give it back.
      for (const existing of before.threads) {
        if (before.threads.filter((t) => t.id === existing.id).length > 1) continue;
        const reply: ThreadData = { ...threadData(existing), comments: [...existing.comments, { author: '@marco', time: '2026-11-27T08:00:00Z', body: 'a\n\nb' }] };
        const replied = applyEdit(text, replaceThreadEdit(text, existing, reply));
        assert.deepEqual(threadsOf(replied).find((t) => t.id === existing.id), reply, `reply to ${existing.id} in ${JSON.stringify(text)}`);
        assert.equal(applyEdit(replied, replaceThreadEdit(replied, existing, threadData(existing))), text);
        assert.equal(applyEdit(replied, deleteThreadEdit(replied, existing)), applyEdit(text, deleteThreadEdit(text, existing)));
      }
    }
    assert.ok(written > 400, `${written} threads written`);
    assert.ok(refused < written / 5, `${refused} refused`);
  });

  it('assigning section owners reads back exactly, and clearing them restores the bytes', () => {
    const random = seededRandom(2026_11);
    const names = ['@ana', '--->', 'Dave Lee <dave@example.com>', 'a, b', 'x\u2028y', '@sofia'];
    let assigned = 0;
    for (let n = 0; n < 200; n++) {
      const { text, eol } = sample(random);
      const doc = parseBody(text);
      doc.sections.forEach((section, sectionIndex) => {
        const people = [pick(random, names), pick(random, names)];
        const context = `section "${section.heading}" of ${JSON.stringify(text)}`;
        const edit = assignSectionEdit(doc, text, sectionIndex, people, 'add');
        const expected = assignedOwners(section.owners, people, 'add');
        if (!edit) {
          assert.deepEqual(expected, section.owners, context);
          return;
        }
        const after = applyEdit(text, edit);
        assertLineEndings(after, eol, context);
        const afterDoc = parseBody(after);
        assert.deepEqual(afterDoc.sections[sectionIndex]?.owners, expected, `${context}: the owners read back`);
        assert.deepEqual(afterDoc.sections.map((s) => s.heading), doc.sections.map((s) => s.heading), `${context}: no section changes`);
        assert.deepEqual(afterDoc.threads.map(threadData), doc.threads.map(threadData), `${context}: the threads are unchanged`);
        assert.deepEqual(sorted(commentFindings(afterDoc)), sorted(commentFindings(doc)), `${context}: no owner finding appears`);
        // Undo: clear (when there was no owner comment), or write the old owners back.
        const back = section.owners.length === 0 ? assignSectionEdit(afterDoc, after, sectionIndex, [], 'clear') : assignSectionEdit(afterDoc, after, sectionIndex, section.owners, 'replace');
        assert.ok(back, context);
        assert.equal(applyEdit(after, back), text, `${context}: undone, the bytes are the original`);
        assigned++;
      });
    }
    assert.ok(assigned > 100, `${assigned} sections assigned`);
  });

  it('renaming an ID there and back restores every byte and leaves the threads as they were', async () => {
    const random = seededRandom(2026_12);
    const ids = createIdMatcher();
    const prfaq = `---\ntype: prfaq\ntitle: Checkout\n${OWNERS}\n---\n## Commitments\n\n- CHK-3 Refunds reach the card.\n`;
    // Documents without frontmatter (the CR-only ones among them) are design docs by their path.
    const config = { designGlobs: ['design/**'] };
    const rename = async (design: string, prfaqText: string, from: string, to: string) => {
      const index = await indexFiles({ 'prfaq/prfaq.md': prfaqText, 'design/doc.md': design }, config);
      const result = renameEdits(index, from, to, ids, { textOf: (u) => (u.endsWith('design/doc.md') ? design : u.endsWith('prfaq.md') ? prfaqText : undefined) });
      assert.ok(!('error' in result), 'error' in result ? result.error : '');
      return applyEdits(design, Object.entries(result.edits).find(([u]) => u.endsWith('design/doc.md'))?.[1] ?? []);
    };
    for (let n = 0; n < 40; n++) {
      const { text: body, eol, unclosedFrom } = sample(random);
      // An unclosed fence would make the Covers: line code.
      if (unclosedFrom !== undefined) continue;
      const design = withEol(`${body.replace(/[\r\n]+$/, '')}\n\n## Covering\nCovers: CHK-3\n`, eol);
      const context = JSON.stringify(design);
      const renamed = await rename(design, prfaq, 'CHK-3', 'CHK-30');
      assert.match(renamed, /Covers: CHK-30/, context);
      assertLineEndings(renamed, eol, context);
      assert.deepEqual(threadsOf(renamed), threadsOf(design), `${context}: threads are not text, rename leaves them alone`);
      const back = await rename(renamed, prfaq.replace('CHK-3 ', 'CHK-30 '), 'CHK-30', 'CHK-3');
      assert.equal(back, design, `${context}: renamed back, the bytes are the original`);
    }
  });
});
