import { strict as assert } from 'node:assert';
import {
  createIdMatcher,
  headingLinesNamed,
  highestNumber,
  idPrefixOf,
  numberCommitments,
  resolveConfig,
  saveIdPrefix,
  type Numbering,
  type NumberingResult,
  type NumberingScope,
  type TextEdit,
} from '../../src/core/api';
import { applyEdit, md, mustParse, prfaq } from './helpers';
import { pick, seededRandom } from './random';

const ids = createIdMatcher();

function applyAll(text: string, edits: readonly TextEdit[]): string {
  // Edits are in document order and never overlap: apply from the end.
  return [...edits].reverse().reduce((acc, edit) => applyEdit(acc, edit), text);
}

function ok(result: NumberingResult): Numbering {
  if ('problem' in result) throw new Error(result.problem);
  return result;
}

function numbered(text: string, scope: NumberingScope, prefix = 'CHK', options: { usedIds?: string[]; matcher?: typeof ids } = {}) {
  const result = ok(numberCommitments(text, { prefix, ids: options.matcher ?? ids, scope, ...(options.usedIds ? { usedIds: options.usedIds } : {}) }));
  return { ...result, text: applyAll(text, result.edits) };
}

function under(text: string, heading: string): NumberingScope {
  return { kind: 'under', headingLines: headingLinesNamed(text, heading) };
}

const COMMITMENTS = prfaq(md`
  # Checkout

  ## Press release

  - Not a commitment: outside the chosen heading.

  ## Commitments

  - Buy with one click from any product page.
  - Cancel free for 30 minutes.
    - a nested detail stays as it is
  1. Refunds reach the card
     within 24 hours. Today it takes 4 days.

  > - A quoted list item stays as it is.

  \`\`\`markdown
  - CHK-40 a template in code
  \`\`\`

  ## FAQ

  - Also outside.
`);

describe('numbering commitments', () => {
  it('numbers the top-level list items under a heading, in order, and reports each ID with its line', () => {
    const result = numbered(COMMITMENTS, under(COMMITMENTS, 'Commitments'));
    // The code block's CHK-40 is the highest number in the document: numbering continues after it.
    assert.deepEqual(result.assigned.map((a) => `${a.id}@${a.line + 1} ${a.title}`), [
      'CHK-41@16 Buy with one click from any product page.',
      'CHK-42@17 Cancel free for 30 minutes.',
      'CHK-43@19 Refunds reach the card within 24 hours.',
    ]);
    assert.match(result.text, /^- CHK-41 Buy with one click/m);
    assert.match(result.text, /^1\. CHK-43 Refunds reach the card\n {3}within 24 hours\./m);
    assert.match(result.text, /^ {2}- a nested detail stays as it is$/m);
    assert.match(result.text, /^> - A quoted list item stays as it is\.$/m);
    assert.match(result.text, /^- Not a commitment/m);
    const doc = mustParse(result.text);
    assert.deepEqual(doc.requirements.map((r) => `${r.id} ${r.title}`), [
      'CHK-41 Buy with one click from any product page.',
      'CHK-42 Cancel free for 30 minutes.',
      'CHK-43 Refunds reach the card within 24 hours.',
    ]);
  });

  it('numbers headings under a heading as "ID: title", and list items and headings mixed', () => {
    const text = prfaq(md`
      # Checkout

      ## Commitments

      ### Buy with one click

      From any product page.

      ### Payments

      - Refunds within 24 hours.
      - Works with two saved addresses.

      ## FAQ
    `);
    const result = numbered(text, under(text, '## Commitments'), 'PAY');
    assert.deepEqual(result.assigned.map((a) => `${a.id} ${a.form} ${a.title}`), [
      'PAY-1 heading Buy with one click',
      'PAY-2 heading Payments',
      'PAY-3 list-item Refunds within 24 hours.',
      'PAY-4 list-item Works with two saved addresses.',
    ]);
    assert.match(result.text, /^### PAY-1: Buy with one click$/m);
    assert.match(result.text, /^- PAY-4 Works with two saved addresses\.$/m);
    assert.deepEqual(mustParse(result.text).requirements.map((r) => `${r.id}:${r.form}`), ['PAY-1:heading', 'PAY-2:heading', 'PAY-3:list-item', 'PAY-4:list-item']);
  });

  it('skips items that already carry an ID (bare, bold, backticks, OpenFastTrace) and continues after the highest number', () => {
    const text = prfaq(md`
      ## Commitments

      - **CHK-3** Refunds.
      - \`CHK-5\` Addresses.
      - CHK-2 Opt-in.
      - Order history marks one-click orders.

      ### Fraud screening
      \`feat~fraud~1\`

      ### CHK-7: Accessible

      ### Gift wrapping

      <!--
      - CHK-9 Parked: its number is never reused.
      -->
    `);
    const result = numbered(text, under(text, 'Commitments'));
    assert.equal(result.alreadyNumbered, 5);
    assert.deepEqual(result.assigned.map((a) => a.id), ['CHK-10', 'CHK-11']);
    assert.match(result.text, /^- CHK-10 Order history/m);
    assert.match(result.text, /^### CHK-11: Gift wrapping$/m);
    // Run again: nothing left to number.
    const again = numbered(result.text, under(result.text, 'Commitments'));
    assert.deepEqual([again.edits, again.assigned, again.alreadyNumbered], [[], [], 7]);
  });

  it('continues after the highest number the workspace already uses with the prefix', () => {
    const text = prfaq('## Commitments\n\n- One.\n');
    assert.deepEqual(numbered(text, under(text, 'Commitments'), 'CHK', { usedIds: ['CHK-12', 'OTHER-99', 'XCHK-50'] }).assigned.map((a) => a.id), ['CHK-13']);
    assert.equal(highestNumber('CHK', 'XCHK-50 CHK-7a chk-9 CHK-3 CHK-12x'), 3);
  });

  it('numbers the selection: headings and top-level items whose first line is in it', () => {
    const text = md`
      # Plan

      - One.
      - Two.
      ## Three
      - Four.
    `;
    const result = numbered(text, { kind: 'lines', from: 3, to: 4 }, 'P');
    assert.deepEqual(result.assigned.map((a) => `${a.id}@${a.line}`), ['P-1@3', 'P-2@4']);
    assert.equal(result.text, '# Plan\n\n- One.\n- P-1 Two.\n## P-2: Three\n- Four.\n');
  });

  it('without a heading numbers every top-level list item of the document, not its headings', () => {
    const text = '# Plan\n\n- One.\n\n## Part\n\n* Two.\n  * nested\n\n- [ ] Three, a task.\n';
    const result = numbered(text, { kind: 'document' }, 'P');
    assert.equal(result.text, '# Plan\n\n- P-1 One.\n\n## Part\n\n* P-2 Two.\n  * nested\n\n- [ ] P-3 Three, a task.\n');
    assert.deepEqual(mustParse(`---\ntype: prfaq\n---\n${result.text}`).requirements.map((r) => r.id), ['P-1', 'P-2', 'P-3']);
  });

  it('keeps CRLF line endings and every character of the text', () => {
    const text = '---\r\ntype: prfaq\r\n---\r\n## Commitments\r\n\r\n- One\r\n  continued.\r\n- Two.\r\n';
    const result = numbered(text, under(text, 'Commitments'));
    assert.equal(result.text, '---\r\ntype: prfaq\r\n---\r\n## Commitments\r\n\r\n- CHK-1 One\r\n  continued.\r\n- CHK-2 Two.\r\n');
    assert.deepEqual(result.assigned.map((a) => `${a.id}@${a.line} ${a.title}`), ['CHK-1@5 One continued.', 'CHK-2@7 Two.']);
  });

  it('numbers with a prefix of Unicode letters when the ID pattern allows them', () => {
    const cyrillic = createIdMatcher(resolveConfig({ idPattern: '[A-ZА-ЯЁ][A-ZА-ЯЁ0-9]*-[0-9]+' }).idPattern);
    const text = '---\ntype: prfaq\n---\n## Обязательства\n\n- Оплата в один клик.\n- ЧЕК-4 Возврат.\n';
    const result = numbered(text, under(text, 'обязательства'), 'ЧЕК', { matcher: cyrillic });
    assert.equal(result.text, '---\ntype: prfaq\n---\n## Обязательства\n\n- ЧЕК-5 Оплата в один клик.\n- ЧЕК-4 Возврат.\n');
    assert.deepEqual(mustParse(result.text, 'doc.md', resolveConfig({ idPattern: cyrillic.pattern })).requirements.map((r) => r.id), ['ЧЕК-5', 'ЧЕК-4']);
  });

  it('refuses a prefix the ID pattern does not accept, a design doc, and an unclosed frontmatter, with one line each', () => {
    const problem = (text: string, prefix: string) => {
      const result = numberCommitments(text, { prefix, ids, scope: { kind: 'document' } });
      return 'problem' in result ? result.problem : '';
    };
    assert.match(problem('- a\n', 'chk'), /^IDs like "chk-1" do not match the ID pattern/);
    assert.match(problem('- a\n', 'ЧЕК'), /^IDs like "ЧЕК-1" do not match/);
    assert.match(problem('- a\n', 'C K'), /one word without spaces/);
    assert.match(problem('---\ntype: design\n---\n- a\n', 'CHK'), /design doc/);
    assert.match(problem('---\ntype: prfaq\n- a\n', 'CHK'), /not closed/);
    for (const p of [problem('- a\n', 'chk'), problem('---\ntype: design\n---\n- a\n', 'CHK')]) assert.equal(p.split('\n').length, 1);
  });

  it('finds headings by name: any case, # marks and spaces ignored', () => {
    const text = '# A\n## Commitments\n### commitments\n## Other\n';
    assert.deepEqual(headingLinesNamed(text, 'COMMITMENTS'), [1, 2]);
    assert.deepEqual(headingLinesNamed(text, '## Commitments '), [1, 2]);
    assert.deepEqual(headingLinesNamed(text, 'missing'), []);
  });

  it('never loses a character and defines every numbered item (seeded random documents)', () => {
    const random = seededRandom(1306);
    const pieces = ['- Item text.', '* Star item', '1. Ordered item', '- **Bold** start', '- [x] Done task', '- `code` start', '### A heading', '#### Deeper heading', 'Plain paragraph.', '  - nested under the item above', '> - quoted', '- CHK-2 Numbered', '<!-- - CHK-30 parked -->'];
    for (let trial = 0; trial < 60; trial++) {
      const body = Array.from({ length: 3 + Math.floor(random() * 8) }, () => pick(random, pieces));
      const eol = random() < 0.3 ? '\r\n' : '\n';
      const text = ['---', 'type: prfaq', '---', '## Commitments', '', ...body.flatMap((line) => [line, '']), '## After', '', '- stays'].join(eol);
      const result = numbered(text, under(text, 'Commitments'));
      const inserted = result.assigned.map((a) => a.id);
      // Removing what was inserted gives the original text back.
      let restored = result.text;
      for (const id of inserted) restored = restored.replace(new RegExp(`${id}:? `), '');
      assert.equal(restored, text, `trial ${trial}`);
      const defined = new Set(mustParse(result.text).requirements.map((r) => r.id));
      for (const id of inserted) assert.ok(defined.has(id), `trial ${trial}: ${id} is defined`);
      assert.equal(new Set(inserted).size, inserted.length);
      const first = highestNumber('CHK', text) + 1;
      assert.deepEqual(inserted, inserted.map((_id, i) => `CHK-${first + i}`), 'consecutive, after every number the text already has');
      assert.match(result.text, /- stays$/);
    }
  });
});

describe('the document\'s ID prefix in its frontmatter', () => {
  it('reads idPrefix, and saves it before the closing fence without touching anything else', () => {
    assert.equal(idPrefixOf('---\ntype: prfaq\nidPrefix: CHK\n---\n'), 'CHK');
    assert.equal(idPrefixOf('---\nidPrefix: ""\n---\n'), undefined);
    assert.equal(idPrefixOf('# no frontmatter\n'), undefined);
    const text = '---\r\ntype: prfaq\r\ntitle: "X" # kept\r\n---\r\n# X\r\n';
    const saved = saveIdPrefix(text, 'ЧЕК');
    assert.ok('edits' in saved);
    assert.equal(applyAll(text, saved.edits), '---\r\ntype: prfaq\r\ntitle: "X" # kept\r\nidPrefix: "ЧЕК"\r\n---\r\n# X\r\n');
    assert.equal(idPrefixOf(applyAll(text, saved.edits)), 'ЧЕК');
  });

  it('opens a frontmatter block after a byte-order mark when there is none, and refuses a broken one', () => {
    const saved = saveIdPrefix('\uFEFF# Plan\n', 'P');
    assert.ok('edits' in saved);
    assert.equal(applyAll('\uFEFF# Plan\n', saved.edits), '\uFEFF---\nidPrefix: "P"\n---\n# Plan\n');
    const broken = saveIdPrefix('---\ntype: [prfaq\n---\n', 'P');
    assert.ok('problem' in broken && /cannot be edited safely/.test(broken.problem));
    const other = saveIdPrefix('---js\n{}\n---\n', 'P');
    assert.ok('problem' in other);
  });
});

describe('numbering a file with a byte-order mark', () => {
  it('inserts at the right characters (remark counts offsets without the mark)', () => {
    for (const text of ['\uFEFF- One.\n- Two.\n', '\uFEFF---\ntype: prfaq\n---\n# T\n\n- One.\n']) {
      const result = numbered(text, { kind: 'document' }, 'P');
      assert.equal(result.text, text.replace('- One.', '- P-1 One.').replace('- Two.', '- P-2 Two.'));
    }
    assert.deepEqual(headingLinesNamed('\uFEFF# Commitments\n', 'Commitments'), [0]);
    const underHeading = numbered('\uFEFF## C\n- a\n', { kind: 'under', headingLines: [0] }, 'P');
    assert.equal(underHeading.text, '\uFEFF## C\n- P-1 a\n');
  });
});
