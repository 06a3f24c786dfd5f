import { strict as assert } from 'node:assert';
import { addToExistingSection, createSectionFor, designDocsAnswering, markSectionCovering, type CodeAction } from '../../../src/core/language';
import { OWNERS } from '../helpers';
import { applyEdits, mustGet, uri, workspace } from './support';

const PRFAQ = '---\ntype: prfaq\ntitle: Checkout\n---\n- CHK-1 Buy\n- CHK-6 Order history marks one-click orders\n- CHK-7 Seven\n';
const HEAD = `---\ntype: design\ntitle: Design\n${OWNERS}\nprfaq: prfaq.md\n---\n`;

async function setup(body: string) {
  const text = HEAD + body;
  const index = await workspace({ 'prfaq.md': PRFAQ, 'design.md': text });
  const doc = mustGet(index, 'design.md');
  const section = (heading: string) => doc.sections.findIndex((s) => s.heading === heading);
  return { index, doc, text, section };
}

function applied(text: string, action: CodeAction | undefined): string {
  assert.ok(action, 'no action');
  assert.ok(action.edits.every((e) => e.uri === uri('design.md')));
  return applyEdits(text, action.edits);
}

/** Re-indexes an edited design doc and lists the IDs each section covers. */
async function coversAfter(text: string): Promise<Record<string, string[]>> {
  const index = await workspace({ 'prfaq.md': PRFAQ, 'design.md': text });
  const doc = mustGet(index, 'design.md');
  const out: Record<string, string[]> = {};
  for (const c of doc.covers) (out[doc.sections[c.sectionIndex]?.heading ?? '(doc)'] ??= []).push(c.id);
  return out;
}

describe('language: coverage quick fixes', () => {
  it('extends an inline Covers: line after its last ID', async () => {
    const { index, doc, text, section } = await setup('## A\n\nCovers: CHK-1.\n\nMore.\n');
    const action = addToExistingSection(index, doc, section('A'), 'CHK-6', text);
    assert.equal(action?.title, 'Cover CHK-6 in "Design › A"');
    assert.equal(applied(text, action), HEAD + '## A\n\nCovers: CHK-1, CHK-6.\n\nMore.\n');
  });

  it('adds an item after the last one of a Covers: list, with its bullet and indentation', async () => {
    const bullets = await setup('## A\nCovers:\n  * [CHK-1](prfaq.md#chk-1)\n\nText.\n');
    assert.equal(
      applied(bullets.text, markSectionCovering(bullets.doc, bullets.section('A'), 'CHK-6', bullets.text)),
      HEAD + '## A\nCovers:\n  * [CHK-1](prfaq.md#chk-1)\n  * CHK-6\n\nText.\n',
    );
    const numbered = await setup('## A\nCovers:\n1. CHK-1\n2. CHK-7\n');
    const after = applied(numbered.text, markSectionCovering(numbered.doc, numbered.section('A'), 'CHK-6', numbered.text));
    assert.equal(after, HEAD + '## A\nCovers:\n1. CHK-1\n2. CHK-7\n3. CHK-6\n');
    assert.deepEqual(await coversAfter(after), { A: ['CHK-1', 'CHK-7', 'CHK-6'] });
  });

  it('inserts a Covers: paragraph after the heading, or after its owner comment, keeping the text apart', async () => {
    const owned = await setup('## A\n<!-- owner: @bob -->\nText right below.\n\n## B\n');
    const afterOwned = applied(owned.text, markSectionCovering(owned.doc, owned.section('A'), 'CHK-6', owned.text));
    assert.equal(afterOwned, HEAD + '## A\n<!-- owner: @bob -->\n\nCovers: CHK-6\n\nText right below.\n\n## B\n');
    assert.deepEqual(await coversAfter(afterOwned), { A: ['CHK-6'] });

    const spaced = await setup('## A\n\nText.\n');
    assert.equal(applied(spaced.text, markSectionCovering(spaced.doc, spaced.section('A'), 'CHK-6', spaced.text)), HEAD + '## A\n\nCovers: CHK-6\n\nText.\n');

    const parent = await setup('## A\n### A1\nCovers: CHK-1\n');
    const afterParent = applied(parent.text, markSectionCovering(parent.doc, parent.section('A'), 'CHK-6', parent.text));
    assert.equal(afterParent, HEAD + '## A\n\nCovers: CHK-6\n\n### A1\nCovers: CHK-1\n');
    assert.deepEqual(await coversAfter(afterParent), { A: ['CHK-6'], A1: ['CHK-1'] });

    const last = await setup('## A');
    assert.equal(applied(last.text, markSectionCovering(last.doc, last.section('A'), 'CHK-6', last.text)), HEAD + '## A\n\nCovers: CHK-6');
  });

  it('keeps CRLF line breaks', async () => {
    const crlf = `${HEAD}## A\nText.\n`.replace(/\n/g, '\r\n');
    const index = await workspace({ 'prfaq.md': PRFAQ, 'design.md': crlf });
    const doc = mustGet(index, 'design.md');
    assert.equal(applied(crlf, markSectionCovering(doc, 0, 'CHK-6', crlf)), crlf.replace('## A\r\n', '## A\r\n\r\nCovers: CHK-6\r\n\r\n'));
  });

  it('offers nothing when the section already covers the ID, or the ID is unknown', async () => {
    const { index, doc, text, section } = await setup('## A\nCovers: CHK-1\n');
    assert.equal(markSectionCovering(doc, section('A'), 'CHK-1', text), undefined);
    assert.equal(addToExistingSection(index, doc, section('A'), 'CHK-99', text), undefined);
    assert.equal(createSectionFor(index, doc, 'CHK-99', text), undefined);
  });

  it('appends a section named after the requirement, with a snippet form for tab stops', async () => {
    const { index, doc, text } = await setup('## A\nCovers: CHK-1\n');
    const action = createSectionFor(index, doc, 'CHK-6', text);
    assert.equal(action?.title, 'Add a section covering CHK-6 to Design');
    const after = applied(text, action);
    assert.equal(after, HEAD + '## A\nCovers: CHK-1\n\n## Order history marks one-click orders\n\nCovers: CHK-6\n\nTODO: how this design meets CHK-6.\n');
    assert.deepEqual(await coversAfter(after), { A: ['CHK-1'], 'Order history marks one-click orders': ['CHK-6'] });
    assert.equal(action?.edits[0]?.snippet, '\n## ${1:Order history marks one-click orders}\n\nCovers: CHK-6\n\n${2:TODO: how this design meets CHK-6.}\n');

    const unterminated = await setup('## A\nText.');
    assert.equal(applied(unterminated.text, createSectionFor(unterminated.index, unterminated.doc, 'CHK-7', unterminated.text)), HEAD + '## A\nText.\n\n## Seven\n\nCovers: CHK-7\n\nTODO: how this design meets CHK-7.\n');
  });

  it('lists the design docs whose prfaq: names a PR/FAQ', async () => {
    const index = await workspace({
      'prfaq.md': PRFAQ,
      'b.md': `${HEAD}Text.\n`,
      'a.md': `---\ntype: design\nprfaq:\n  - other.md\n  - prfaq.md\n---\n`,
      'c.md': `---\ntype: design\nprfaq: other.md\n---\n`,
    });
    assert.deepEqual(designDocsAnswering(index, uri('prfaq.md')).map((d) => d.uri), [uri('a.md'), uri('b.md')]);
  });
});
