import { strict as assert } from 'node:assert';
import { idAt } from '../../../src/core/language';
import { CHECKOUT, mustGet, positionOf, range, SERVICE, workspace } from './support';

describe('language: idAt', () => {
  it('finds the ID under the cursor with its role, both ends of the token included', async () => {
    const index = await workspace();
    const service = mustGet(index, 'design/service.md');
    const prfaq = mustGet(index, 'prfaq/checkout.md');
    const at = (doc: typeof service, text: string, needle: string, delta = 0, occurrence = 1) => {
      const hit = idAt(doc, positionOf(text, needle, occurrence, delta), index);
      return hit && [hit.id, hit.role];
    };
    assert.deepEqual(at(service, SERVICE, 'CHK-1, CHK-2'), ['CHK-1', 'cover']);
    assert.deepEqual(at(service, SERVICE, 'CHK-1, CHK-2', 5), ['CHK-1', 'cover']);
    assert.deepEqual(at(service, SERVICE, 'CHK-2'), ['CHK-2', 'cover']);
    assert.deepEqual(at(service, SERVICE, 'CHK-6'), ['CHK-6', 'mention']);
    assert.deepEqual(at(service, SERVICE, 'feat~'), ['feat~fraud-screen~1', 'cover']);
    // The label of a link in a Covers list is the Covers entry; the rest of the link resolves through its fragment.
    assert.deepEqual(at(service, SERVICE, '[CHK-3]', 1), ['CHK-3', 'cover']);
    assert.deepEqual(at(service, SERVICE, '#chk-3', 1), ['CHK-3', 'link']);
    assert.deepEqual(at(service, SERVICE, 'buying'), ['CHK-1', 'link']);
    assert.deepEqual(at(prfaq, CHECKOUT, 'CHK-1:'), ['CHK-1', 'definition']);
    assert.deepEqual(at(prfaq, CHECKOUT, 'CHK-2'), ['CHK-2', 'definition']);
    assert.deepEqual(at(prfaq, CHECKOUT, '`feat~', 3), ['feat~fraud-screen~1', 'definition']);
    assert.deepEqual(at(prfaq, CHECKOUT, 'CHK-8:', 2), ['CHK-8', 'waiver']);
    assert.equal(at(service, SERVICE, 'The order path'), undefined);
    assert.equal(at(service, SERVICE, 'Covers: CHK-1'), undefined);
  });

  it('gives the ID range, for a quoted waiver key the ID inside the quotes', async () => {
    const index = await workspace({
      'prfaq.md': '---\ntype: prfaq\nwaived:\n  "CHK-8": later\n---\n- CHK-8 Gift wrap\n',
    });
    const doc = mustGet(index, 'prfaq.md');
    assert.deepEqual(idAt(doc, { line: 3, character: 4 }, index), { id: 'CHK-8', range: range(3, 3, 8), role: 'waiver', sectionIndex: -1 });
  });

  it('resolves a same-document link without an index, other links only with one', async () => {
    const index = await workspace({
      'prfaq.md': '---\ntype: prfaq\n---\n- CHK-1 One\n- CHK-2 See [one](#chk-1) and [other](other.md#chk-1)\n',
    });
    const doc = mustGet(index, 'prfaq.md');
    assert.equal(idAt(doc, { line: 4, character: 13 })?.role, 'link');
    assert.equal(idAt(doc, { line: 4, character: 30 }), undefined);
  });
});
