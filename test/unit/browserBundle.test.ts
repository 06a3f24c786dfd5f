import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

const repo = join(__dirname, '..', '..');

describe('the core as a browser bundle', function () {
  this.timeout(60_000);

  it('runs without Node: no require, no process, no Buffer, only web globals', () => {
    spawnSync(process.execPath, [join(repo, 'esbuild.config.mjs')], { cwd: repo, stdio: 'inherit' });
    const bundle = readFileSync(join(repo, 'dist', 'web', 'core.js'), 'utf8');
    // A context with what browsers and web workers have, and nothing of Node's.
    const sandbox: Record<string, unknown> = { TextDecoder, TextEncoder, URL, console, queueMicrotask, setTimeout, clearTimeout };
    sandbox.globalThis = sandbox;
    sandbox.self = sandbox;
    runInNewContext(bundle, sandbox);
    const core = sandbox.prfaqTraceCore as typeof import('../../src/core/api');
    assert.equal(typeof core.parseDocument, 'function');
    const ids = core.createIdMatcher();
    const prfaq = core.parseDocument({ uri: 'vscode-vfs://github/acme/docs/prfaq.md', text: '---\ntype: prfaq\nowners: {pm: a, engineer: b}\n---\n- CHK-1 One\n' }, { ids, maxFileSize: 1e6 });
    const design = core.parseDocument({ uri: 'vscode-vfs://github/acme/docs/design.md', text: '---\ntype: design\nowners: {pm: a, engineer: b}\nprfaq: prfaq.md\n---\n## A\nCovers: CHK-1\n' }, { ids, maxFileSize: 1e6 });
    assert.ok(prfaq && design);
    const index = new core.WorkspaceIndex();
    index.set(prfaq);
    index.set(design);
    assert.equal(index.status('CHK-1'), 'covered');
    // Values come from the sandbox's realm: compare contents, not prototypes.
    assert.equal(JSON.stringify(index.allFindings()), '[]');
    assert.equal(JSON.stringify(prfaq.owners.roles.map((r) => r.role)), '["pm","engineer"]');
  });

  it('the web extension bundle needs nothing but vscode (js-yaml\'s optional requires are guarded)', () => {
    const bundle = readFileSync(join(repo, 'dist', 'web', 'extension.js'), 'utf8');
    const required = new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
    for (const optional of ['buffer', 'esprima']) {
      const at = bundle.indexOf(`_require("${optional}")`);
      assert.ok(at > 0 && /try\s*\{[^}]*$/.test(bundle.slice(at - 80, at)), `${optional} is required inside try`);
    }
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { browser: string; main: string };
    assert.equal(manifest.browser, './dist/web/extension.js');
  });
});
