import { strict as assert } from 'node:assert';
import { documentLinks, documentSymbols, workspaceSymbols, type DocumentSymbol } from '../../../src/core/language';
import { CHECKOUT, mustGet, range, SERVICE, uri, workspace } from './support';

function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.kind} ${s.name} [${s.range.start.line}-${s.range.end.line}:${s.range.end.character}]${s.detail ? ` (${s.detail})` : ''}`,
    ...outline(s.children, depth + 1),
  ]);
}

describe('language: links and symbols', () => {
  it('links each Covers entry with a definition to it, except entries that are links already', async () => {
    const index = await workspace();
    assert.deepEqual(documentLinks(index, mustGet(index, 'design/service.md')), [
      { range: range(13, 8, 13), target: { uri: uri('prfaq/checkout.md'), range: range(13, 4, 9) }, tooltip: 'CHK-1: Buy with one click (One-Click Checkout)' },
      { range: range(13, 15, 20), target: { uri: uri('prfaq/checkout.md'), range: range(17, 4, 9) }, tooltip: 'CHK-2: Cancel within 30 minutes. (One-Click Checkout)' },
      { range: range(21, 2, 21), target: { uri: uri('prfaq/checkout.md'), range: range(23, 1, 20) }, tooltip: 'feat~fraud-screen~1: Fraud screening (One-Click Checkout)' },
    ]);
    // CHK-12 is defined nowhere: no link.
    assert.deepEqual(documentLinks(index, mustGet(index, 'design/payments.md')).map((l) => l.range), [range(11, 8, 13)]);
  });

  it('finds requirements by ID or title, ID matches first', async () => {
    const index = await workspace();
    const names = (query: string) => workspaceSymbols(index, query).map((s) => s.name);
    assert.deepEqual(names('chk-1'), ['CHK-1 Buy with one click']);
    assert.deepEqual(names('addr'), ['ADDR-1 Save two addresses.', 'ADDR-2 Pick the default address.']);
    // "fraud" is in an ID and in a title; "card" only in titles (substring before subsequence).
    assert.deepEqual(names('fraud'), ['feat~fraud-screen~1 Fraud screening']);
    assert.deepEqual(names('card'), ['CHK-3 Refunds reach the card within 24 hours.']);
    assert.deepEqual(names('CLICK').slice(0, 2), ['CHK-1 Buy with one click', 'CHK-6 Order history marks one-click orders.']);
    // Subsequence matches on IDs: c…1.
    assert.deepEqual(names('c1'), ['CHK-1 Buy with one click', 'feat~fraud-screen~1 Fraud screening']);
    assert.equal(names('').length, 8);
    const [symbol] = workspaceSymbols(index, 'CHK-2');
    assert.deepEqual(symbol, { name: 'CHK-2 Cancel within 30 minutes.', kind: 'requirement', containerName: 'One-Click Checkout', location: { uri: uri('prfaq/checkout.md'), range: range(17, 0, 37) } });
    assert.deepEqual(names('zzz'), []);
    const titles = await workspace({ 'p.md': '---\ntype: prfaq\n---\n- A-1 b-a-r-k\n- A-2 the bark\n' });
    assert.deepEqual(workspaceSymbols(titles, 'bark').map((s) => s.name), ['A-2 the bark', 'A-1 b-a-r-k']);
  });

  it('outlines sections and requirements, nested, each section spanning its content', async () => {
    const index = await workspace();
    assert.deepEqual(outline(documentSymbols(mustGet(index, 'prfaq/checkout.md'), CHECKOUT)), [
      'section One-Click Checkout [9-26:0]',
      '  section Commitments [11-26:0]',
      '    requirement CHK-1 Buy with one click [13-21:0]',
      '      requirement CHK-2 Cancel within 30 minutes. [17-17:37]',
      '      requirement CHK-3 Refunds reach the card within 24 hours. [18-18:47]',
      '      requirement CHK-6 Order history marks one-click orders. [19-19:45]',
      '      requirement CHK-8 Gift wrapping. [20-20:22]',
      '    requirement feat~fraud-screen~1 Fraud screening [22-26:0]',
    ]);
    assert.deepEqual(outline(documentSymbols(mustGet(index, 'design/service.md'), SERVICE)), [
      'section Checkout Service [8-24:0]',
      '  section Order placement [10-16:0] (covers CHK-1, CHK-2 · owner @bob)',
      '  section Fraud and refunds [17-24:0] (covers CHK-3, feat~fraud-screen~1)',
    ]);
  });

  it('keeps every range around its selection and children, with or without the text', async () => {
    const text = '---\ntype: prfaq\n---\n# Title\n## CHK-1 Last heading, no newline';
    const index = await workspace({ 'p.md': text });
    const doc = mustGet(index, 'p.md');
    for (const symbols of [documentSymbols(doc), documentSymbols(doc, text)]) {
      const [root] = symbols;
      assert.deepEqual(root?.range, range(3, 0, 33, 4));
      assert.deepEqual(root?.children[0]?.range, range(4, 0, 33));
      assert.deepEqual(root?.children[0]?.selectionRange, range(4, 3, 8));
    }
  });
});
