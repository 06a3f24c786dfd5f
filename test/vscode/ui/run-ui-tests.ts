// Browser UI tests of the PACKAGED extension (npm run test:ui; run with tsx).
//   1. vsce package (dist/ must be built: npm run build) -> .vscode-test/prfaq-trace.vsix
//   2. code-server --install-extension into a fresh .vscode-test/ui/extensions
//   3. mocha (tdd ui, spec reporter) over test/vscode/ui/**/*.ui.test.ts; each suite opens its own workbench
// Options: --grep <pattern>, --skip-package (reuse an existing .vsix).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import Mocha from 'mocha';
import { ROOT, assertInstalled } from '../harness/code-server.mjs';
import { UI_TIMEOUT, VSIX, installVsix, packageVsix } from './workbench';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { grep: { type: 'string' }, 'skip-package': { type: 'boolean' } },
    strict: true,
  });
  assertInstalled();
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    console.error('dist/extension.js does not exist: run  npm run build');
    return 2;
  }
  if (!values['skip-package'] || !fs.existsSync(VSIX)) {
    packageVsix(VSIX);
    console.log(`ui: packaged ${path.relative(ROOT, VSIX)}`);
  }
  installVsix(VSIX);
  console.log('ui: installed the .vsix into .vscode-test/ui/extensions');

  const dir = path.join(ROOT, 'test', 'vscode', 'ui');
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ui.test.ts'))
    .sort()
    .map((f) => path.join(dir, f));
  if (files.length === 0) {
    console.error('no *.ui.test.ts files');
    return 2;
  }
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    timeout: UI_TIMEOUT * 2,
    slow: 10_000,
    ...(values.grep ? { grep: values.grep } : {}),
  });
  for (const f of files) mocha.addFile(f);
  await mocha.loadFilesAsync();
  return new Promise<number>((resolve) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      console.log(`ui: ${passes} passed, ${failures} failed` + (pending ? `, ${pending} skipped` : ''));
      resolve(failures > 0 ? 1 : 0);
    });
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 2;
  },
);
