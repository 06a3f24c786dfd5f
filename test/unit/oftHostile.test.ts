import { strict as assert } from 'node:assert';
import { findSourceTags } from '../../src/core/source/sourceTags';
import { indexFiles, prfaq } from './helpers';

/** Hostile lines for the OFT reader and the tag scan: each must cost time linear in its length. */

const LONG = 200_000;

function timed(label: string, run: () => void, budgetMs = 3000): void {
  const started = Date.now();
  run();
  const took = Date.now() - started;
  assert.ok(took < budgetMs, `${label} took ${took} ms`);
}

describe('OpenFastTrace reading of hostile input', () => {
  const lines: Array<[string, string]> = [
    ['a long word before an arrow', `${'a'.repeat(LONG)} --> `],
    ['many arrows', 'a --> '.repeat(LONG / 6)],
    ['a Needs: line with trailing spaces and no end', `\`req~x~1\`\nNeeds: dsn${' '.repeat(LONG)}x`],
    ['a Covers: line of spaces', `\`req~x~1\`\nCovers:${' '.repeat(LONG)}`],
    ['a Needs bullet of many words', `\`req~x~1\`\nNeeds:\n- ${'word '.repeat(LONG / 5)}`],
    ['a Covers bullet of tildes', `\`req~x~1\`\nCovers:\n- ${'a~'.repeat(LONG / 2)}`],
    ['a Covers bullet of one long word', `\`req~x~1\`\nCovers:\n- ${'b'.repeat(LONG)}~`],
    ['an ID-like line start', `${'c'.repeat(LONG)}~x~y`],
    ['a long comment with oft:on', `<!-- oft:off -->\n\n<!-- ${'oft:on '.repeat(LONG / 7)}`],
  ];
  for (const [label, body] of lines) {
    it(`reads ${label} in linear time`, async () => {
      await timedAsync(label, () => indexFiles({ 'spec.md': prfaq(`${body}\n`) }));
    });
  }

  it('scans hostile source lines for tags in linear time', () => {
    for (const line of ['[impl->dsn~x~1>>' + ' '.repeat(LONG), '[a->~'.repeat(LONG / 5), '['.repeat(LONG), `[${'d'.repeat(LONG)}`, '[[x:1'.repeat(LONG / 5)]) {
      timed(line.slice(0, 20), () => findSourceTags(line));
    }
  });
});

async function timedAsync(label: string, run: () => Promise<unknown>, budgetMs = 5000): Promise<void> {
  const started = Date.now();
  await run();
  const took = Date.now() - started;
  assert.ok(took < budgetMs, `${label} took ${took} ms`);
}
