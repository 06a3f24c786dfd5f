// Bundles the extension-host test suites with esbuild (CJS, node20, `vscode` external, mocha bundled in):
//   test/vscode/suite/index.ts + test/vscode/suite/**/*.test.ts   -> out/test/vscode/suite/
//   test/vscode/negative/*.test.ts (+ the same index.ts)          -> out/test/vscode/negative/
// Each *.test.ts becomes its own file; index.js finds them by globbing next to itself.
// Usage: node test/vscode/build-tests.mjs
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function testFiles(dir) {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')))
    .sort();
}

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: true,
  logLevel: 'warning',
  // mocha's parallel mode (never used here) require.resolve()s its worker files: harmless when bundled.
  logOverride: { 'require-resolve-not-external': 'silent' },
};

/** @param {string} srcDir @param {string} outDir */
async function bundleSuite(srcDir, outDir) {
  const tests = testFiles(srcDir);
  fs.rmSync(path.join(root, outDir), { recursive: true, force: true });
  // index.js: the mocha runner (mocha is bundled, so out/ needs nothing from node_modules at run time).
  await build({ ...common, entryPoints: { index: 'test/vscode/suite/index.ts' }, outdir: outDir });
  // One bundle per test file, keeping the folder structure (outbase = srcDir).
  if (tests.length) await build({ ...common, entryPoints: tests, outbase: srcDir, outdir: outDir });
  return tests.length;
}

const suites = [
  ['test/vscode/suite', 'out/test/vscode/suite'],
  ['test/vscode/negative', 'out/test/vscode/negative'],
];
for (const [src, out] of suites) {
  const n = await bundleSuite(src, out);
  console.log(`build-tests: ${src} -> ${out} (${n} test file${n === 1 ? '' : 's'})`);
}
