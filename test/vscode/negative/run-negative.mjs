#!/usr/bin/env node
// Negative control for the code-server harness (npm run test:negative). Passes only when
//   1. the harness, run on test/vscode/negative/ (one passing and one deliberately failing test), exits
//      NON-zero and its results file counts the failure, and
//   2. the same suite with --grep limited to the passing test exits 0 (so the failure in 1 is the test's, not
//      a broken harness, and --grep really reaches mocha in the extension host).
// Expects out/test/vscode/negative/ (npm run build:tests) and dist/extension.js (npm run build).
import { runExtensionTests } from '../harness/run-extension-tests.mjs';

const base = {
  workspace: 'test/fixtures/workspaces/basic',
  tests: 'out/test/vscode/negative/index.js',
  timeout: 180,
  summaryLine: false,
};
const problems = [];

const failing = await runExtensionTests({ ...base, name: 'negative-failing' });
if (failing.code === 0) problems.push('the harness exited 0 for a suite with a failing test');
else if (!failing.results || failing.results.failures < 1) {
  problems.push(`the harness exited ${failing.code}, but not because of the failing test (results: ${JSON.stringify(failing.results)})`);
}

const filtered = await runExtensionTests({ ...base, name: 'negative-grep', grep: 'passes' });
if (filtered.code !== 0) problems.push(`the harness exited ${filtered.code} with --grep limited to the passing test`);
else if (filtered.results?.passes !== 1 || filtered.results?.failures !== 0) {
  problems.push(`--grep did not reach mocha (results: ${JSON.stringify(filtered.results)})`);
}

if (problems.length) {
  for (const p of problems) console.error(`negative control FAILED: ${p}`);
  console.log(`negative: ${2 - problems.length} passed, ${problems.length} failed`);
  process.exitCode = 1;
} else {
  console.log(`negative control: harness exited ${failing.code} for the failing suite and 0 for the filtered one, as it should`);
  console.log('negative: 2 passed, 0 failed');
}
