import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { writeFiles as write, runBuiltCli as run } from './support';

const repo = join(__dirname, '..', '..');

interface SarifLog {
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string }> } };
    results: Array<{
      ruleId: string;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: unknown; region: unknown } }>;
    }>;
  }>;
}

const owners = 'owners:\n  pm: "@priya"\n  engineer: "@marco"\n';
const prfaq = `---\ntype: prfaq\ntitle: Checkout\n${owners}---\n# Checkout\n\n## Commitments\n- CHK-1 Buy with one click.\n- CHK-2 Cancel within 30 minutes.\n`;
const designAll = `---\ntype: design\ntitle: Service\n${owners}prfaq: ../prfaq/checkout.md\n---\n# Service\n\n## Orders\n<!-- owner: @jun -->\nCovers: CHK-1, CHK-2\n`;

// Comment threads: an open one with a reply in a PR/FAQ list item; a resolved one on a design
// heading (after its owner comment) and an open one, with an escaped --> and a blank line, after Covers:.
const prfaqThreads = prfaq.replace(
  '- CHK-1 Buy with one click.\n',
  '- CHK-1 Buy with one click.\n  <!-- prfaq-thread t-one open\n  @priya at 2026-11-25T10:00:00Z:\n    Which pages?\n  @marco at 2026-11-25T11:30:00+01:00:\n    All product pages.\n  -->\n',
);
const designThreads = designAll
  .replace('<!-- owner: @jun -->\n', '<!-- owner: @jun -->\n<!-- prfaq-thread t-two resolved\n@ana at 2026-11-24T09:00:00Z:\n  Done?\n-->\n')
  .replace(
    'Covers: CHK-1, CHK-2\n',
    'Covers: CHK-1, CHK-2\n<!-- prfaq-thread t-three open\nPriya Raman <priya@example.com> at 2026-11-25T12:00:00Z:\n  Is the --\\> arrow kept?\n\n  Second paragraph.\n-->\n',
  );

describe('prfaq-trace check (built CLI)', function () {
  this.timeout(60_000);
  let tmp: string;
  let clean: string;
  let uncovered: string;
  let broken: string;
  let commented: string;
  let resolved: string;

  before(() => {
    // Always rebuild: the bundle must hold the code under test.
    spawnSync(process.execPath, [join(repo, 'esbuild.config.mjs')], { cwd: repo, stdio: 'inherit' });
    tmp = mkdtempSync(join(tmpdir(), 'prfaq-cli-'));
    clean = write(join(tmp, 'clean'), { 'prfaq/checkout.md': prfaq, 'design/service.md': designAll, 'README.md': '# Repo\n' });
    uncovered = write(join(tmp, 'uncovered'), {
      'prfaq/checkout.md': prfaq,
      'design/service.md': designAll.replace('Covers: CHK-1, CHK-2', 'Covers: CHK-1, CHK-9'),
    });
    commented = write(join(tmp, 'commented'), { 'prfaq/checkout.md': prfaqThreads, 'design/service.md': designThreads });
    resolved = write(join(tmp, 'resolved'), {
      'prfaq/checkout.md': prfaqThreads.replace('t-one open', 't-one resolved'),
      'design/service.md': designThreads.replace('t-three open', 't-three resolved'),
    });
    broken = write(join(tmp, 'broken'), { 'prfaq/checkout.md': prfaq, '.prfaq-trace.json': '{ "severities": { "nope": "error" } }' });
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('exits 0 and prints the coverage summary when everything is covered', () => {
    const { code, stdout } = run(['check'], clean);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /Checkout \(prfaq\/checkout\.md\)/);
    assert.match(stdout, /PM @priya · Eng @marco/);
    assert.match(stdout, /2\/2 covered, 0 waived, 0 uncovered/);
    assert.match(stdout, /0 error\(s\), 0 warning\(s\), 0 info\n$/);
    assert.doesNotMatch(stdout, /comment thread/, 'no thread lines without threads');
  });

  it('exits 1 with path:line:col findings when a requirement is uncovered or a Covers: ID is unknown', () => {
    const { code, stdout } = run(['check', 'uncovered'], tmp);
    assert.equal(code, 1);
    assert.match(stdout, /^uncovered\/prfaq\/checkout\.md:12:3 warning uncovered-requirement requirement CHK-2 /m);
    assert.match(stdout, /^uncovered\/design\/service\.md:13:16 error unknown-requirement CHK-9 is not a requirement/m);
  });

  it('honours --fail-on', () => {
    assert.equal(run(['check', 'uncovered', '--fail-on', 'none'], tmp).code, 0);
    assert.equal(run(['check', 'uncovered', '--fail-on', 'error'], tmp).code, 1);
    const onlyWarnings = write(join(tmp, 'warn'), { 'prfaq/checkout.md': prfaq });
    assert.equal(run(['check', '--fail-on', 'error'], onlyWarnings).code, 0);
    assert.equal(run(['check'], onlyWarnings).code, 1);
  });

  it('exits 2 with a one-line message on usage and configuration errors', () => {
    for (const args of [['check', '--format', 'xml'], ['lint'], ['check', '--fail-on', 'sometimes'], ['check', 'no/such/dir'], ['check', '--bogus']]) {
      const { code, stderr } = run(args, clean);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^prfaq-trace: .+\n/);
    }
    const { code, stderr } = run(['check'], broken);
    assert.equal(code, 2);
    assert.match(stderr, /unknown finding code "nope"/);
    assert.equal(stderr.trim().split('\n').length, 1);
  });

  it('prints the documented JSON shape', () => {
    const { code, stdout } = run(['check', '--format', 'json'], uncovered);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.deepEqual(Object.keys(report), ['prfaqs', 'designs', 'findings']);
    const [p] = report.prfaqs;
    assert.equal(p.path, 'prfaq/checkout.md');
    assert.equal(p.title, 'Checkout');
    assert.deepEqual(p.owners, { pm: ['@priya'], engineer: ['@marco'] });
    assert.deepEqual(p.requirements[0], {
      id: 'CHK-1',
      title: 'Buy with one click.',
      line: 11,
      status: 'covered',
      fingerprint: '5669aba15f0fcaf5',
      type: 'prfaq',
      needs: ['design'],
      coveredTypes: ['design'],
      uncoveredTypes: [],
      coveredBy: [{ path: 'design/service.md', section: 'Orders', line: 11, kind: 'design', type: 'design', review: 'unreviewed' }],
    });
    assert.equal(p.requirements[1].status, 'uncovered');
    const [d] = report.designs;
    assert.deepEqual(d, {
      path: 'design/service.md',
      title: 'Service',
      owners: { pm: ['@priya'], engineer: ['@marco'] },
      prfaq: ['prfaq/checkout.md'],
      sections: [
        { heading: 'Service', line: 9, owners: [], covers: [] },
        { heading: 'Orders', line: 11, owners: ['@jun'], covers: ['CHK-1', 'CHK-9'] },
      ],
      requirements: [],
      openComments: 0,
      comments: [],
      approval: { state: 'draft', approvals: [], missing: ['pm', 'engineer'] },
    });
    assert.equal(p.openComments, 0);
    assert.deepEqual(p.comments, []);
    for (const f of report.findings) {
      for (const key of ['code', 'severity', 'path', 'line', 'column', 'message']) assert.ok(key in f, key);
    }
    assert.deepEqual(report.findings.map((f: { code: string }) => f.code).sort(), ['uncovered-requirement', 'unknown-requirement']);
  });

  it('reports comment threads per document in JSON: open count, id, status, anchor line, author, replies, last activity', () => {
    const { code, stdout } = run(['check', '--format', 'json'], commented);
    assert.equal(code, 0, stdout);
    const report = JSON.parse(stdout);
    assert.deepEqual(Object.keys(report), ['prfaqs', 'designs', 'findings']);
    const [p] = report.prfaqs;
    assert.equal(p.openComments, 1);
    assert.deepEqual(p.comments, [
      { id: 't-one', status: 'open', line: 11, author: '@priya', replies: 1, lastActivity: '2026-11-25T11:30:00+01:00' },
    ]);
    assert.deepEqual(p.requirements.map((r: { id: string; status: string }) => `${r.id} ${r.status}`), ['CHK-1 covered', 'CHK-2 covered']);
    const [d] = report.designs;
    assert.equal(d.openComments, 1);
    assert.deepEqual(d.comments, [
      { id: 't-two', status: 'resolved', line: 11, author: '@ana', replies: 0, lastActivity: '2026-11-24T09:00:00Z' },
      { id: 't-three', status: 'open', line: 17, author: 'Priya Raman <priya@example.com>', replies: 0, lastActivity: '2026-11-25T12:00:00Z' },
    ]);
    assert.deepEqual(d.sections[1].owners, ['@jun'], 'a thread after the owner comment keeps it in place');
    assert.deepEqual(report.findings, []);
  });

  it('shows open comment thread counts per document and in the summary line of the text report', () => {
    const { code, stdout } = run(['check'], commented);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^Checkout \(prfaq\/checkout\.md\)\n {2}PM @priya · Eng @marco\n {2}2\/2 covered, 0 waived, 0 uncovered\n {2}1 open comment thread\n {2}✔ CHK-1 /m);
    assert.match(stdout, /\n\nService \(design\/service\.md\)\n {2}1 open comment thread\n\n/);
    assert.match(stdout, /1 PR\/FAQ\(s\), 1 design doc\(s\): 0 error\(s\), 0 warning\(s\), 0 info, 2 open comment thread\(s\)\n$/);
    assert.doesNotMatch(stdout, /^failing:/m, 'open threads fail nothing without the flag');
    const markdown = run(['check', '--format', 'markdown'], commented).stdout;
    assert.match(markdown, /^💬 1 open comment thread$/m);
    assert.match(markdown, /^## Open comment threads \(2\)$/m);
    assert.match(markdown, /^- Service \(design\/service\.md\): 1 open comment thread\n {2}- line 17: `t-three` by Priya Raman \\<priya@example\.com\\>, 0 replies, last activity 2026-11-25T12:00:00Z$/m);
    assert.doesNotMatch(markdown, /t-two/, 'resolved threads are not listed');
  });

  it('--fail-on-open-comments exits 1 while a thread is open and 0 when all are resolved', () => {
    const open = run(['check', '--fail-on', 'none', '--fail-on-open-comments'], commented);
    assert.equal(open.code, 1, open.stdout);
    assert.match(open.stdout, /^failing: 2 open comment threads \(--fail-on-open-comments\)$/m);
    assert.equal(run(['check', '--fail-on', 'none', '--fail-on-open-comments', '--format', 'json'], commented).code, 1);
    assert.equal(run(['check', '--fail-on', 'none'], commented).code, 0);

    const done = run(['check', '--fail-on', 'none', '--fail-on-open-comments'], resolved);
    assert.equal(done.code, 0, done.stdout);
    assert.doesNotMatch(done.stdout, /open comment thread|^failing:/m);
    const report = JSON.parse(run(['check', '--format', 'json'], resolved).stdout);
    assert.deepEqual([report.prfaqs[0].openComments, report.designs[0].openComments], [0, 0]);
    assert.deepEqual(report.designs[0].comments.map((c: { id: string; status: string }) => `${c.id} ${c.status}`), ['t-two resolved', 't-three resolved']);
    // Findings still fail on their own.
    assert.equal(run(['check', 'uncovered', '--fail-on-open-comments'], tmp).code, 1);
  });

  it('reports a malformed thread block as malformed-comment-thread on its first line', () => {
    const root = write(join(tmp, 'malformed'), {
      'prfaq/checkout.md': prfaq,
      'design/service.md': designAll.replace('Covers: CHK-1, CHK-2\n', 'Covers: CHK-1, CHK-2\n\n<!-- prfaq-thread t-bad open\nno header line\n-->\n'),
    });
    const { code, stdout } = run(['check', '--format', 'json'], root);
    assert.equal(code, 1, 'a warning fails the default level');
    const report = JSON.parse(stdout);
    assert.deepEqual(
      report.findings.map((f: { code: string; severity: string; path: string; line: number; column: number }) => [f.code, f.severity, f.path, f.line, f.column]),
      [['malformed-comment-thread', 'warning', 'design/service.md', 15, 1]],
    );
    assert.match(report.findings[0].message, /must start with "<author> at <ISO time>:"/);
    assert.deepEqual([report.designs[0].openComments, report.designs[0].comments], [0, []], 'a malformed block is not a thread');
    assert.match(run(['check'], root).stdout, /^design\/service\.md:15:1 warning malformed-comment-thread /m);
    assert.equal(run(['check', '--fail-on', 'none', '--fail-on-open-comments'], root).code, 0);
  });

  it('prints SARIF 2.1.0 that validates against the schema, one rule per code', () => {
    const { stdout } = run(['check', '--format', 'sarif'], uncovered);
    const sarif = JSON.parse(stdout) as SarifLog;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(join(repo, 'test/fixtures/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = ajv.compile(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
    const run0 = sarif.runs[0] as SarifLog['runs'][number];
    assert.equal(run0.tool.driver.name, 'prfaq-trace');
    assert.ok(run0.tool.driver.rules.length >= 6);
    assert.equal(new Set(run0.tool.driver.rules.map((r) => r.id)).size, run0.tool.driver.rules.length);
    const unknown = run0.results.find((r) => r.ruleId === 'unknown-requirement');
    assert.ok(unknown);
    assert.equal(unknown.level, 'error');
    assert.match(unknown.message.text, /CHK-9/);
    assert.deepEqual(unknown.locations[0]?.physicalLocation.artifactLocation, { uri: 'design/service.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(unknown.locations[0]?.physicalLocation.region, { startLine: 13, startColumn: 16, endLine: 13, endColumn: 21 });
  });

  it('prints a markdown report', () => {
    const { stdout } = run(['check', '--format', 'markdown'], uncovered);
    assert.match(stdout, /^# PR\/FAQ coverage report/);
    assert.match(stdout, /\| CHK-2 \| Cancel within 30 minutes\. \| ❌ uncovered \|/);
  });

  it('reads .prfaq-trace.json at the scanned root (severities, globs)', () => {
    const root = write(join(tmp, 'configured'), {
      'prfaq/checkout.md': prfaq,
      '.prfaq-trace.json': JSON.stringify({ severities: { 'uncovered-requirement': 'info' } }),
    });
    const { code, stdout } = run(['check'], root);
    assert.equal(code, 0);
    assert.match(stdout, /info uncovered-requirement/);
  });

  it('runs on the bundled example workspace and finds exactly the two uncovered requirements', () => {
    const { code, stdout } = run(['check', 'examples', '--format', 'json'], repo);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.findings.map((f: { code: string; message: string }) => `${f.code} ${/CHK-\d+/.exec(f.message)?.[0]}`), [
      'uncovered-requirement CHK-6',
      'uncovered-requirement CHK-7',
    ]);
  });
});
