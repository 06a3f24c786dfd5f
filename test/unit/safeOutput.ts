import { strict as assert } from 'node:assert';

/** What no line of human-readable output may hold: control characters, line breaks, bidi overrides, lone surrogates. */
export const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Every line of `output` is safe to print to a terminal and to a GitHub Actions log: no control
 * character, no `::` workflow command at its start (the runner trims leading white space first),
 * no legacy `##[command]` anywhere.
 */
export function assertSafeOutput(output: string, what = 'output'): void {
  assert.ok(output.endsWith('\n'), `${what} ends with a line break`);
  const lines = output.slice(0, -1).split('\n');
  lines.forEach((line, i) => {
    const context = `${what} line ${i + 1}: ${JSON.stringify(line)}`;
    assert.ok(!UNSAFE.test(line), `control character in ${context}`);
    assert.ok(!/^\s*::/.test(line), `workflow command at the start of ${context}`);
    assert.ok(!line.includes('##['), `legacy workflow command in ${context}`);
  });
}
