// Bundles the CLI (and, when present, the extension and its worker) into dist/.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { PRFAQ_TRACE_VERSION: JSON.stringify(pkg.version) },
};

const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/node/parseWorker.ts'], outfile: 'dist/parseWorker.js' },
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The web extension (vscode.dev): the extension host is a web worker without Node.
  {
    entryPoints: ['src/web/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    alias: { fs: './src/web/emptyModule.ts' },
    conditions: ['worker'],
    inject: ['./src/web/bufferShim.ts'],
  },
  // The core alone, for browsers (vscode.dev) and as a check that it needs no Node built-in.
  {
    entryPoints: ['src/core/api.ts'],
    outfile: 'dist/web/core.js',
    platform: 'browser',
    format: 'iife',
    globalName: 'prfaqTraceCore',
    target: 'es2022',
    alias: { fs: './src/web/emptyModule.ts' },
    // A web worker (VS Code's web extension host) has no DOM: take the packages' worker builds.
    conditions: ['worker'],
    inject: ['./src/web/bufferShim.ts'],
  },
].filter((entry) => existsSync(entry.entryPoints[0]));

if (watch) {
  const { context } = await import('esbuild');
  for (const entry of entries) await (await context({ ...common, ...entry })).watch();
} else {
  await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
}
