import { strict as assert } from 'node:assert';
import { insertOwners } from '../../../src/core/language';
import { indexFiles } from '../helpers';
import { applyEdits, mustGet, workspace } from './support';

/** Applies the owners fix to a design doc and checks the result has both co-owners. */
async function fix(text: string): Promise<{ after: string | undefined; title: string | undefined; snippets: string[] }> {
  const index = await workspace({ 'd.md': text });
  const action = insertOwners(mustGet(index, 'd.md'), text);
  if (!action) return { after: undefined, title: undefined, snippets: [] };
  const after = applyEdits(text, action.edits);
  const again = await workspace({ 'd.md': after });
  assert.deepEqual(again.findings(mustGet(again, 'd.md').uri).map((f) => f.code), [], after);
  return { after, title: action.title, snippets: action.edits.map((e) => e.snippet ?? '') };
}

describe('language: co-owner quick fix', () => {
  it('adds a missing role under the owners: map at its indentation', async () => {
    const { after, title, snippets } = await fix('---\ntype: design\nowners:\n    pm: "@priya"\n    designer:\n      - "@ana"\ntitle: T\n---\n# T\n');
    assert.equal(title, 'Add owners.engineer');
    assert.equal(after, '---\ntype: design\nowners:\n    pm: "@priya"\n    designer:\n      - "@ana"\n    engineer: "@engineer"\ntitle: T\n---\n# T\n');
    assert.deepEqual(snippets, ['\n    engineer: "${1:@engineer}"']);
  });

  it('fills in a role that names nobody instead of repeating its key', async () => {
    const { after, title } = await fix('---\ntype: design\nowners:\n  pm: ""\n  engineer:\n    -\n  designer: "@ana"\n---\n');
    assert.equal(title, 'Add owners.pm and owners.engineer');
    assert.equal(after, '---\ntype: design\nowners:\n  pm: "@pm"\n  engineer: "@engineer"\n  designer: "@ana"\n---\n');
  });

  it('turns an empty owners: into a block map', async () => {
    assert.equal((await fix('---\ntype: design\nowners:\n---\n')).after, '---\ntype: design\nowners:\n  pm: "@pm"\n  engineer: "@engineer"\n---\n');
    assert.equal((await fix('---\ntype: design\nowners: {}\ntitle: T\n---\n')).after, '---\ntype: design\nowners:\n  pm: "@pm"\n  engineer: "@engineer"\ntitle: T\n---\n');
  });

  it('adds an owners: block before the closing fence when there is none', async () => {
    const { after, snippets } = await fix('---\ntype: design\ntitle: T\n---\n# T\n');
    assert.equal(after, '---\ntype: design\ntitle: T\nowners:\n  pm: "@pm"\n  engineer: "@engineer"\n---\n# T\n');
    assert.deepEqual(snippets, ['owners:\n  pm: "${1:@pm}"\n  engineer: "${2:@engineer}"\n']);
  });

  it('opens the file with a frontmatter block when it has none', async () => {
    // Without frontmatter a file is analysed only when its path matches designGlobs.
    const text = '# Design\n';
    const index = await indexFiles({ 'd.md': text }, { designGlobs: ['*.md'] });
    const action = insertOwners(mustGet(index, 'd.md'), text);
    assert.equal(applyEdits(text, action?.edits ?? []), '---\nowners:\n  pm: "@pm"\n  engineer: "@engineer"\n---\n# Design\n');
  });

  it('offers nothing when both co-owners are there, or the frontmatter cannot be edited safely', async () => {
    assert.equal((await fix('---\ntype: design\nowners:\n  pm: a\n  engineer: b\n---\n')).after, undefined);
    assert.equal((await fix('---\ntype: design\nowners: { pm: a }\n---\n')).after, undefined);
    const unclosed = '---\ntype: design\ntitle: T\n';
    const index = await workspace({ 'd.md': unclosed });
    assert.equal(insertOwners(mustGet(index, 'd.md'), unclosed), undefined);
  });
});
