import { strict as assert } from 'node:assert';
import { requirementLenses, sectionLenses } from '../../../src/core/language';
import { mustGet, range, uri, workspace } from './support';

describe('language: code lenses', () => {
  it('gives each requirement of a PR/FAQ its status and the covering sections', async () => {
    const index = await workspace();
    const lenses = requirementLenses(index, mustGet(index, 'prfaq/checkout.md'));
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.title, l.locations.map((x) => `${x.uri.replace('file:///ws/', '')}:${x.range.start.line}`)]),
      [
        [13, 'covered by 2 sections', ['design/payments.md:9', 'design/service.md:10']],
        [17, 'covered by 1 section', ['design/service.md:10']],
        [18, 'covered by 1 section', ['design/service.md:17']],
        [19, 'not covered', []],
        [20, 'waived: Gift wrapping moves to the holiday PR/FAQ', []],
        [22, 'covered by 1 section', ['design/service.md:17']],
      ],
    );
    assert.deepEqual(lenses[0]?.range, range(13, 0, 29));
    assert.deepEqual(lenses[0]?.locations[0], { uri: uri('design/payments.md'), range: range(9, 0, 14) });
    assert.deepEqual(requirementLenses(index, mustGet(index, 'design/service.md')), []);
  });

  it('counts a section once however many declarations name the ID, and a document-level declaration as one', async () => {
    const index = await workspace({
      'p.md': '---\ntype: prfaq\n---\n- X-1 One\n',
      'd.md': '---\ntype: design\n---\nCovers: X-1\n\n## A\n\nCovers: X-1\n\nCovers: X-1\n',
    });
    const [lens] = requirementLenses(index, mustGet(index, 'p.md'));
    assert.equal(lens?.title, 'covered by 2 sections');
    assert.deepEqual(lens?.locations, [
      { uri: uri('d.md'), range: range(3, 8, 11) },
      { uri: uri('d.md'), range: range(5, 0, 4) },
    ]);
    assert.deepEqual(sectionLenses(mustGet(index, 'd.md')), [{ range: range(5, 0, 4), title: 'covers X-1' }]);
  });

  it('labels each design section that declares coverage with the IDs it covers', async () => {
    const index = await workspace();
    assert.deepEqual(sectionLenses(mustGet(index, 'design/service.md')), [
      { range: range(10, 0, 18), title: 'covers CHK-1, CHK-2' },
      { range: range(17, 0, 20), title: 'covers CHK-3, feat~fraud-screen~1' },
    ]);
    assert.deepEqual(sectionLenses(mustGet(index, 'prfaq/checkout.md')), []);
  });
});
