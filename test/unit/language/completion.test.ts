import { strict as assert } from 'node:assert';
import type { Position } from '../../../src/core/api';
import { completionsFor } from '../../../src/core/language';
import { OWNERS } from '../helpers';
import { CHECKOUT, FILES, mustGet, range, workspace } from './support';

/** A text with `|` marking the cursor: the text without it, and the cursor's position. */
function cursor(marked: string): { text: string; position: Position; lineText: string } {
  const at = marked.indexOf('|');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  const line = before.length - 1;
  return { text, position: { line, character: before[line]?.length ?? 0 }, lineText: text.split('\n')[line] ?? '' };
}

const HEAD = `---\ntype: design\ntitle: New\n${OWNERS}\nprfaq: ../prfaq/checkout.md\n---\n`;

async function complete(path: string, marked: string, withText = true) {
  const { text, position, lineText } = cursor(marked);
  const index = await workspace({ ...FILES, [path]: text });
  return completionsFor(index, mustGet(index, path), position, lineText, withText ? text : undefined);
}

const labels = (items: ReturnType<typeof completionsFor>) => items?.map((i) => i.label);

describe('language: completion', () => {
  it('offers IDs after Covers:, linked PR/FAQ first, uncovered first, listed IDs left out', async () => {
    const items = await complete('design/new.md', `${HEAD}## A\n\nCovers: CHK-1, CH|\n`);
    assert.deepEqual(labels(items), ['CHK-6', 'CHK-2', 'CHK-3', 'feat~fraud-screen~1', 'CHK-8', 'ADDR-1', 'ADDR-2']);
    assert.deepEqual(items?.map((i) => i.sortText), ['00000', '00001', '00002', '00003', '00004', '00005', '00006']);
    const [first, second] = items ?? [];
    assert.deepEqual(
      { ...first, documentation: undefined },
      {
        label: 'CHK-6',
        detail: 'uncovered · Order history marks one-click orders.',
        documentation: undefined,
        sortText: '00000',
        filterText: 'CHK-6 Order history marks one-click orders.',
        insertText: 'CHK-6',
        replaceRange: range(10, 15, 17),
        kind: 'requirement',
        status: 'uncovered',
        linked: true,
        preselect: true,
      },
    );
    assert.equal(
      first?.documentation,
      '**CHK\\-6** · Order history marks one\\-click orders\\.\n\n' +
        'PR/FAQ: [One\\-Click Checkout](file:///ws/prfaq/checkout.md#L20) · PM \\@priya · Eng \\@marco\n\n' +
        '**Status:** uncovered: no design section declares it in `Covers:`',
    );
    assert.equal(second?.detail, 'Cancel within 30 minutes.');
    assert.equal(items?.find((i) => i.label === 'CHK-8')?.detail, 'waived · Gift wrapping.');
    assert.equal(items?.find((i) => i.label === 'ADDR-1')?.linked, false);
  });

  it('leaves out IDs after the cursor on the line too, and adds the space after a bare colon or comma', async () => {
    assert.deepEqual(labels(await complete('design/new.md', `${HEAD}Covers: | CHK-6, CHK-2\n`)), [
      'CHK-1',
      'CHK-3',
      'feat~fraud-screen~1',
      'CHK-8',
      'ADDR-1',
      'ADDR-2',
    ]);
    const [bare] = (await complete('design/new.md', `${HEAD}## A\n**Covers:**|\n`)) ?? [];
    assert.deepEqual([bare?.insertText, bare?.replaceRange], [' CHK-6', range(9, 11, 11)]);
    const [comma] = (await complete('design/new.md', `${HEAD}Covers: CHK-1,|\n`)) ?? [];
    assert.equal(comma?.insertText, ' CHK-6');
  });

  it('offers IDs in a list directly under a lone Covers:, leaving out the other items', async () => {
    const items = await complete('design/new.md', `${HEAD}## B\n\nCovers:\n- CHK-2\n- [CHK-3](../prfaq/checkout.md#chk-3)\n- |\n- CHK-6\n\nText.\n`);
    // CHK-6, listed below the cursor, is covered now: the covered ones come in document order.
    assert.deepEqual(labels(items), ['CHK-1', 'feat~fraud-screen~1', 'CHK-8', 'ADDR-1', 'ADDR-2']);
    assert.deepEqual(items?.[0]?.replaceRange, range(13, 2, 2));
    const partial = await complete('design/new.md', `${HEAD}Covers:\n\n1. fe|\n`);
    assert.deepEqual([partial?.[0]?.insertText, partial?.[0]?.replaceRange], ['CHK-6', range(10, 3, 5)]);
  });

  it('offers a PR/FAQ its own requirements as waived: keys, not yet waived ones, uncovered first', async () => {
    const marked = CHECKOUT.replace('  CHK-8: "Gift', '  CH|\n  CHK-8: "Gift');
    const items = await complete('prfaq/checkout.md', marked);
    assert.deepEqual(labels(items), ['CHK-6', 'CHK-1', 'CHK-2', 'CHK-3', 'feat~fraud-screen~1']);
    assert.deepEqual(items?.[0]?.replaceRange, range(7, 2, 4));
    assert.equal(items?.[0]?.insertText, 'CHK-6');
  });

  it('returns undefined outside those contexts', async () => {
    const none = async (path: string, marked: string) => assert.equal(await complete(path, marked), undefined, marked);
    await none('design/new.md', `${HEAD}## A\nSome text\nCovers: CH|\n`);
    await none('design/new.md', `${HEAD}\`\`\`\nCovers: CH|\n\`\`\`\n`);
    await none('design/new.md', `${HEAD}The Covers: CH|\n`);
    await none('design/new.md', `${HEAD}Covers: CHK-1 (see|\n`);
    await none('design/new.md', `${HEAD}- CH|\n`);
    await none('design/new.md', `${HEAD}Covers: CHK-1\n- CH|\n`);
    await none('design/new.md', `---\ntype: design\nwaived:\n  CH|\n---\n`);
    await none('prfaq/other.md', `---\ntype: prfaq\n---\nCovers: CH|\n`);
    await none('prfaq/checkout.md', CHECKOUT.replace('title: One', 'title: CH|One'));
    await none('prfaq/checkout.md', CHECKOUT.replace('  pm: "@priya"', '  pm: "@priya"\n  CH|'));
  });

  it('without the document text, recognises the inline form only', async () => {
    assert.equal((await complete('design/new.md', `${HEAD}Covers: CHK-1, CH|\n`, false))?.length, 7);
    assert.equal(await complete('design/new.md', `${HEAD}Covers:\n- CH|\n`, false), undefined);
  });

  it('offers each ID once even when it is defined twice', async () => {
    const text = '---\ntype: design\n---\nCovers: \n';
    const twice = await workspace({ 'a.md': '---\ntype: prfaq\n---\n- X-1 One\n', 'b.md': '---\ntype: prfaq\n---\n- X-1 Again\n', 'd.md': text });
    const items = completionsFor(twice, mustGet(twice, 'd.md'), { line: 3, character: 8 }, 'Covers: ', text);
    assert.deepEqual(items?.map((i) => [i.label, i.detail]), [['X-1', 'uncovered · One']]);
  });
});
