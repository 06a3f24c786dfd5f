#!/usr/bin/env node
// The same extension-host suites in DESKTOP VS Code via @vscode/test-electron, for machines that can download
// VS Code (this project's CI cannot: it uses the code-server harness, test/vscode/harness/). Not run in CI.
//
//   npm run build && npm run build:tests
//   node test/vscode/electron/run.mjs [--workspace <folder|file.code-workspace>] [--tests <index.js>]
//                                     [--grep <pattern>] [--files <regex>] [--untrusted] [--version 1.100.3]
//   (on a head-less Linux box: xvfb-run -a node test/vscode/electron/run.mjs)
//
// Defaults match the code-server harness: workspace test/fixtures/workspaces/basic, tests
// out/test/vscode/suite/index.js, VS Code 1.100.3 (engines.vscode is ^1.100.0). Downloads go to
// .vscode-test/ (test-electron's default cache). Environment variables reach the extension host directly here
// (extensionTestsEnv), unlike code-server where they must be in the server's own environment.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const { values } = parseArgs({
  options: {
    workspace: { type: 'string', default: 'test/fixtures/workspaces/basic' },
    tests: { type: 'string', default: 'out/test/vscode/suite/index.js' },
    grep: { type: 'string' },
    files: { type: 'string' },
    untrusted: { type: 'boolean' },
    version: { type: 'string', default: process.env.VSCODE_TEST_VERSION || '1.100.3' },
  },
  strict: true,
});

const workspace = path.resolve(ROOT, values.workspace);
const runDir = path.join(ROOT, '.vscode-test', 'electron-run');
fs.rmSync(runDir, { recursive: true, force: true });
const resultsFile = path.join(runDir, 'results.json');

try {
  const code = await runTests({
    version: values.version,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.resolve(ROOT, values.tests),
    extensionTestsEnv: {
      PRFAQ_TRACE_TEST_RESULTS: resultsFile,
      PRFAQ_TRACE_TEST_WORKSPACE: workspace,
      PRFAQ_TRACE_TEST_TRUST: values.untrusted ? 'untrusted' : 'trusted',
      ...(values.grep ? { PRFAQ_TRACE_TEST_GREP: values.grep } : {}),
      ...(values.files ? { PRFAQ_TRACE_TEST_FILES: values.files } : {}),
    },
    launchArgs: [
      workspace,
      '--user-data-dir', path.join(runDir, 'user-data'),
      '--extensions-dir', path.join(runDir, 'extensions'),
      '--disable-extensions', // other installed extensions; the development extension still loads
      ...(values.untrusted ? [] : ['--disable-workspace-trust']),
      '--skip-welcome',
      '--skip-release-notes',
    ],
  });
  process.exitCode = code;
} catch (err) {
  console.error('test-electron run failed:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
