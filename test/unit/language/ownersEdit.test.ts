import { strict as assert } from 'node:assert';
import { insertOwners } from '../../../src/core/language';
import { indexFiles } from '../helpers';
import { pick, seededRandom } from '../random';
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

  it('finds a quoted owners: key (and quoted roles) instead of adding a duplicate key', async () => {
    const quoted = await fix('---\ntype: design\n"owners":\n  pm: "@priya"\ntitle: T\n---\n');
    assert.equal(quoted.after, '---\ntype: design\n"owners":\n  pm: "@priya"\n  engineer: "@engineer"\ntitle: T\n---\n');
    assert.equal((await fix("---\ntype: design\n'owners': {}\n---\n")).after, "---\ntype: design\n'owners':\n  pm: \"@pm\"\n  engineer: \"@engineer\"\n---\n");
    assert.equal(
      (await fix('---\r\ntype: design\r\n"owners":\r\n    "pm": ""\r\n    \'engineer\': ~ # later\r\n---\r\n')).after,
      '---\r\ntype: design\r\n"owners":\r\n    "pm": "@pm"\r\n    \'engineer\': "@engineer" # later\r\n---\r\n',
    );
    // A trailing comment line in the map stays where it is; the new role goes after the last entry.
    assert.equal(
      (await fix('---\ntype: design\n"owners":\n  "pm": "@priya"\n  # engineer to follow\ntitle: T\n---\n')).after,
      '---\ntype: design\n"owners":\n  "pm": "@priya"\n  engineer: "@engineer"\n  # engineer to follow\ntitle: T\n---\n',
    );
  });

  it('seeded property test: every layout of owners gets both co-owners, valid YAML and no line lost', async () => {
    const random = seededRandom(10);
    const quote = (key: string) => pick(random, [key, `"${key}"`, `'${key}'`]);
    for (let i = 0; i < 150; i++) {
      const eol = pick(random, ['\n', '\r\n']);
      const indent = pick(random, ['  ', '    ']);
      const roles: string[] = [];
      const pm = pick(random, ['absent', 'empty', 'set']);
      const engineer = pick(random, ['absent', 'empty', 'set']);
      const empty = () => pick(random, ['""', "''", '~', 'null', '[]', '']);
      if (pm !== 'absent') roles.push(`${indent}${quote('pm')}:${pm === 'set' ? ' "@priya"' : ` ${empty()}`.trimEnd()}`);
      if (random() < 0.5) roles.push(`${indent}${quote('designer')}:${eol}${indent}  - "@ana"`);
      if (engineer !== 'absent') roles.push(`${indent}${quote('engineer')}:${engineer === 'set' ? ' "@marco"' : ` ${empty()}`.trimEnd()}`);
      if (random() < 0.3) roles.push(`${indent}# more to come`);
      const ownersLines = roles.length > 0 ? [`${quote('owners')}:`, ...roles] : [pick(random, [`${quote('owners')}:`, `${quote('owners')}: {}`, ''])];
      const lines = ['---', 'type: design', ...(random() < 0.5 ? ['title: T'] : []), ...ownersLines.filter((l) => l !== ''), ...(random() < 0.5 ? ['prfaq: p.md'] : []), '---', '# T', ''];
      const text = lines.join(eol);
      const index = await workspace({ 'd.md': text });
      const action = insertOwners(mustGet(index, 'd.md'), text);
      if (pm === 'set' && engineer === 'set') {
        assert.equal(action, undefined, text);
        continue;
      }
      assert.ok(action, text);
      const after = applyEdits(text, action.edits);
      const again = await workspace({ 'd.md': after });
      const codes = again.findings(mustGet(again, 'd.md').uri).map((f) => f.code);
      assert.ok(!codes.includes('missing-co-owner') && !codes.includes('invalid-frontmatter'), `${JSON.stringify(text)} → ${JSON.stringify(after)}: ${codes.join(', ')}`);
      // Only empty values are replaced: every line that held something else is still there, in order.
      const kept = text.split(eol).filter((line) => !/:\s*(?:""|''|~|null|\[\]|\{\})?\s*$/.test(line) || /^---|^#/.test(line));
      let from = 0;
      const afterLines = after.split(eol);
      for (const line of kept) {
        const found = afterLines.indexOf(line, from);
        assert.ok(found >= 0, `${JSON.stringify(line)} kept in ${JSON.stringify(after)}`);
        from = found + 1;
      }
      assert.ok(!after.replace(/\r\n/g, '').includes('\r') && (eol === '\n' ? !after.includes('\r') : after.split('\n').slice(0, -1).every((l) => l.endsWith('\r'))), 'line endings kept');
    }
  });

  it('offers nothing when both co-owners are there, or the frontmatter cannot be edited safely', async () => {
    assert.equal((await fix('---\ntype: design\nowners:\n  pm: a\n  engineer: b\n---\n')).after, undefined);
    assert.equal((await fix('---\ntype: design\nowners: { pm: a }\n---\n')).after, undefined);
    const unclosed = '---\ntype: design\ntitle: T\n';
    const index = await workspace({ 'd.md': unclosed });
    assert.equal(insertOwners(mustGet(index, 'd.md'), unclosed), undefined);
  });
});
