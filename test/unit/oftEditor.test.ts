import { strict as assert } from 'node:assert';
import { buildReport, renderText } from '../../src/core/api';
import { definitionsFor, hoverFor, renameEdits, renameProblem, requirementLenses } from '../../src/core/language';
import { createIdMatcher } from '../../src/core/api';
import { design, indexFiles, md, prfaq, ROOT } from './helpers';

/** What the editor and the reports show of OpenFastTrace levels (core answers, no VS Code). */

const FILES = {
  'spec.md': prfaq(md`
    ## HTML report
    \`req~html-report~1\`
    Needs: dsn
  `),
  'design.md': design(md`
    ## Renderer
    \`dsn~renderer~1\`
    Renders the page.
    Covers:
    - req~html-report~1
    Needs: impl, utest
  `, ''),
  'src/renderer.ts': 'export const x = 1; // [impl->dsn~renderer~1]\n',
};
const CONFIG = { sourceGlobs: ['src/**'] };

describe('OpenFastTrace in the editor and the reports', () => {
  it('hovers a tag in a source file with the item it covers, its levels and where it is defined', async () => {
    const index = await indexFiles(FILES, CONFIG);
    const source = index.get(`${ROOT}/src/renderer.ts`);
    assert.ok(source);
    const hover = hoverFor(index, source, { line: 0, character: 32 });
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 0, character: 30 }, end: { line: 0, character: 44 } });
    assert.match(hover.markdown, /^\*\*dsn\\~renderer\\~1\*\* · Renderer/);
    assert.match(hover.markdown, /Design doc: \[Design\]\(file:\/\/\/ws\/design\.md#L9\)/);
    assert.match(hover.markdown, /\*\*Status:\*\* uncovered · needs impl\\, utest\\; covered\\: impl/);
    assert.match(hover.markdown, /renderer\\\.ts\\:1 \\\[impl\\\]\]\(file:\/\/\/ws\/src\/renderer\.ts#L1\)/);
  });

  it('goes from a tag to the definition of the item it covers', async () => {
    const index = await indexFiles(FILES, CONFIG);
    const source = index.get(`${ROOT}/src/renderer.ts`);
    assert.ok(source);
    assert.deepEqual(definitionsFor(index, source, { line: 0, character: 31 }), [
      { uri: `${ROOT}/design.md`, range: { start: { line: 8, character: 1 }, end: { line: 8, character: 15 } } },
    ]);
  });

  it('gives each item of a design doc a lens with its levels', async () => {
    const index = await indexFiles(FILES, CONFIG);
    const doc = index.get(`${ROOT}/design.md`);
    assert.ok(doc);
    assert.deepEqual(requirementLenses(index, doc).map((l) => l.title), ['impl ✔ · utest ✘ · covered by 1 tag']);
    const spec = index.get(`${ROOT}/spec.md`);
    assert.ok(spec);
    assert.deepEqual(requirementLenses(index, spec).map((l) => l.title), ['dsn ✔ · covered by 1 item']);
  });

  it('reports design docs\' items in the JSON and the text report, with their levels', async () => {
    const index = await indexFiles(FILES, CONFIG);
    const report = buildReport(index, ROOT);
    const [item] = report.designs[0]?.requirements ?? [];
    assert.deepEqual(
      item && { id: item.id, type: item.type, status: item.status, needs: item.needs, coveredTypes: item.coveredTypes, uncoveredTypes: item.uncoveredTypes },
      { id: 'dsn~renderer~1', type: 'dsn', status: 'uncovered', needs: ['impl', 'utest'], coveredTypes: ['impl'], uncoveredTypes: ['utest'] },
    );
    assert.deepEqual(item?.coveredBy.map((c) => [c.path, c.kind, c.type, c.line]), [['src/renderer.ts', 'source', 'impl', 1]]);
    const text = renderText(report);
    assert.match(text, /Design \(design\.md\)\n {2}✘ dsn~renderer~1 Renderer \[needs impl, utest; covered: impl\] \(uncovered\) ← src\/renderer\.ts:1 \[impl\]/);
  });

  it('renames an item in its Covers entries and in the source tags that cover it; a forwarded item has nothing to rename', async () => {
    const index = await indexFiles({ ...FILES, 'arch.md': design('## Forward\narch --> dsn : req~html-report~1\n', '') }, CONFIG);
    const ids = createIdMatcher();
    const result = renameEdits(index, 'dsn~renderer~1', 'dsn~page-renderer~1', ids);
    assert.ok('edits' in result);
    assert.deepEqual(result.edits[`${ROOT}/src/renderer.ts`], [{ range: { start: { line: 0, character: 30 }, end: { line: 0, character: 44 } }, newText: 'dsn~page-renderer~1' }]);
    assert.match(renameProblem(index, 'arch~html-report~1', 'arch~other~1', ids) ?? '', /made by forwarding/);
  });
});
