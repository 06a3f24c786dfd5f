import { strict as assert } from 'node:assert';
import { createIdMatcher, parseDocument, WorkspaceIndex, type DocModel } from '../../src/core/api';
import { at, design, indexFiles, md, memoryHost, prfaq, ROOT } from './helpers';

const PRFAQ = prfaq(md`
  ## Commitments
  ### CHK-1: Buy with one click
  - **CHK-2** Cancel within 30 minutes.
  - CHK-3 Refund in 24 hours.
  - CHK-6 Gift wrap.
`, 'waived:\n  CHK-6: "holiday PR/FAQ"\n');

const DESIGN = design(md`
  ## Order path
  Covers: CHK-1, CHK-2

  See also [refunds](prfaq.md#chk-3) and CHK-3.
`);

function model(path: string, text: string): DocModel {
  const doc = parseDocument({ uri: `${ROOT}/${path}`, text }, { ids: createIdMatcher(), maxFileSize: 1e6 });
  assert.ok(doc);
  return doc;
}

describe('workspace index', () => {
  it('computes covered, waived and uncovered status and the uncovered finding on the definition', async () => {
    const index = await indexFiles({ 'prfaq.md': PRFAQ, 'design.md': DESIGN, 'README.md': '# not analysed\n- CHK-99 x\n' });
    assert.equal(index.size, 2);
    assert.deepEqual(['CHK-1', 'CHK-2', 'CHK-3', 'CHK-6'].map((id) => index.status(id)), ['covered', 'covered', 'uncovered', 'waived']);
    assert.deepEqual(at(index.findings(`${ROOT}/prfaq.md`)), ['uncovered-requirement@13:3']);
    assert.match(index.findings(`${ROOT}/prfaq.md`)[0]?.message ?? '', /CHK-3/);
    assert.deepEqual(index.findings(`${ROOT}/design.md`), []);
    const prfaqDoc = index.get(`${ROOT}/prfaq.md`);
    assert.ok(prfaqDoc);
    assert.deepEqual(index.summary(prfaqDoc), { total: 4, covered: 2, waived: 1, uncovered: 1, suspect: 0 });
  });

  it('lists the sections covering a requirement and the references to it', async () => {
    const index = await indexFiles({ 'prfaq.md': PRFAQ, 'design.md': DESIGN });
    assert.deepEqual(index.coverage('CHK-1').map((c) => [c.doc.uri, c.section?.heading]), [[`${ROOT}/design.md`, 'Order path']]);
    assert.deepEqual(
      index.references('CHK-3').map((r) => [r.uri, r.kind, r.range.start.line]),
      [
        [`${ROOT}/design.md`, 'mention', 11],
        [`${ROOT}/design.md`, 'link', 11],
      ],
    );
  });

  it('reports unknown IDs in Covers: and in waivers on the ID', async () => {
    const index = await indexFiles({
      'prfaq.md': prfaq('- CHK-1 One\n', 'waived:\n  CHK-7: gone\n'),
      'design.md': design('## A\nCovers: CHK-1, CHK-9\n'),
    });
    assert.deepEqual(at(index.findings(`${ROOT}/design.md`)), ['unknown-requirement@10:16']);
    assert.deepEqual(at(index.findings(`${ROOT}/prfaq.md`)), ['unknown-requirement@8:3']);
    assert.equal(index.findings(`${ROOT}/design.md`)[0]?.severity, 'error');
  });

  it('reports duplicate definitions across and within documents, keeping the first', async () => {
    const index = await indexFiles({
      'a.md': prfaq('- CHK-1 One\n- CHK-1 Again\n'),
      'b.md': prfaq('### CHK-1: Elsewhere\n'),
      'design.md': design('Covers: CHK-1\n', 'prfaq: a.md\n'),
    });
    assert.deepEqual(at(index.findings(`${ROOT}/a.md`)), ['duplicate-requirement@9:3']);
    assert.deepEqual(at(index.findings(`${ROOT}/b.md`)), ['duplicate-requirement@8:5']);
    assert.match(index.findings(`${ROOT}/b.md`)[0]?.message ?? '', /already defined at a\.md:8/);
  });

  it('reports prfaq: links that do not resolve to a PR/FAQ', async () => {
    const index = await indexFiles({
      'prfaq.md': prfaq('- CHK-1 One\n'),
      'notes.md': '# notes\n',
      'design.md': design('Covers: CHK-1\n', 'prfaq:\n  - prfaq.md\n  - missing.md\n  - notes.md\n'),
    });
    assert.deepEqual(at(index.findings(`${ROOT}/design.md`)), ['unresolved-prfaq-link@9:5', 'unresolved-prfaq-link@10:5']);
  });

  it('applies configured severities and drops findings set to off', async () => {
    const index = await indexFiles(
      { 'prfaq.md': prfaq('- CHK-1 One\n'), 'design.md': design('Covers: CHK-9\n', '') },
      { severities: { 'uncovered-requirement': 'error', 'unknown-requirement': 'off' } },
    );
    assert.deepEqual(index.findings(`${ROOT}/prfaq.md`).map((f) => [f.code, f.severity]), [['uncovered-requirement', 'error']]);
    assert.deepEqual(index.findings(`${ROOT}/design.md`), []);
  });

  it('replacing one document updates the coverage and findings of the others', () => {
    const index = new WorkspaceIndex();
    index.set(model('prfaq.md', PRFAQ));
    index.set(model('design.md', DESIGN));
    assert.equal(index.status('CHK-3'), 'uncovered');

    const change = index.set(model('design.md', DESIGN.replace('Covers: CHK-1, CHK-2', 'Covers: CHK-1, CHK-2, CHK-3')));
    assert.equal(index.status('CHK-3'), 'covered');
    assert.deepEqual(index.findings(`${ROOT}/prfaq.md`), []);
    assert.deepEqual([...change.uris].sort(), [`${ROOT}/design.md`, `${ROOT}/prfaq.md`]);
    assert.ok(change.ids.includes('CHK-3'));

    index.delete(`${ROOT}/design.md`);
    assert.deepEqual(['CHK-1', 'CHK-2', 'CHK-3'].map((id) => index.status(id)), ['uncovered', 'uncovered', 'uncovered']);
    assert.equal(index.findings(`${ROOT}/prfaq.md`).length, 3);
  });

  it('an edit that changes no IDs affects only the edited document', () => {
    const index = new WorkspaceIndex();
    index.set(model('prfaq.md', PRFAQ));
    index.set(model('design.md', DESIGN));
    const change = index.set(model('design.md', DESIGN.replace('See also', 'Read also')));
    assert.deepEqual(change.uris, [`${ROOT}/design.md`]);
  });

  it('removing the PR/FAQ makes Covers IDs unknown and the prfaq: link unresolved; adding it back restores', () => {
    const index = new WorkspaceIndex();
    const prfaqModel = model('prfaq.md', PRFAQ);
    index.set(prfaqModel);
    index.set(model('design.md', DESIGN));
    const before = index.findings(`${ROOT}/design.md`);
    index.delete(`${ROOT}/prfaq.md`);
    assert.deepEqual(at(index.findings(`${ROOT}/design.md`)), ['unresolved-prfaq-link@7:8', 'unknown-requirement@10:9', 'unknown-requirement@10:16']);
    index.set(prfaqModel);
    assert.deepEqual(index.findings(`${ROOT}/design.md`), before);
  });

  it('notifies listeners with the affected documents', () => {
    const index = new WorkspaceIndex();
    const seen: string[][] = [];
    const unsubscribe = index.onDidChange((change) => seen.push([...change.uris]));
    index.set(model('prfaq.md', PRFAQ));
    unsubscribe();
    index.set(model('design.md', DESIGN));
    assert.deepEqual(seen, [[`${ROOT}/prfaq.md`]]);
  });

  it('never reads a non-kind file beyond classification, and reads each file once', async () => {
    const host = memoryHost({ 'prfaq.md': PRFAQ, 'notes.md': '# Notes\n' });
    const { indexWorkspace, createInProcessParser, defaultConfig } = await import('../../src/core/api');
    const parsed: string[] = [];
    const inner = createInProcessParser(defaultConfig);
    const index = new WorkspaceIndex();
    await indexWorkspace(host, defaultConfig, { parse: (inputs) => (parsed.push(...inputs.map((i) => i.uri)), inner.parse(inputs)) }, index);
    assert.deepEqual(parsed, [`${ROOT}/prfaq.md`]);
    assert.deepEqual(host.reads.sort(), [`${ROOT}/notes.md`, `${ROOT}/prfaq.md`]);
  });

  it('classifies files by configured globs when they have no frontmatter', async () => {
    const index = await indexFiles(
      { 'prfaq/a.md': '# A\n- CHK-1 One\n', 'design/b.md': '# B\nCovers: CHK-1\n', 'notes/c.md': '# C\n' },
      { prfaqGlobs: ['prfaq/**/*.md'], designGlobs: ['design/**'] },
    );
    assert.deepEqual(index.documents().map((d) => [d.uri, d.kind]), [
      [`${ROOT}/design/b.md`, 'design'],
      [`${ROOT}/prfaq/a.md`, 'prfaq'],
    ]);
    assert.equal(index.status('CHK-1'), 'covered');
  });
});

describe('workspace totals', () => {
  it('keeps coverage totals and counts by kind current across updates, equal to recounting', () => {
    const index = new WorkspaceIndex();
    const recount = () => {
      const ids = new Set(index.prfaqs().flatMap((d) => d.requirements.map((r) => r.id)));
      const statuses = [...ids].map((id) => index.status(id));
      return {
        total: ids.size,
        covered: statuses.filter((s) => s === 'covered').length,
        waived: statuses.filter((s) => s === 'waived').length,
        uncovered: statuses.filter((s) => s === 'uncovered').length,
        suspect: statuses.filter((s) => s === 'suspect').length,
      };
    };
    index.set(model('prfaq.md', PRFAQ));
    assert.deepEqual(index.totals(), recount());
    assert.deepEqual(index.totals(), { total: 4, covered: 0, waived: 1, uncovered: 3, suspect: 0 });
    index.set(model('design.md', DESIGN));
    assert.deepEqual(index.totals(), { total: 4, covered: 2, waived: 1, uncovered: 1, suspect: 0 });
    index.set(model('design.md', DESIGN.replace('Covers: CHK-1, CHK-2', 'Covers: CHK-1, CHK-2, CHK-3, CHK-6')));
    assert.deepEqual(index.totals(), recount());
    assert.equal(index.count('prfaq'), 1);
    assert.equal(index.count('design'), 1);
    index.delete(`${ROOT}/prfaq.md`);
    assert.deepEqual(index.totals(), { total: 0, covered: 0, waived: 0, uncovered: 0, suspect: 0 });
    assert.equal(index.count('prfaq'), 0);
  });
});
