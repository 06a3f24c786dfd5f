import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { buildReport, createIdMatcher, defaultConfig, parseDocument, WorkspaceIndex } from '../../src/core/api';
import type { DocModel, Range } from '../../src/core/model';
import { splitIntoChunks } from '../../src/core/parse/chunks';
import { MAX_DOCUMENT_UNITS, MAX_SECTION_UNITS, measureParseWork, parseUnits, workLimitReason } from '../../src/core/parse/workLimits';
import { createWorkerParser, defaultWorkerCount, MAX_DEFAULT_WORKERS } from '../../src/node/workerParser';
import { WORKER_HEAP_MB } from '../../src/node/workerPool';

const repo = join(__dirname, '..', '..');
const ids = createIdMatcher();
const head = '---\ntype: prfaq\nowners:\n  pm: "@a"\n  engineer: "@b"\n---\n# Big\n\n';

function parse(text: string): DocModel | undefined {
  return parseDocument({ uri: 'file:///w/prfaq/big.md', text }, { ids, maxFileSize: defaultConfig.maxFileSize });
}

function lines(n: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) out.push(line(i));
  return out.join('');
}

const at = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 5 } });

/** Counts element reads of the arrays it wraps: the work the index does on a model. */
function counting<T>(items: T[], reads: { n: number }): T[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^[0-9]+$/.test(key)) reads.n++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** A PR/FAQ of `n` heading requirements (each its own section) and a design doc covering half of them. */
function largeWorkspace(n: number, reads: { n: number }): DocModel[] {
  const wrap = <T>(items: T[]) => counting(items, reads);
  const empty = { prfaqLinks: wrap([]), waivers: wrap([]), mentions: wrap([]), anchorLinks: wrap([]), threads: wrap([]), findings: wrap([]), reviewStamps: wrap([]), approvals: wrap([]) };
  const prfaq = {
    ...empty,
    uri: 'file:///w/prfaq/big.md',
    kind: 'prfaq',
    title: 'Big',
    owners: { roles: [], range: at(0) },
    fingerprint: 'f',
    lineCount: n + 1,
    sections: wrap(Array.from({ length: n }, (_, i) => ({ heading: `R-${i} x`, level: 2, slug: `r-${i}-x`, range: at(i), endLine: i, owners: [], parent: -1, fingerprint: 's' }))),
    requirements: wrap(
      Array.from({ length: n }, (_, i) => ({
        id: `R-${i}`,
        idRange: at(i),
        range: at(i),
        form: 'heading',
        title: 'x',
        text: 'x',
        anchors: [`r-${i}-x`, `r-${i}`],
        sectionIndex: i,
        fingerprint: 'q',
        type: 'prfaq',
        needs: ['design'],
        tags: [],
        depends: [],
      })),
    ),
    covers: wrap([]),
  } as unknown as DocModel;
  const design = {
    ...empty,
    uri: 'file:///w/design/big.md',
    kind: 'design',
    title: 'Design',
    owners: { roles: [], range: at(0) },
    fingerprint: 'f',
    lineCount: n + 1,
    sections: wrap([{ heading: 'All', level: 2, slug: 'all', range: at(0), endLine: n, owners: [], parent: -1, fingerprint: 's' }]),
    requirements: wrap([]),
    covers: wrap(Array.from({ length: n / 2 }, (_, i) => ({ id: `R-${i}`, range: at(i + 1), sectionIndex: 0, type: 'design' }))),
  } as unknown as DocModel;
  return [prfaq, design];
}

/** Element reads to index the workspace, derive every finding and build the report. */
function indexingWork(n: number): number {
  const reads = { n: 0 };
  const index = new WorkspaceIndex();
  for (const doc of largeWorkspace(n, reads)) index.set(doc);
  const findings = index.allFindings();
  assert.equal(findings.filter((f) => f.code === 'uncovered-requirement').length, n / 2);
  buildReport(index, 'file:///w');
  return reads.n;
}

describe('limits', function () {
  this.timeout(60_000);

  it('indexes one large PR/FAQ in work linear in its size (each requirement is not looked up by scanning all of them)', () => {
    // 80,000 headings took minutes: finding a requirement's definitions scanned every requirement of the document.
    const small = indexingWork(2_000);
    const large = indexingWork(8_000);
    const ratio = large / small;
    // 4 times the document: linear work reads about 4 times as much, quadratic work 16 times.
    assert.ok(ratio < 6, `work grew ${ratio.toFixed(1)} times for 4 times the document (${small} → ${large} reads)`);
  });

  describe('the work limits agree with the size limit and the memory and time budgets', () => {
    it('refuses, before parsing, documents under the size limit that would take gigabytes: file-too-large', () => {
      const cases = [
        // 100,000 list-item requirements in 1.2 MB took 40 s and 2 GB.
        { text: `${head}## Commitments\n\n${lines(100_000, (i) => `- R-${i} x\n`)}`, message: /^document has about 125,00\d blocks and inline marks .* over the 60,000 parsed in one document: not analysed/ },
        // 80,000 headings in 789 KB.
        { text: head + lines(80_000, (i) => `## R-${i} x\n`), message: /^document has about 100,00\d blocks/ },
        // Dense inline markup in one paragraph: one block, 150,000 emphasis nodes.
        { text: `${head}${'*a* '.repeat(150_000)}\n`, message: /^document has about 150,00\d blocks/ },
        // Emphasis delimiters that never close, matched against each other: quadratic (18,000 took 10 s).
        { text: `${head}${'a_ '.repeat(18_000)}\n`, message: /^one paragraph or list item has 18,000 emphasis and link delimiters .* over the 4,000 parsed in one block: not analysed$/ },
        { text: `${head}> ${'a] '.repeat(2_000)}\n> ${'a] '.repeat(2_001)}\n`, message: /^one paragraph or list item has 4,001 emphasis and link delimiters/ },
        // Under the document limit, but one section holds it all.
        { text: `${head}## Commitments\n\n${lines(25_000, (i) => `- R-${i} x\n`)}`, message: /^one top-level section has about 31,25\d blocks .* over the 20,000 parsed in one section: not analysed \(split it with ## headings\)$/ },
      ];
      for (const { text, message } of cases) {
        assert.ok(text.length < defaultConfig.maxFileSize, 'under the size limit');
        const started = performance.now();
        const model = parse(text);
        assert.ok(performance.now() - started < 3_000, 'refused in a line scan, not after parsing');
        assert.deepEqual(model?.findings.map((f) => f.code), ['file-too-large']);
        assert.match(model?.findings[0]?.message ?? '', message);
        assert.equal(model?.kind, 'prfaq', 'the document stays in the index as what it is');
      }
    });

    it('lets an ordinary 2 MB design doc through: the size limit is what bounds prose', () => {
      const section = readFileSync(join(repo, 'examples', 'design', 'checkout-service.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '');
      let body = '';
      while (body.length < defaultConfig.maxFileSize - 100) body += section;
      const text = `---\ntype: design\n---\n${body.slice(0, defaultConfig.maxFileSize - 100)}`;
      const sections = splitIntoChunks(text).map((chunk) => chunk.text);
      assert.equal(workLimitReason(sections), undefined);
      const units = sections.reduce((sum, chunk) => sum + parseUnits(chunk), 0);
      assert.ok(units > MAX_DOCUMENT_UNITS / 2 && units < MAX_DOCUMENT_UNITS, `${units} units`);
      assert.ok(Math.max(...sections.map(parseUnits)) < MAX_SECTION_UNITS / 10);
    });

    it('counts the delimiters of one block, not of fenced code or of separate blocks and table rows', () => {
      const many = (n: number) => '*x* '.repeat(n / 2);
      assert.equal(measureParseWork(`${many(3_000)}\n\n${many(3_000)}\n`).densestBlock, 3_000);
      assert.equal(measureParseWork(`- ${many(3_000)}\n- ${many(3_000)}\n`).densestBlock, 3_000);
      assert.equal(measureParseWork(`${many(3_000)}\n${many(3_000)}\n`).densestBlock, 6_000, 'a paragraph continues on the next line');
      assert.equal(measureParseWork(`\`\`\`\n${'snake_case_name '.repeat(3_000)}\n\`\`\`\nafter\n`).densestBlock, 0);
      assert.equal(measureParseWork(`| a | b |\n|---|---|\n${'| **x** | _y_ |\n'.repeat(2_000)}`).densestBlock, 6);
    });

    it('counts blocks, marks and lines the way the parser pays for them', () => {
      assert.equal(parseUnits(''), 0);
      assert.equal(parseUnits('one paragraph\nsecond line\n'), 1);
      assert.equal(parseUnits('- a\n- b\n- c\n- d\n'), 5); // 4 items, 4 lines
      assert.equal(parseUnits('# H\n\npara *em* and `code`\n\n> quote\n> more\n'), 4 + 2 + 1); // 4 blocks (heading, paragraph, 2 quoted lines), 4 marks, 5 lines
      assert.equal(parseUnits('| a | b |\n|---|---|\n| 1 | 2 |\n'), 3 + 5 + 0);
    });

    it('runs at most four parse workers by default, each with a bounded heap, and abandons one that reaches it', async function () {
      this.timeout(120_000);
      assert.ok(defaultWorkerCount() <= MAX_DEFAULT_WORKERS && MAX_DEFAULT_WORKERS * WORKER_HEAP_MB <= 2048, 'the peak does not grow with the core count');
      const out = mkdtempSync(join(tmpdir(), 'prfaq-limits-'));
      try {
        const script = join(out, 'parseWorker.js');
        buildSync({ entryPoints: [join(repo, 'src/node/parseWorker.ts')], outfile: script, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
        // Well under the work limits, and more than a 24 MB heap holds.
        const dense = `${head}## Commitments\n\n${lines(3_000, (i) => `- R-${i} *x*\n`)}`;
        assert.equal(workLimitReason(splitIntoChunks(dense).map((chunk) => chunk.text)), undefined);
        const parser = createWorkerParser(defaultConfig, { workers: 1, heapMb: 24, budgetMs: 60_000, script });
        try {
          const [model] = await parser.parse([{ uri: 'file:///w/prfaq/dense.md', text: dense }]);
          assert.equal(model?.kind, 'prfaq');
          assert.deepEqual(model?.findings.map((f) => f.code), ['parse-failed']);
          assert.match(model?.findings[0]?.message ?? '', /^parsing needed more than 24 MB of memory and was abandoned/);
          // The replaced worker goes on with the next document.
          const [next] = await parser.parse([{ uri: 'file:///w/prfaq/small.md', text: `${head}- R-1 x\n` }]);
          assert.deepEqual(next?.requirements.map((r) => r.id), ['R-1']);
        } finally {
          parser.dispose();
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });

    it('fails the tasks of a pool whose workers cannot start instead of starting them forever', async function () {
      this.timeout(20_000);
      const parser = createWorkerParser(defaultConfig, { workers: 2, script: join(tmpdir(), 'no-such-parse-worker.js') });
      try {
        const models = await parser.parse([1, 2, 3].map((i) => ({ uri: `file:///w/prfaq/${i}.md`, text: `${head}- R-${i} x\n` })));
        for (const model of models) {
          assert.deepEqual(model?.findings.map((f) => f.code), ['parse-failed']);
          assert.match(model?.findings[0]?.message ?? '', /^could not parse this document: /);
        }
        const [later] = await parser.parse([{ uri: 'file:///w/prfaq/4.md', text: `${head}- R-4 x\n` }]);
        assert.match(later?.findings[0]?.message ?? '', /parse workers fail to start/);
      } finally {
        parser.dispose();
      }
    });
  });
});
