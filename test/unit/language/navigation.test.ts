import { strict as assert } from 'node:assert';
import { definitionsFor, referencesFor, type Location } from '../../../src/core/language';
import { CHECKOUT, mustGet, positionOf, SERVICE, workspace } from './support';

const short = (locations: readonly Location[]) =>
  locations.map((l) => `${l.uri.replace('file:///ws/', '')}@${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`);

describe('language: definition and references', () => {
  it('goes to the definition from a Covers entry, a mention, a link, a waiver and the definition itself', async () => {
    const index = await workspace();
    const service = mustGet(index, 'design/service.md');
    const prfaq = mustGet(index, 'prfaq/checkout.md');
    assert.deepEqual(short(definitionsFor(index, service, positionOf(SERVICE, 'CHK-1'))), ['prfaq/checkout.md@13:4-13:9']);
    assert.deepEqual(short(definitionsFor(index, service, positionOf(SERVICE, 'CHK-6'))), ['prfaq/checkout.md@19:2-19:7']);
    assert.deepEqual(short(definitionsFor(index, service, positionOf(SERVICE, '#chk-3'))), ['prfaq/checkout.md@18:2-18:7']);
    assert.deepEqual(short(definitionsFor(index, service, positionOf(SERVICE, 'feat~'))), ['prfaq/checkout.md@23:1-23:20']);
    assert.deepEqual(short(definitionsFor(index, prfaq, positionOf(CHECKOUT, 'CHK-8'))), ['prfaq/checkout.md@20:2-20:7']);
    assert.deepEqual(definitionsFor(index, service, positionOf(SERVICE, 'The order')), []);
  });

  it('lists every definition of a duplicated ID, canonical first', async () => {
    const index = await workspace({
      'b.md': '---\ntype: prfaq\n---\n- CHK-1 Again\n',
      'a.md': '---\ntype: prfaq\n---\n- CHK-1 First\n',
    });
    assert.deepEqual(short(definitionsFor(index, mustGet(index, 'b.md'), { line: 3, character: 3 })), ['a.md@3:2-3:7', 'b.md@3:2-3:7']);
  });

  it('finds Covers entries, mentions and links across the workspace, with or without the declaration', async () => {
    const index = await workspace();
    const service = mustGet(index, 'design/service.md');
    const at = positionOf(SERVICE, 'CHK-1');
    assert.deepEqual(short(referencesFor(index, service, at, true)), [
      'design/payments.md@11:8-11:13',
      'design/service.md@13:8-13:13',
      'design/service.md@23:8-23:63',
      'prfaq/checkout.md@13:4-13:9',
    ]);
    assert.deepEqual(short(referencesFor(index, service, at, false)), [
      'design/payments.md@11:8-11:13',
      'design/service.md@13:8-13:13',
      'design/service.md@23:8-23:63',
    ]);
    // CHK-3: the definition, the link's label (a Covers entry) and the link itself.
    assert.deepEqual(short(referencesFor(index, service, positionOf(SERVICE, '#chk-3'), true)), [
      'design/service.md@20:2-20:37',
      'design/service.md@20:3-20:8',
      'prfaq/checkout.md@18:2-18:7',
    ]);
  });

  it('includes waiver keys and mentions, each place once', async () => {
    const index = await workspace({
      'p.md': '---\ntype: prfaq\nwaived:\n  CHK-2: later\n---\n- CHK-2 Two, see CHK-2 and [it](#chk-2)\n',
    });
    const doc = mustGet(index, 'p.md');
    assert.deepEqual(short(referencesFor(index, doc, { line: 3, character: 2 }, true)), [
      'p.md@3:2-3:7',
      'p.md@5:2-5:7',
      'p.md@5:17-5:22',
      'p.md@5:27-5:39',
    ]);
    assert.deepEqual(referencesFor(index, doc, { line: 0, character: 0 }, true), []);
  });
});
