#!/usr/bin/env node
// Runs mocha suites inside the real VS Code 1.100.3 extension host of code-server (../shared/real-vscode.md).
// Builds nothing: expects dist/extension.js (npm run build) and out/test/vscode/... (npm run build:tests).
//
//   node test/vscode/harness/run-extension-tests.mjs [options]
//     --workspace <folder|file.code-workspace>  fixture to open (default test/fixtures/workspaces/basic)
//     --tests <path>        extensionTestsPath (default out/test/vscode/suite/index.js)
//     --untrusted           keep workspace trust on and leave the workspace untrusted (restricted mode)
//     --grep <pattern>      mocha grep            (env PRFAQ_TRACE_TEST_GREP in the extension host)
//     --files <regex>       test-file filter      (env PRFAQ_TRACE_TEST_FILES)
//     --name <name>         run name: .vscode-test/runs/<name>/ (default: the workspace's base name)
//     --timeout <seconds>   overall limit per run (default 300)
//     --no-copy             open the fixture itself, not a scratch copy under .vscode-test/runs/<name>/workspace/
//     --suites <file.json>  run every suite listed in the file, one after another (array of objects with
//                           the keys name, workspace, tests, untrusted, grep, files, timeout, copy)
//     --verbose             also print the browser console and code-server's log
// Exit code: 0 when every run passed; otherwise the first non-zero code (codeAutomationExit, 1 for failures
// read from the results file, 124 on timeout, 2 for harness errors).
import fs from 'node:fs';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import {
  ROOT, VSCODE_TEST, copyWorkspace, freshDir, launchBrowser, quietSettings, resolveWorkspace, startCodeServer, tail,
  workbenchUrl, writeUserSettings,
} from './code-server.mjs';

const DEFAULTS = {
  workspace: 'test/fixtures/workspaces/basic',
  tests: 'out/test/vscode/suite/index.js',
  timeout: 300,
};

/** Line that test/vscode/suite/index.ts logs first; the workbench's own log lines come before it. */
const START_MARKER = '[prfaq-trace-tests] start';

/** Workbench log lines that say nothing about the tests (printed with --verbose only). */
const NOISE = [
  /^Ignoring fetching additional builtin extensions from gallery as it is disabled\.$/,
  /^Updating additional builtin extensions cache$/,
  /^CodeExpectedError\b/, // the workbench logs expected errors (e.g. a file a test deleted) with a stack
];

/** Text of one codeAutomationLog call: (type, args), args being the console.log arguments (format string first). */
function formatLog(args) {
  const list = Array.isArray(args) ? args : [args];
  return format(...list);
}

function readResults(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * One run: fresh user-data/extensions/profile dirs, code-server, chromium, wait for codeAutomationExit.
 * @returns {Promise<{code: number, results?: {passes: number, failures: number, pending: number, tests: number}}>}
 */
export async function runExtensionTests(opts) {
  const o = { ...DEFAULTS, ...opts };
  const ws = resolveWorkspace(o.workspace);
  const name = o.name || path.basename(ws.path).replace(/\.code-workspace$/, '');
  const testsPath = path.resolve(ROOT, o.tests);
  if (!fs.existsSync(testsPath)) {
    console.error(`[${name}] ${path.relative(ROOT, testsPath)} does not exist: run  npm run build:tests`);
    return { code: 2 };
  }
  if (!fs.existsSync(path.join(ROOT, 'dist/extension.js'))) {
    console.error(`[${name}] dist/extension.js does not exist: run  npm run build`);
    return { code: 2 };
  }
  const runDir = freshDir(path.join(VSCODE_TEST, 'runs', name));
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = freshDir(path.join(runDir, 'extensions'));
  const resultsFile = path.join(runDir, 'results.json');
  writeUserSettings(userDataDir, quietSettings({ untrusted: !!o.untrusted }));
  // Tests run on a scratch copy of the fixture unless copy: false (then they change the repository's files).
  const opened = o.copy === false ? ws.path : copyWorkspace(ws.path, runDir);

  const t0 = Date.now();
  const say = (msg) => console.log(`[${name}] ${msg}`);
  say(`${ws.param} ${path.relative(ROOT, ws.path)}${o.copy === false ? '' : ' (a copy)'}${o.untrusted ? ' (untrusted)' : ''}, tests ${path.relative(ROOT, testsPath)}` +
    (o.grep ? `, grep /${o.grep}/` : '') + (o.files ? `, files /${o.files}/` : ''));

  let server;
  let context;
  let timer;
  let settled = false;
  try {
    server = await startCodeServer({
      userDataDir,
      extensionsDir,
      workspace: opened,
      untrusted: !!o.untrusted,
      logFile: path.join(runDir, 'code-server.log'),
      env: {
        PRFAQ_TRACE_TEST_GREP: o.grep,
        PRFAQ_TRACE_TEST_FILES: o.files,
        PRFAQ_TRACE_TEST_RESULTS: resultsFile,
        PRFAQ_TRACE_TEST_WORKSPACE: opened,
        PRFAQ_TRACE_TEST_TRUST: o.untrusted ? 'untrusted' : 'trusted',
      },
    });
    context = await launchBrowser(path.join(runDir, 'chromium'));

    let resolveExit;
    const exitCode = new Promise((r) => (resolveExit = r));
    await context.exposeFunction('codeAutomationExit', (code) => resolveExit({ code: Number(code), via: 'codeAutomationExit' }));
    // codeAutomationLog carries the workbench's own log and the extension host's console alike. Lines before
    // the suite's start marker are the workbench starting up: kept back unless --verbose or the run fails.
    const early = [];
    let started = !!o.verbose;
    await context.exposeFunction('codeAutomationLog', (type, args) => {
      const text = formatLog(args).replace(/\n$/, '');
      if (!started && text.startsWith(START_MARKER)) started = true;
      if (started && (o.verbose || !NOISE.some((re) => re.test(text)))) console.log(text);
      else early.push(`[${name}] workbench ${type}: ${text}`);
    });
    const printEarly = () => {
      if (!started && early.length) console.log(early.join('\n'));
    };
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (err) => o.verbose && console.log(`[${name}] pageerror: ${err.message}`));
    page.on('console', (m) => o.verbose && console.log(`[${name}] browser ${m.type()}: ${m.text()}`));
    page.on('crash', () => resolveExit({ code: 3, via: 'page crash' }));
    page.on('close', () => resolveExit({ code: 3, via: 'page closed' }));

    const timeout = new Promise((r) => {
      timer = setTimeout(() => r({ code: 124, via: `timeout after ${o.timeout} s` }), o.timeout * 1000);
    });
    // Fallback: once run() wrote its results, give codeAutomationExit 15 s to arrive.
    const wait = (ms) => new Promise((r) => setTimeout(r, ms).unref());
    const fallback = (async () => {
      while (!settled && !fs.existsSync(resultsFile)) await wait(250);
      for (let i = 0; !settled && i < 60; i++) await wait(250);
      if (settled) return new Promise(() => {}); // never wins the race below
      const res = readResults(resultsFile);
      return { code: res && res.failures === 0 && res.tests > 0 ? 0 : 1, via: 'results file' };
    })();

    await page.goto(workbenchUrl(server, { workspace: opened, extensionDevelopmentPath: ROOT, extensionTestsPath: testsPath }));
    const outcome = await Promise.race([exitCode, timeout, fallback]);
    settled = true;

    const results = readResults(resultsFile);
    let code = outcome.code;
    if (code === 0 && results && (results.failures > 0 || results.tests === 0)) code = 1; // belt and braces
    if (code === 0 && !results) say('warning: no results file (is --tests a runner that writes PRFAQ_TRACE_TEST_RESULTS?)');
    if (outcome.via !== 'codeAutomationExit') say(`result taken from ${outcome.via}`);
    if (code !== 0) printEarly();
    if (code !== 0 && (o.verbose || outcome.code === 124 || outcome.code === 3)) {
      console.log(`[${name}] code-server log (tail):\n${tail(server.logFile)}`);
    }
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    if (results) {
      const counts = `${results.passes} passed, ${results.failures} failed` + (results.pending ? `, ${results.pending} skipped` : '');
      console.log(o.summaryLine === false ? `[${name}] ${counts}` : `${name}: ${counts}`);
    }
    say(`exit ${code} (${outcome.via}) in ${secs} s`);
    return { code, results };
  } catch (err) {
    say(`harness error: ${err instanceof Error ? err.stack : err}`);
    return { code: 2 };
  } finally {
    settled = true;
    clearTimeout(timer);
    await context?.close().catch(() => {});
    await server?.stop();
  }
}

/** Runs several suites one after another; returns the first non-zero exit code (or 0). */
export async function runSuites(suites, common = {}) {
  let first = 0;
  const totals = { passes: 0, failures: 0, pending: 0 };
  for (const s of suites) {
    const { code, results } = await runExtensionTests({ ...common, ...s });
    if (results) for (const k of Object.keys(totals)) totals[k] += results[k] ?? 0;
    if (code !== 0 && first === 0) first = code;
  }
  if (suites.length > 1) {
    console.log(`vscode: ${totals.passes} passed, ${totals.failures} failed` + (totals.pending ? `, ${totals.pending} skipped` : ''));
  }
  return first;
}

async function main() {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string' },
      tests: { type: 'string' },
      untrusted: { type: 'boolean' },
      grep: { type: 'string' },
      files: { type: 'string' },
      name: { type: 'string' },
      timeout: { type: 'string' },
      suites: { type: 'string' },
      verbose: { type: 'boolean' },
      'no-copy': { type: 'boolean' },
    },
    strict: true,
  });
  const common = {
    ...(values.timeout ? { timeout: Number(values.timeout) } : {}),
    ...(values.verbose ? { verbose: true } : {}),
    ...(values.grep ? { grep: values.grep } : {}),
  };
  let suites;
  if (values.suites) {
    suites = JSON.parse(fs.readFileSync(path.resolve(ROOT, values.suites), 'utf8'));
    if (!Array.isArray(suites) || suites.length === 0) throw new Error(`${values.suites}: expected a non-empty array`);
  } else {
    suites = [{
      ...(values.workspace ? { workspace: values.workspace } : {}),
      ...(values.tests ? { tests: values.tests } : {}),
      ...(values.untrusted ? { untrusted: true } : {}),
      ...(values.files ? { files: values.files } : {}),
      ...(values.name ? { name: values.name } : {}),
      ...(values['no-copy'] ? { copy: false } : {}),
    }];
  }
  process.exitCode = await runSuites(suites, common);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 2;
  });
}
