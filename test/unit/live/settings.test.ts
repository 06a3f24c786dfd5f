import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { affectedViewSettings, affectsIndex, indexSettings, settingKey, viewSettings } from '../../../src/core/api';

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, unknown> } };
};

describe('editor settings', () => {
  it('classifies every prfaqTrace.* setting of package.json once, as index or view setting', () => {
    const listed = [...indexSettings, ...viewSettings].map(settingKey);
    assert.equal(new Set(listed).size, listed.length);
    for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(listed.includes(key), `${key} is neither an index nor a view setting`);
  });

  it('tells index changes from view changes', () => {
    const change = (...keys: string[]) => ({ affects: (key: string) => keys.includes(key) });
    assert.equal(affectsIndex(change('prfaqTrace.include')), true);
    assert.equal(affectsIndex(change('prfaqTrace.me', 'prfaqTrace.sectionOwnerLens')), false);
    assert.deepEqual(affectedViewSettings(change('prfaqTrace.me', 'prfaqTrace.idPattern')), ['me']);
  });
});
