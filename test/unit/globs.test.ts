import { strict as assert } from 'node:assert';
import { minimatch } from 'minimatch';
import { isCandidate, kindByPath, resolveConfig } from '../../src/core/api';

describe('path globs', () => {
  it('the fast forms of **/*.ext and **/folder/** agree with minimatch', () => {
    const paths = ['a.md', 'x/.md', '.md', 'b/c.markdown', 'node_modules/x.md', 'a/node_modules/b/c.md', 'node_modulesx/a.md', 'a/xnode_modules/b.md', '.git/x.md', 'a/.git/b.md', 'docs/.hidden.md', 'x.MD', 'a.md/b.txt', 'deep/a/b/c/d.md', 'a.mdx'];
    const config = resolveConfig({ include: ['**/*.md', '**/*.markdown'], exclude: ['**/node_modules/**', '**/.git/**'] });
    for (const path of paths) {
      const included = config.include.some((g) => minimatch(path, g, { dot: true }));
      const excluded = config.exclude.some((g) => minimatch(path, g, { dot: true }));
      assert.equal(isCandidate(path, config), included && !excluded, path);
    }
  });

  it('other globs go through minimatch', () => {
    const config = resolveConfig({ prfaqGlobs: ['prfaq/{a,b}/*.md'], designGlobs: ['design/**/!(draft)*.md'] });
    assert.equal(kindByPath('prfaq/a/x.md', config), 'prfaq');
    assert.equal(kindByPath('prfaq/c/x.md', config), undefined);
    assert.equal(kindByPath('design/x/y.md', config), 'design');
  });
});
