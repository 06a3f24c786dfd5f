import { strict as assert } from 'node:assert';
import { at, codes, design, indexFiles, md, prfaq, ROOT } from './helpers';

/**
 * Tracing deeper than one level, as OpenFastTrace traces (shallow coverage: an item is covered
 * when every artifact type of its Needs: covers it; an item without Needs: is terminating).
 */

const SOURCE_CONFIG = { sourceGlobs: ['src/**/*.ts', 'test/**/*.ts'] };

const REQUIREMENTS = prfaq(md`
  # Exporters

  ## HTML export
  \`feat~html-export~1\`

  Users export the trace as HTML.

  Needs: req

  ### HTML 5
  \`req~html5-exporter~1\`
  Covers:
  - feat~html-export~1

  Needs: dsn
`);

const DESIGN = design(md`
  # Design

  ## Exporter
  \`dsn~html5-exporter~1\`
  Covers:
  - req~html5-exporter~1
  Needs: impl, utest
`, '');

describe('OpenFastTrace tracing: levels', () => {
  it('covers a feat by a req of the same PR/FAQ, the req by a dsn of a design doc, the dsn by impl and utest tags', async () => {
    const index = await indexFiles(
      {
        'spec/requirements.md': REQUIREMENTS,
        'spec/design.md': DESIGN,
        'src/exporter.ts': '// [impl->dsn~html5-exporter~1]\nexport const x = 1;\n',
        'test/exporter.test.ts': 'it("exports", () => {}); // [utest->dsn~html5-exporter~1]\n',
      },
      SOURCE_CONFIG,
    );
    assert.deepEqual(['feat~html-export~1', 'req~html5-exporter~1', 'dsn~html5-exporter~1'].map((id) => index.status(id)), ['covered', 'covered', 'covered']);
    assert.deepEqual(index.trace('dsn~html5-exporter~1'), { needs: ['impl', 'utest'], coveredTypes: ['impl', 'utest'], uncoveredTypes: [], otherTypes: [] });
    assert.deepEqual(index.coverage('dsn~html5-exporter~1').map((c) => [c.doc.kind, c.cover.type, c.cover.range.start.line]), [
      ['source', 'impl', 0],
      ['source', 'utest', 0],
    ]);
    assert.deepEqual(index.allFindings(), []);
  });

  it('names the missing types of an item lacking one: "dsn~x~1 needs impl, utest; covered: impl"', async () => {
    const index = await indexFiles({ 'spec/requirements.md': REQUIREMENTS, 'spec/design.md': DESIGN, 'src/exporter.ts': '// [impl->dsn~html5-exporter~1]\n' }, SOURCE_CONFIG);
    assert.equal(index.status('dsn~html5-exporter~1'), 'uncovered');
    assert.deepEqual(index.trace('dsn~html5-exporter~1')?.uncoveredTypes, ['utest']);
    const findings = index.findings(`${ROOT}/spec/design.md`);
    assert.deepEqual(codes(findings), ['uncovered-requirement']);
    assert.match(findings[0]?.message ?? '', /^dsn~html5-exporter~1 needs impl, utest; covered: impl \(add \[utest->dsn~html5-exporter~1\]/);
    // Shallow coverage: the req above is covered by the dsn whatever the dsn's own coverage.
    assert.equal(index.status('req~html5-exporter~1'), 'covered');
  });

  it('reports every feat of a real OFT requirements file uncovered only when no req covers it', async () => {
    const index = await indexFiles({ 'spec/requirements.md': REQUIREMENTS });
    assert.equal(index.status('feat~html-export~1'), 'covered');
    assert.equal(index.status('req~html5-exporter~1'), 'uncovered');
    assert.match(index.findings(`${ROOT}/spec/requirements.md`)[0]?.message ?? '', /req~html5-exporter~1 needs dsn; covered: none/);
  });

  it('treats an item without Needs: as terminating: covered with nothing covering it', async () => {
    const index = await indexFiles({ 'spec.md': prfaq('`req~minimal~1`\n\nThe description.\n') });
    assert.equal(index.status('req~minimal~1'), 'covered');
    assert.deepEqual(index.trace('req~minimal~1'), { needs: [], coveredTypes: [], uncoveredTypes: [], otherTypes: [] });
    assert.deepEqual(index.allFindings(), []);
  });

  it('covers this project\'s requirement by a design section or by an OFT item in a design doc, never by a PR/FAQ item', async () => {
    const index = await indexFiles({
      'prfaq.md': prfaq('- CHK-1 One\n- CHK-2 Two\n- CHK-3 Three\n\n`req~r~1`\nCovers:\n- CHK-3\n'),
      'design.md': design('## A\nCovers: CHK-1\n\n## B\n`dsn~b~1`\nCovers:\n- CHK-2\n', ''),
    });
    assert.deepEqual(['CHK-1', 'CHK-2', 'CHK-3'].map((id) => index.status(id)), ['covered', 'covered', 'uncovered']);
    assert.deepEqual(index.trace('CHK-3'), { needs: ['design'], coveredTypes: [], uncoveredTypes: ['design'], otherTypes: ['req'] });
    assert.deepEqual(at(index.findings(`${ROOT}/prfaq.md`)), ['uncovered-requirement@10:3', 'unwanted-coverage@14:3']);
  });

  it('covers items defined in design docs from other design docs', async () => {
    const index = await indexFiles({
      'arch.md': design('## Client\n`arch~client~1`\nNeeds: dsn\n', ''),
      'detail.md': design('## Client detail\n`dsn~client~1`\nCovers:\n- arch~client~1\n', ''),
    });
    assert.equal(index.status('arch~client~1'), 'covered');
    assert.deepEqual(index.coverage('arch~client~1').map((c) => [c.doc.uri, c.cover.by, c.cover.type]), [[`${ROOT}/detail.md`, 'dsn~client~1', 'dsn']]);
  });

  it('does not count a design section without an item as OFT coverage of an item that needs dsn, and says so', async () => {
    const index = await indexFiles({
      'spec.md': prfaq('`req~r~1`\nNeeds: dsn\n'),
      'design.md': design('## A\nCovers:\n- req~r~1\n', ''),
    });
    assert.equal(index.status('req~r~1'), 'uncovered');
    assert.match(index.findings(`${ROOT}/spec.md`)[0]?.message ?? '', /a design section covers it, but OpenFastTrace counts only items/);
  });

  it('follows forwarding: arch --> dsn : req~x~1 covers the req as arch and needs dsn', async () => {
    const index = await indexFiles({
      'spec.md': prfaq('`req~web-ui~1`\nNeeds: arch\n'),
      'arch.md': design('## Forwards\narch --> dsn : req~web-ui~1\n', ''),
      'design.md': design('## UI\n`dsn~web-ui~1`\nCovers:\n- arch~web-ui~1\n', ''),
    });
    assert.deepEqual(['req~web-ui~1', 'arch~web-ui~1'].map((id) => index.status(id)), ['covered', 'covered']);
  });
});

describe('OpenFastTrace tracing: source tags', () => {
  it('reads OFT\'s tag forms: plain, named with a revision, with needed types, several on a line', async () => {
    const index = await indexFiles(
      {
        'spec.md': design('## X\n`dsn~x~1`\nNeeds: impl, utest\n\n## Y\n`dsn~y~1`\nNeeds: impl\n', ''),
        'src/a.ts': md`
          // [impl->dsn~x~1] [ impl -> dsn~y~1 ]
          // [utest~x-test~1->dsn~x~1>>itest]
        `,
        'test/a.test.ts': '// [itest->utest~x-test~1]\n',
      },
      SOURCE_CONFIG,
    );
    const source = index.get(`${ROOT}/src/a.ts`);
    assert.equal(source?.kind, 'source');
    assert.deepEqual(source?.covers.map((c) => [c.id, c.type, c.by, c.range.start.line, c.range.start.character]), [
      ['dsn~x~1', 'impl', undefined, 0, 10],
      ['dsn~y~1', 'impl', undefined, 0, 29],
      ['dsn~x~1', 'utest', 'utest~x-test~1', 1, 20],
    ]);
    assert.deepEqual(source?.requirements.map((r) => [r.id, r.form, r.needs]), [['utest~x-test~1', 'tag', ['itest']]]);
    assert.deepEqual(['dsn~x~1', 'dsn~y~1', 'utest~x-test~1'].map((id) => index.status(id)), ['covered', 'covered', 'covered']);
  });

  it('finds tags in any file sourceGlobs match, by a line scan (never as markdown)', async () => {
    const index = await indexFiles(
      { 'spec.md': design('## X\n`dsn~x~1`\nNeeds: impl\n', ''), 'src/page.ts': '---\ntype: design\n---\n# not markdown [impl->dsn~x~1]\n' },
      SOURCE_CONFIG,
    );
    assert.equal(index.get(`${ROOT}/src/page.ts`)?.kind, 'source');
    assert.equal(index.status('dsn~x~1'), 'covered');
  });

  it('gives findings for tags naming unknown items, other revisions, types nothing needs, and tags it cannot read', async () => {
    const index = await indexFiles(
      {
        'spec.md': design('## X\n`dsn~x~2`\nNeeds: impl\n', ''),
        'src/a.ts': md`
          // [impl->dsn~nothing~1]
          // [impl->dsn~x~1]
          // [utest->dsn~x~2]
          // [impl->dsn~no-revision]
          // [[x:1]]
          // a[i->next] is C, not a tag
        `,
      },
      SOURCE_CONFIG,
    );
    const findings = index.findings(`${ROOT}/src/a.ts`);
    assert.deepEqual(at(findings), ['unknown-requirement@1:11', 'outdated-coverage@2:11', 'unwanted-coverage@3:12', 'malformed-oft@4:4', 'oft-difference@5:4']);
    assert.match(findings[2]?.message ?? '', /this utest tag covers dsn~x~2 as utest, but dsn~x~2 needs impl: OpenFastTrace reports this coverage as unwanted/);
    assert.match(findings[3]?.message ?? '', /OpenFastTrace tag not read: "dsn~no-revision" has no revision/);
  });

  it('says that a tag needing types without a name of its own can never be covered', async () => {
    const index = await indexFiles({ 'spec.md': design('## X\n`dsn~x~1`\nNeeds: impl\n', ''), 'src/a.ts': '// [impl->dsn~x~1>>utest]\n' }, SOURCE_CONFIG);
    const findings = index.findings(`${ROOT}/src/a.ts`);
    assert.deepEqual(codes(findings), ['uncovered-requirement']);
    assert.match(findings[0]?.message ?? '', /names no item of its own/);
  });

  it('ignores markdown files in sourceGlobs (they are read as markdown)', async () => {
    const index = await indexFiles({ 'src/notes.md': '# Notes [impl->dsn~x~1]\n' }, { sourceGlobs: ['src/**'] });
    assert.equal(index.get(`${ROOT}/src/notes.md`), undefined);
  });

  it('updates coverage when a source file changes or goes away', async () => {
    const index = await indexFiles({ 'spec.md': design('## X\n`dsn~x~1`\nNeeds: impl\n', ''), 'src/a.ts': '// [impl->dsn~x~1]\n' }, SOURCE_CONFIG);
    assert.equal(index.status('dsn~x~1'), 'covered');
    index.delete(`${ROOT}/src/a.ts`);
    assert.equal(index.status('dsn~x~1'), 'uncovered');
    assert.deepEqual(index.totals(), { total: 1, covered: 0, waived: 0, uncovered: 1, suspect: 0 });
  });
});
