import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createCachingParser,
  createInProcessParser,
  defaultConfig,
  type DocModel,
  type DocumentParser,
  type ParseInput,
} from '../../src/core/api';
import { FileModelStore, sha1 } from '../../src/node/fileModelStore';
import { createWorkerParser } from '../../src/node/workerParser';
import { prfaq } from './helpers';

const repo = join(__dirname, '..', '..');
const workerScript = join(repo, 'dist', 'parseWorker.js');

const examples: ParseInput[] = ['prfaq/one-click-checkout.md', 'design/checkout-service.md', 'design/saved-addresses.md', 'README.md'].map((path) => ({
  uri: `file:///ex/${path}`,
  text: readFileSync(join(repo, 'examples', path), 'utf8'),
}));

function countingParser(): DocumentParser & { parsed: string[] } {
  const inner = createInProcessParser(defaultConfig);
  const parsed: string[] = [];
  return { parsed, parse: (inputs) => (parsed.push(...inputs.map((i) => i.uri)), inner.parse(inputs)) };
}

describe('parsers', function () {
  this.timeout(60_000);
  before(() => {
    // Always rebuild: the bundles must hold the code under test.
    spawnSync(process.execPath, [join(repo, 'esbuild.config.mjs')], { cwd: repo, stdio: 'inherit' });
  });

  it('worker-thread parsing gives the same models as parsing in-process', async () => {
    const workers = createWorkerParser(defaultConfig, { workers: 2, script: workerScript });
    try {
      const inProcess = await createInProcessParser(defaultConfig).parse(examples);
      assert.deepEqual(await workers.parse(examples), inProcess);
      assert.equal(inProcess[3], undefined, 'README is not analysed');
    } finally {
      workers.dispose();
    }
  });

  it('abandons a document that exceeds the time budget with a parse-failed finding, and keeps working', async () => {
    const workers = createWorkerParser(defaultConfig, { workers: 1, budgetMs: 300, script: workerScript });
    try {
      // One 1.5 MB line: under every limit the parser checks first, and seconds to parse.
      const hostile = { uri: 'file:///ws/slow.md', text: prfaq(`${'word '.repeat(300_000)}\n`) };
      const started = Date.now();
      const [model] = await workers.parse([hostile]);
      assert.ok(Date.now() - started < 5_000);
      assert.equal(model?.kind, 'prfaq');
      assert.deepEqual(model?.findings.map((f) => f.code), ['parse-failed']);
      assert.match(model?.findings[0]?.message ?? '', /longer than 0\.3 s/);
      const [next] = await workers.parse([examples[0] as ParseInput]);
      assert.equal(next?.requirements.length, 9, 'the replaced worker parses the next document');
    } finally {
      workers.dispose();
    }
  });

  it('the cache returns an equal model for an unchanged file without parsing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prfaq-cache-'));
    try {
      const first = countingParser();
      const store = new FileModelStore(dir, defaultConfig);
      const cold = await createCachingParser(first, store, sha1).parse(examples);
      await store.save();
      assert.equal(first.parsed.length, 4);

      const second = countingParser();
      const warm = await createCachingParser(second, new FileModelStore(dir, defaultConfig), sha1).parse(examples);
      assert.deepEqual(second.parsed, [], 'nothing is parsed on a warm start, ordinary markdown included');
      assert.deepEqual(warm, cold);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the cache misses after a change to the file, the configuration or the parser version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prfaq-cache-'));
    try {
      const store = new FileModelStore(dir, defaultConfig);
      await createCachingParser(countingParser(), store, sha1).parse(examples);
      await store.save();

      const edited = examples.map((input, i) => (i === 0 ? { ...input, text: input.text.replace('CHK-6', 'CHK-66') } : input));
      const afterEdit = countingParser();
      const models = await createCachingParser(afterEdit, new FileModelStore(dir, defaultConfig), sha1).parse(edited);
      assert.deepEqual(afterEdit.parsed, ['file:///ex/prfaq/one-click-checkout.md']);
      assert.ok((models[0] as DocModel).requirements.some((r) => r.id === 'CHK-66'));

      const otherConfig = countingParser();
      await createCachingParser(otherConfig, new FileModelStore(dir, { ...defaultConfig, idPattern: 'X-[0-9]+' }), sha1).parse(examples);
      assert.equal(otherConfig.parsed.length, 4);

      // A parser-version bump: the stored file names another version, so nothing is reused.
      const file = join(dir, readdirSync(dir)[0] as string);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"version":"[^"]+"/, '"version":"prfaq-trace-parser-0"'));
      const afterBump = countingParser();
      await createCachingParser(afterBump, new FileModelStore(dir, defaultConfig), sha1).parse(examples);
      assert.equal(afterBump.parsed.length, 4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
