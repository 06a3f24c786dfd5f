// Negative control: this test fails on purpose. `npm run test:negative` runs the harness on it and passes
// only when the harness exits non-zero. It lives outside test/vscode/suite/, so the normal suites never load it.
import * as assert from 'node:assert/strict';

suite('negative control', () => {
  test('passes (so a partial run is visible in the log)', () => {
    assert.equal(1 + 1, 2);
  });

  test('fails on purpose', () => {
    assert.equal(1 + 1, 3, 'deliberate failure: the harness must report this run as failed');
  });
});
