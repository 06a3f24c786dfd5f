import { strict as assert } from 'node:assert';
import { ConfigError, createIdMatcher, DEFAULT_ID_PATTERN, resolveConfig } from '../../src/core/api';
import { idPatternProblem } from '../../src/core/idPatternSafety';
import { OFT_ID_PATTERN } from '../../src/core/ids';
import { pick, seededRandom } from './random';

/** Patterns whose matching takes exponential or polynomial time on some line of text. */
const catastrophic = [
  '(A+)+B',
  '(?:A+)*-1',
  '([A-Z]+)*-[0-9]+',
  '(a|a)*-1',
  '(A|AB|B)*-1',
  '(?:(?:AB)+)+-1',
  '(?:A*)*-1',
  '(?:X+X+)+-1',
  '[A-Z]*[A-Z]*-1',
  '[A-Z]+[A-Z0-9]+[A-Z]+-1',
  '\\.+X',
  '(A)\\1-1',
  `${'[A-Z]'.repeat(101)}`,
];

/** Patterns people write for IDs. */
const ordinary = [
  DEFAULT_ID_PATTERN,
  OFT_ID_PATTERN,
  '\\p{Lu}[\\p{Lu}0-9]*-[0-9]+',
  'REQ-[0-9]{1,6}',
  '(?:REQ|FR|NFR)-\\d+',
  '[A-Z]+(?:-[A-Z]+)*-\\d+',
  '(?:[A-Z]+-)+\\d+',
  '[A-Z]{2,5}-\\d+(?:\\.\\d+)*',
  'CHK-[0-9]+(?:\\.[0-9]+)?',
  '[A-Z]{2,}_\\d{1,5}',
];

/** Runs of one string, the shape that makes backtracking matchers slow. */
function attacks(n: number): string[] {
  return ['A', 'B', 'X', '-', '1', '.', 'A-', 'AB', 'A1', '-A', 'A-1', ' A'].map((unit) => ` ${unit.repeat(Math.ceil(n / unit.length))}!`);
}

describe('ID pattern safety', () => {
  it('refuses patterns that can backtrack catastrophically, with a one-line configuration error', () => {
    for (const pattern of catastrophic) {
      assert.throws(
        () => resolveConfig({ idPattern: pattern }),
        (error: unknown) => error instanceof ConfigError && /^"idPattern" is refused because matching it could take minutes on hostile text: it /.test(error.message) && !error.message.includes('\n'),
        pattern,
      );
    }
  });

  it('accepts the patterns people write for IDs, and matches them in time linear in the text', () => {
    for (const pattern of ordinary) {
      assert.equal(idPatternProblem(pattern), undefined, pattern);
      assert.equal(resolveConfig({ idPattern: pattern }).idPattern, pattern);
      const ids = createIdMatcher(pattern);
      for (const text of attacks(20_000)) {
        const started = performance.now();
        ids.findAll(text);
        ids.matchAtStart(text);
        // Linear work on 20,000 characters is well under a millisecond; quadratic work is seconds.
        assert.ok(performance.now() - started < 250, `${pattern} on ${JSON.stringify(text.slice(0, 8))}…`);
      }
    }
  });

  it('accepts only patterns that match in linear time (seeded random patterns against runs of one string)', function () {
    this.timeout(60_000);
    const random = seededRandom(10);
    const atoms = ['A', 'B', '-', '1', '.', '[A-Z]', '[AB]', '\\d', '[A-Z0-9]', '\\w'];
    const quantifiers = ['', '', '*', '+', '?', '{1,3}', '{2,}'];
    const generate = (depth: number): string => {
      let out = '';
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        const group = depth > 0 && random() < 0.35;
        const piece = group ? `(?:${random() < 0.3 ? `${generate(depth - 1)}|${generate(depth - 1)}` : generate(depth - 1)})` : pick(random, atoms);
        out += piece + pick(random, quantifiers);
      }
      return out;
    };
    let accepted = 0;
    for (let i = 0; i < 150; i++) {
      const pattern = generate(2);
      if (new RegExp(`^(?:${pattern})$`, 'u').test('') || idPatternProblem(pattern)) continue;
      accepted++;
      const ids = createIdMatcher(pattern);
      for (const text of attacks(20_000)) {
        const started = performance.now();
        ids.findAll(text);
        assert.ok(performance.now() - started < 250, `${pattern} on ${JSON.stringify(text.slice(0, 8))}…`);
      }
    }
    assert.ok(accepted > 30, `${accepted} of 150 accepted`);
  });
});
