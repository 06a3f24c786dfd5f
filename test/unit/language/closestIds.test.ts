import { strict as assert } from 'node:assert';
import { changeIdActions, closestIds, idDistance } from '../../../src/core/language';
import { applyEdits, mustGet, PAYMENTS, range, uri, workspace } from './support';

describe('language: closest IDs', () => {
  it('measures edits with adjacent transpositions as one', () => {
    assert.equal(idDistance('CHK-1', 'CHK-1'), 0);
    assert.equal(idDistance('CKH-1', 'CHK-1'), 1);
    assert.equal(idDistance('CHK-12', 'CHK-1'), 1);
    assert.equal(idDistance('CHK-12', 'CHK-21'), 1);
    assert.equal(idDistance('', 'abc'), 3);
    assert.equal(idDistance('PAY-1', 'CHK-1'), 3);
  });

  it('suggests the nearest defined IDs: distance, then same prefix, then nearest number', async () => {
    const index = await workspace({
      'p.md': '---\ntype: prfaq\n---\n- CHK-1 a\n- CHK-2 b\n- CHK-8 c\n- CHX-12 d\n- CHK-121 e\n- PAY-1 f\n- feat~fraud-screen~1 g\n',
    });
    // All at distance 1 from CHK-12; CHX-12 has another prefix; CHK-2 is nearer 12 than CHK-1, CHK-121 farther.
    assert.deepEqual(closestIds(index, 'CHK-12', 5), ['CHK-2', 'CHK-1', 'CHK-121', 'CHX-12', 'CHK-8']);
    assert.deepEqual(closestIds(index, 'CHK-12'), ['CHK-2', 'CHK-1', 'CHK-121']);
    assert.deepEqual(closestIds(index, 'CKH-1', 1), ['CHK-1']);
    assert.deepEqual(closestIds(index, 'feat~fraud-scren~1'), ['feat~fraud-screen~1']);
    assert.deepEqual(closestIds(index, 'ZZZ-999'), []);
    assert.deepEqual(closestIds(index, 'CHK-1', 0), []);
  });

  it('offers "Change to" fixes for an unknown Covers entry, the strictly nearest preferred', async () => {
    const index = await workspace();
    const [finding] = index.findings(uri('design/payments.md'));
    assert.equal(finding?.code, 'unknown-requirement');
    const actions = finding ? changeIdActions(index, finding) : [];
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [
      ['Change to CHK-2', undefined],
      ['Change to CHK-1', undefined],
      ['Change to CHK-8', undefined],
    ]);
    assert.equal(applyEdits(PAYMENTS, actions[1]?.edits ?? []), PAYMENTS.replace('CHK-1, CHK-12', 'CHK-1, CHK-1'));
    mustGet(index, 'design/payments.md');
  });

  it('replaces a waiver key inside its quotes, and prefers a lone nearest ID', async () => {
    const text = '---\ntype: prfaq\nwaived:\n  "CKH-1": later\n---\n- CHK-1 One\n- PAY-7 Pay\n';
    const index = await workspace({ 'p.md': text });
    const finding = index.findings(uri('p.md')).find((f) => f.code === 'unknown-requirement');
    assert.ok(finding);
    const actions = changeIdActions(index, finding);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Change to CHK-1', true]]);
    assert.deepEqual(actions[0]?.edits[0]?.range, range(3, 3, 8));
    assert.equal(applyEdits(text, actions[0]?.edits ?? []), text.replace('"CKH-1"', '"CHK-1"'));
  });
});
