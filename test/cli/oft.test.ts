import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCli as run } from './support';

/**
 * The OpenFastTrace fixture (test/fixtures/oft) end to end through the built CLI: plain OFT
 * documents over four levels, feat → req → dsn → impl/utest tags in source files, one item
 * lacking one of its needed types.
 */
const repo = join(__dirname, '..', '..');
const fixture = join(repo, 'test', 'fixtures', 'oft');

interface CoveredBy {
  path: string;
  line: number;
  kind: string;
  type: string;
  by?: string;
}
interface RequirementJson {
  id: string;
  status: string;
  type: string;
  needs: string[];
  coveredTypes: string[];
  uncoveredTypes: string[];
  coveredBy: CoveredBy[];
}
interface ReportJson {
  prfaqs: Array<{ path: string; requirements: RequirementJson[] }>;
  designs: Array<{ path: string; requirements: RequirementJson[] }>;
  findings: Array<{ code: string; severity: string; path: string; line: number; message: string }>;
}

describe('OpenFastTrace workspace end to end (built CLI)', function () {
  this.timeout(60_000);
  let tmp: string;
  let workspace: string;

  before(() => {
    // Always rebuild: the bundle must hold the code under test.
    spawnSync(process.execPath, [join(repo, 'esbuild.config.mjs')], { cwd: repo, stdio: 'inherit' });
    tmp = mkdtempSync(join(tmpdir(), 'prfaq-oft-'));
    workspace = join(tmp, 'oft');
    cpSync(fixture, workspace, { recursive: true });
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  function report(root = workspace): { code: number | null; report: ReportJson } {
    const { code, stdout, stderr } = run(['check', '--format', 'json', '.'], root);
    assert.equal(stderr, '');
    return { code, report: JSON.parse(stdout) as ReportJson };
  }

  it('traces every level and reports the item that lacks one needed type', () => {
    const { code, report: json } = report();
    assert.equal(code, 1, 'an uncovered item is a warning, and --fail-on defaults to warning');
    const byId = new Map([...json.prfaqs, ...json.designs].flatMap((doc) => doc.requirements).map((r) => [r.id, r]));
    assert.deepEqual(
      [...byId.values()].map((r) => [r.id, r.type, r.status, r.needs, r.coveredTypes, r.uncoveredTypes]),
      [
        ['feat~json-export~1', 'feat', 'covered', ['req'], ['req'], []],
        ['feat~html-report~1', 'feat', 'covered', ['req'], ['req'], []],
        ['req~export-json~1', 'req', 'covered', ['dsn'], ['dsn'], []],
        ['req~html-report-page~1', 'req', 'covered', ['dsn'], ['dsn'], []],
        ['dsn~json-exporter~1', 'dsn', 'covered', ['impl', 'utest'], ['impl', 'utest'], []],
        ['dsn~html-renderer~1', 'dsn', 'uncovered', ['impl', 'utest'], ['impl'], ['utest']],
      ],
    );
    assert.deepEqual(byId.get('feat~json-export~1')?.coveredBy.map((c) => [c.path, c.kind, c.type, c.by]), [['doc/requirements/requirements.md', 'prfaq', 'req', 'req~export-json~1']]);
    assert.deepEqual(byId.get('dsn~json-exporter~1')?.coveredBy.map((c) => [c.path, c.line, c.kind, c.type]), [
      ['src/jsonExporter.ts', 1, 'source', 'impl'],
      ['test/jsonExporter.test.ts', 1, 'source', 'utest'],
    ]);
    assert.equal(byId.has('req~example-only~1'), false, 'nothing between oft:off and oft:on is read');
    assert.deepEqual(
      json.findings.map((f) => [f.code, f.severity, f.path, f.line]),
      [['uncovered-requirement', 'warning', 'doc/design/design.md', 16]],
    );
    assert.match(json.findings[0]?.message ?? '', /^dsn~html-renderer~1 needs impl, utest; covered: impl /);
  });

  it('shows the levels in the text report and escapes "~" in the markdown report', () => {
    const text = run(['check', '.'], workspace).stdout;
    assert.match(text, /✘ dsn~html-renderer~1 HTML Renderer \[needs impl, utest; covered: impl\] \(uncovered\) ← src\/htmlRenderer\.ts:1 \[impl\]/);
    assert.match(text, /✔ req~export-json~1 Export Writes One JSON Document \[needs dsn; covered: dsn\] ← doc\/design\/design\.md › JSON Exporter \(dsn~json-exporter~1\)/);
    const markdown = run(['check', '--format', 'markdown', '.'], workspace).stdout;
    assert.match(markdown, /\| dsn\\~html-renderer\\~1 \| HTML Renderer \| ❌ uncovered \(needs impl, utest; covered: impl\) \|/);
    assert.doesNotMatch(markdown, /[^\\]~html/);
  });

  it('passes once the missing utest tag is written, and fails on a tag naming an unknown item', () => {
    const fixed = join(tmp, 'fixed');
    cpSync(fixture, fixed, { recursive: true });
    writeFileSync(join(fixed, 'test', 'htmlRenderer.test.ts'), '// [utest->dsn~html-renderer~1]\nexport {};\n');
    const passing = report(fixed);
    assert.equal(passing.code, 0);
    assert.deepEqual(passing.report.findings, []);

    writeFileSync(join(fixed, 'src', 'stray.ts'), '// [impl->dsn~no-such-item~1]\nexport {};\n');
    const failing = report(fixed);
    assert.equal(failing.code, 1);
    assert.deepEqual(failing.report.findings.map((f) => [f.code, f.severity, f.path, f.line]), [['unknown-requirement', 'error', 'src/stray.ts', 1]]);
  });
});
