import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildReport,
  createIdMatcher,
  createInProcessParser,
  decodeText,
  defaultConfig,
  renderMarkdown,
  WorkspaceIndex,
  type DocKind,
  type DocModel,
  type ParseInput,
} from '../../src/core/api';
import { safeParse } from '../../src/core/parsing';
import { createWorkerParser } from '../../src/node/workerParser';
import { hostileDocuments } from '../fixtures/hostile/generate';

const repo = join(__dirname, '..', '..');
const fixtures = join(repo, 'test', 'fixtures', 'hostile');
const ids = createIdMatcher();

function input(name: string, content: string | Uint8Array, kindByPath?: DocKind): ParseInput {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { uri: `file:///hostile/${name}`, text: decodeText(bytes).text, byteLength: bytes.byteLength, ...(kindByPath ? { kindByPath } : {}) };
}

function fixture(name: string, kindByPath?: DocKind): ParseInput {
  return input(name, readFileSync(join(fixtures, name)), kindByPath);
}

function parse(doc: ParseInput): DocModel | undefined {
  return safeParse(doc, { ids, maxFileSize: defaultConfig.maxFileSize });
}

function codes(model: DocModel | undefined): string[] {
  return (model?.findings ?? []).map((f) => f.code);
}

/** Time of an ordinary design-doc parse of about `size` characters (the yardstick for hostile inputs). */
function normalParseMs(size: number): number {
  const section = readFileSync(join(repo, 'examples', 'design', 'checkout-service.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '');
  let body = '';
  while (body.length < size) body += section;
  const text = `---\ntype: design\n---\n${body.slice(0, size)}`;
  const started = performance.now();
  parse(input('normal.md', text));
  return Math.max(performance.now() - started, 5);
}

describe('hostile input', function () {
  this.timeout(120_000);
  const generated = hostileDocuments();

  it('never executes ---js / ---javascript frontmatter and reports it', () => {
    for (const name of ['js-frontmatter.md', 'javascript-frontmatter.md']) {
      const model = parse(fixture(name));
      assert.deepEqual(codes(model), ['invalid-frontmatter', 'missing-co-owner'], name);
      assert.match(model?.findings[0]?.message ?? '', /only YAML frontmatter/);
    }
    assert.equal(existsSync('/tmp/prfaq-trace-pwned'), false);
    // The CLI on the same files: it runs to the end (process.exit(42) in the frontmatter never ran).
    const result = spawnSync(process.execPath, [join(repo, 'dist', 'cli.js'), 'check', fixtures, '--fail-on', 'none', '--workers', '0'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('rejects a YAML alias bomb quickly with invalid-frontmatter', () => {
    const started = performance.now();
    const model = parse(fixture('alias-bomb.md'));
    assert.ok(performance.now() - started < 20 * normalParseMs(400));
    assert.deepEqual(codes(model), ['invalid-frontmatter', 'missing-co-owner']);
    assert.match(model?.findings[0]?.message ?? '', /alias/);
  });

  it('reports frontmatter that is a list or a single value, and owners of the wrong type', () => {
    assert.deepEqual(codes(parse(fixture('frontmatter-list.md', 'prfaq'))), ['invalid-frontmatter', 'missing-co-owner']);
    assert.deepEqual(codes(parse(fixture('frontmatter-scalar.md', 'prfaq'))), ['invalid-frontmatter', 'missing-co-owner']);
    assert.deepEqual(codes(parse(fixture('owners-wrong-type.md'))), ['invalid-frontmatter', 'invalid-frontmatter', 'missing-co-owner']);
  });

  it('does not parse a 20 MB document and reports file-too-large naming the limit, in a sniff\'s time', () => {
    const doc = input('huge-20mb.md', generated['huge-20mb.md'] as string);
    const started = performance.now();
    const model = parse(doc);
    const elapsed = performance.now() - started;
    assert.deepEqual(codes(model), ['file-too-large']);
    assert.match(model?.findings[0]?.message ?? '', /2000000-byte limit/);
    assert.equal(model?.findings[0]?.severity, 'info');
    assert.ok(elapsed < normalParseMs(20_000), `${elapsed} ms`);
  });

  it('refuses pathological nesting with parse-failed, far faster than a normal parse of the same size', () => {
    for (const name of ['nested-blockquotes.md', 'nested-list.md', 'nested-indented-list.md']) {
      const doc = input(name, generated[name] as string);
      const started = performance.now();
      const model = parse(doc);
      const elapsed = performance.now() - started;
      assert.deepEqual(codes(model), ['parse-failed'], name);
      assert.match(model?.findings[0]?.message ?? '', /nested more than 100 levels/);
      assert.ok(elapsed < normalParseMs(doc.text.length), `${name}: ${elapsed} ms`);
    }
  });

  it('refuses quadratic inputs over the work limits before parsing, and abandons the rest in a worker within the time budget', async () => {
    // 60,000 emphasis or link closers in one paragraph: over the parse-unit limit of a section.
    for (const name of ['emphasis-closers.md', 'link-closers.md']) {
      const doc = input(name, generated[name] as string);
      const started = performance.now();
      const model = parse(doc);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < normalParseMs(doc.text.length), `${name} refused in a line scan: ${elapsed} ms`);
      assert.deepEqual(codes(model), ['file-too-large'], name);
      assert.match(model?.findings[0]?.message ?? '', /^one top-level section has about [0-9,]+ blocks and inline marks/);
    }
    const yardstick = normalParseMs(180_000);
    const budgetMs = Math.max(1_000, Math.round(10 * yardstick));
    const parser = createWorkerParser(defaultConfig, { workers: 2, budgetMs, script: join(repo, 'dist', 'parseWorker.js') });
    try {
      // Under the limits: one 1.5 MB line, and 3,900 closers in one paragraph (just under the 4,000 delimiters of a block).
      const docs = [input('long-line.md', generated['long-line.md'] as string), input('emphasis-closers-under-limits.md', `---\ntype: prfaq\nowners: {pm: "@a", engineer: "@b"}\n---\n${'a_ '.repeat(3_900)}`)];
      const started = performance.now();
      const models = await parser.parse(docs);
      const elapsed = performance.now() - started;
      // One budget at most (two workers, two documents), plus start-up.
      assert.ok(elapsed < budgetMs + 20 * yardstick + 3_000, `${elapsed} ms for budget ${budgetMs} ms`);
      for (const [i, model] of models.entries()) {
        assert.equal(model?.kind, 'prfaq', docs[i]?.uri);
        const found = codes(model);
        assert.ok(found.length === 0 || found.includes('parse-failed'), `${docs[i]?.uri}: ${found}`);
      }
    } finally {
      parser.dispose();
    }
  });

  it('reads binary data named .md sensibly: not analysed without frontmatter, no exception with it', async () => {
    assert.equal(parse(input('binary.md', generated['binary.md'] as Uint8Array)), undefined);
    const parser = createWorkerParser(defaultConfig, { workers: 1, budgetMs: 30_000, script: join(repo, 'dist', 'parseWorker.js') });
    try {
      const [model] = await parser.parse([input('binary-with-frontmatter.md', generated['binary-with-frontmatter.md'] as Uint8Array)]);
      assert.equal(model?.kind, 'prfaq');
    } finally {
      parser.dispose();
    }
  });

  it('reads CRLF, lone CR, a BOM, invalid UTF-8, NUL bytes and empty files sensibly', () => {
    const crlf = parse(fixture('crlf-mixed.md'));
    assert.deepEqual(crlf?.requirements.map((r) => [r.id, r.title, r.idRange.start.line]), [
      ['CHK-1', 'Windows line', 8],
      ['CHK-2', 'old Mac line', 9],
      ['CHK-3', 'Unix line', 10],
    ]);
    assert.deepEqual(codes(crlf), []);
    const bom = parse(fixture('bom.md'));
    assert.deepEqual(bom?.requirements.map((r) => r.id), ['CHK-1']);
    assert.deepEqual(codes(bom), []);
    const utf8 = parse(fixture('invalid-utf8.md'));
    assert.deepEqual(utf8?.requirements.map((r) => r.id), ['CHK-1', 'CHK-2']);
    assert.match(utf8?.requirements[0]?.title ?? '', /bad bytes \uFFFD/);
    assert.equal(parse(fixture('empty.md')), undefined);
    assert.deepEqual(codes(parse(fixture('empty.md', 'prfaq'))), ['missing-co-owner']);
  });

  it('ignores IDs of absurd length', () => {
    const model = parse(fixture('absurd-id.md'));
    assert.deepEqual(model?.requirements, []);
    assert.deepEqual(model?.mentions, []);
  });

  it('shows markup in titles and owners as text in the markdown report', async () => {
    const index = new WorkspaceIndex();
    const [model] = await createInProcessParser(defaultConfig).parse([fixture('xss-title.md')]);
    assert.ok(model);
    index.set(model);
    const report = renderMarkdown(buildReport(index, 'file:///hostile'));
    assert.ok(!/(^|[^\\])<(img|script|b )/im.test(report), report);
    assert.match(report, /\\<img src=x onerror=alert\(1\)\\>/);
  });
});
