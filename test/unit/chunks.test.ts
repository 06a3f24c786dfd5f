import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createIdMatcher, parseDocument, type DocModel } from '../../src/core/api';
import type { ChunkCache, ChunkModel } from '../../src/core/parsing';
import { splitIntoChunks } from '../../src/core/parse/chunks';
import { md } from './helpers';
import { pick, seededRandom } from './random';

const ids = createIdMatcher();
const examples = ['prfaq/one-click-checkout.md', 'design/checkout-service.md', 'design/saved-addresses.md'].map((path) =>
  readFileSync(new URL(`../../examples/${path}`, import.meta.url), 'utf8'),
);

function parse(text: string, extra: { chunkCache?: ChunkCache; wholeDocument?: boolean } = {}): DocModel | undefined {
  return parseDocument({ uri: 'file:///ws/doc.md', text }, { ids, maxFileSize: 1e7, ...extra });
}

function countingCache(): ChunkCache & { misses: number } {
  const map = new Map<string, ChunkModel>();
  const cache = {
    misses: 0,
    get: (text: string) => {
      const hit = map.get(text);
      if (!hit) cache.misses++;
      return hit;
    },
    set: (text: string, model: ChunkModel) => void map.set(text, model),
  };
  return cache;
}

describe('chunked parsing', () => {
  it('splits at column-0 H1/H2 headings after a blank line, outside fences and HTML blocks', () => {
    const text = md`
      # One
      text

      ## Two
      \`\`\`
      # not a split (code)

      ## nor this
      \`\`\`

      <!--
      ## inside a comment

      -->

      ### Three is not top-level
      <div>
      ## no blank line before: could continue an HTML block
      </div>

      ## Four
    `;
    const chunks = splitIntoChunks(text);
    assert.deepEqual(chunks.map((c) => c.text.split('\n')[0]), ['# One', '## Two', '## Four']);
    assert.equal(chunks.map((c) => c.text).join(''), text);
    assert.deepEqual(chunks.map((c) => c.startLine), [0, 3, 20]);
  });

  it('gives the same model as parsing the whole document, for every example doc', () => {
    for (const text of examples) {
      assert.ok(splitIntoChunks(text).length > 3, 'example docs have several chunks');
      assert.deepEqual(parse(text), parse(text, { wholeDocument: true }));
    }
  });

  it('after a series of random edits, reusing cached chunks gives exactly the model of a full parse', () => {
    const random = seededRandom(20261125);
    const tokens = ['CHK-1', 'CHK-42', '# ', '## New ', '```', '~~~', '<!--', '-->', '<div>', '</div>', '<pre>', '- ', 'Covers: CHK-2', '\n', '\n\n', '**', '`', 'x'];
    for (const original of examples) {
      const cache = countingCache();
      let text = original;
      for (let step = 0; step < 150; step++) {
        const lines = text.split('\n');
        const line = Math.floor(random() * lines.length);
        const current = lines[line] ?? '';
        const column = Math.floor(random() * (current.length + 1));
        lines[line] = random() < 0.7 ? current.slice(0, column) + pick(random, tokens) + current.slice(column) : current.slice(0, column);
        text = lines.join('\n');
        const incremental = parse(text, { chunkCache: cache });
        assert.deepEqual(incremental, parse(text, { wholeDocument: true }), `step ${step}`);
      }
      assert.ok(cache.misses < 150 * 4, `cached chunks were reused (${cache.misses} misses)`);
    }
  });

  it('re-parses only the chunk an edit touched', () => {
    const text = examples[0] as string;
    const cache = countingCache();
    parse(text, { chunkCache: cache });
    const total = cache.misses;
    cache.misses = 0;
    parse(text.replace('Buy with one click', 'Buy with one tap'), { chunkCache: cache });
    assert.ok(total > 3);
    assert.equal(cache.misses, 1);
  });
});
