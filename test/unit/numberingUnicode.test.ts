import { strict as assert } from 'node:assert';
import { ConfigError, createIdMatcher, numberCommitments, resolveConfig } from '../../src/core/api';
import { mustParse } from './helpers';

const UNICODE = '\\p{Lu}[\\p{Lu}0-9]*-[0-9]+';

describe('ID patterns compiled with the u flag', () => {
  it('\\p{Lu} matches upper-case letters of any script', () => {
    const ids = createIdMatcher(resolveConfig({ idPattern: UNICODE }).idPattern);
    assert.ok(ids.isId('ЧЕК-1'));
    assert.ok(ids.isId('CHK-12'));
    assert.ok(ids.isId('ÉTÉ-3'));
    assert.ok(!ids.isId('чек-1'));
    assert.deepEqual(ids.findAll('see ЧЕК-1, CHK-2 and ΑΒΓ-3.').map((t) => t.id), ['ЧЕК-1', 'CHK-2', 'ΑΒΓ-3']);
  });

  it('defines and numbers requirements with a Cyrillic prefix', () => {
    const config = resolveConfig({ idPattern: UNICODE });
    const text = '---\ntype: prfaq\n---\n## Обязательства\n\n- ЧЕК-1 Оплата в один клик.\n- Возврат за 24 часа.\n';
    assert.deepEqual(mustParse(text, 'doc.md', config).requirements.map((r) => `${r.id} ${r.title}`), ['ЧЕК-1 Оплата в один клик.']);
    const result = numberCommitments(text, { prefix: 'ЧЕК', ids: createIdMatcher(config.idPattern), scope: { kind: 'lines', from: 6, to: 6 } });
    assert.ok('edits' in result);
    assert.deepEqual(result.assigned.map((a) => a.id), ['ЧЕК-2']);
  });

  it('matches whole tokens in any script: a letter touching the ID, before or after, makes it no ID', () => {
    const ids = createIdMatcher(UNICODE);
    assert.deepEqual(ids.findAll('xЧЕК-1 ЧЕК-1я éCHK-2 CHK-3').map((t) => t.id), ['CHK-3']);
    assert.deepEqual(createIdMatcher().findAll('éCHK-2 CHK-3ü (CHK-4)').map((t) => t.id), ['CHK-4']);
  });

  it('an invalid pattern, or one that only works without the u flag, is a one-line configuration error', () => {
    for (const pattern of ['[A-Z', 'CHK\\-\\d+', '\\p{Nope}-[0-9]+', '(?<name>A)(?<name>B)-1']) {
      assert.throws(
        () => resolveConfig({ idPattern: pattern }),
        (error: unknown) => error instanceof ConfigError && /^"idPattern" is not a valid regular expression \(compiled with the u flag\): /.test(error.message) && !error.message.includes('\n'),
        pattern,
      );
    }
    assert.throws(() => resolveConfig({ idPattern: '\\p{Lu}*' }), /must not match the empty string/);
  });
});
