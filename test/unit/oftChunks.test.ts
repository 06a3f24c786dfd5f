import { strict as assert } from 'node:assert';
import { createIdMatcher, parseDocument, type DocModel } from '../../src/core/api';
import { splitIntoChunks } from '../../src/core/parse/chunks';
import { prfaq } from './helpers';
import { pick, seededRandom } from './random';

const ids = createIdMatcher();

function parse(text: string, wholeDocument: boolean): DocModel | undefined {
  return parseDocument({ uri: 'file:///ws/doc.md', text }, { ids, maxFileSize: 1e7, wholeDocument });
}

/** Lines that exercise the OFT reader and the chunk splitter together. */
const LINES = [
  '# Top',
  '## Part',
  '### Item title',
  '`req~a~1`',
  'dsn~b~2 text after the ID',
  'feat~c~1',
  'Needs: dsn, impl',
  'Needs:',
  '- utest',
  'Covers:',
  '- feat~c~1',
  '* [link](#req~a~1)',
  '1. feat~x~1',
  'Depends:',
  '+ req~a~1',
  'Tags: a, b',
  'Status: draft',
  'Rationale:',
  'Comment:',
  'arch --> dsn : req~a~1',
  '<!-- oft:off -->',
  '<!-- oft:on -->',
  'prose with oft:off in it',
  '```',
  '<!--',
  '-->',
  '- CHK-1 a list item',
  'Covers: CHK-1',
  're2q~x~1',
  '',
  '',
  'plain text',
];

describe('OpenFastTrace reading across chunks (seeded property test)', () => {
  it('gives the same model chunked as parsed whole, for random documents of OFT lines', () => {
    const random = seededRandom(0x0f7);
    for (let round = 0; round < 300; round++) {
      const body: string[] = [];
      const count = 5 + Math.floor(random() * 40);
      for (let i = 0; i < count; i++) body.push(pick(random, LINES));
      const text = prfaq(`${body.join('\n')}\n`);
      const whole = parse(text, true);
      const chunked = parse(text, false);
      assert.deepEqual(chunked, whole, `round ${round}:\n${text}`);
    }
  });

  it('does not split between oft:off and oft:on, and splits again after', () => {
    const text = '# A\n\n<!-- oft:off -->\n\n## B\n\n<!-- oft:on -->\n\n## C\n';
    assert.deepEqual(splitIntoChunks(text).map((c) => c.text.split('\n')[0]), ['# A', '## C']);
  });
});
