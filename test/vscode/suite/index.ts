// Mocha entry point that VS Code's extension host calls (`extensionTestsPath` points at the bundled
// out/test/vscode/suite/index.js). It loads every bundled `*.test.js` under its own directory, runs them
// with the spec reporter and resolves/rejects by the result. Works under code-server (harness/run-extension-tests.mjs)
// and under desktop VS Code (electron/run.mjs).
//
// Environment (reaches the extension host only through code-server's / VS Code's own environment):
//   PRFAQ_TRACE_TEST_GREP     mocha --grep pattern
//   PRFAQ_TRACE_TEST_FILES    regular expression on the test file path relative to this directory
//                             (e.g. "^untrusted/"); default: every *.test.js
//   PRFAQ_TRACE_TEST_RESULTS  file to write the result to as JSON (the runner's fallback to codeAutomationExit)
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** First line of every run; the code-server runner prints the extension host's console from here on. */
export const START_MARKER = '[prfaq-trace-tests] start';

export interface SuiteResult {
  passes: number;
  failures: number;
  pending: number;
  tests: number;
  files: string[];
  error?: string;
}

function writeResult(result: SuiteResult): void {
  const file = process.env.PRFAQ_TRACE_TEST_RESULTS;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
}

function findTestFiles(dir: string, filter: RegExp | undefined): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.test.js'))
    .filter((f) => !filter || filter.test(f))
    .sort();
}

export function run(): Promise<void> {
  const grep = process.env.PRFAQ_TRACE_TEST_GREP;
  const filesPattern = process.env.PRFAQ_TRACE_TEST_FILES;
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    timeout: 20_000,
    color: false,
    ...(grep ? { grep } : {}),
  });

  const files = findTestFiles(__dirname, filesPattern ? new RegExp(filesPattern) : undefined);
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  console.log(`${START_MARKER}: ${files.length} file(s)` + (grep ? `, grep /${grep}/` : ''));

  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      const error = `no *.test.js files under ${__dirname}` + (filesPattern ? ` matching /${filesPattern}/` : '');
      writeResult({ passes: 0, failures: 1, pending: 0, tests: 0, files, error });
      reject(new Error(error));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0, tests = 0 } = runner.stats ?? {};
        writeResult({ passes, failures, pending, tests, files });
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (err) {
      writeResult({ passes: 0, failures: 1, pending: 0, tests: 0, files, error: String(err) });
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
