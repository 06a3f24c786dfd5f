import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFiles as write, runBuiltCli as run } from './support';

const repo = join(__dirname, '..', '..');

const owners = 'owners:\n  pm: "@priya"\n  engineer: "@marco"\n';
const prfaq = `---\ntype: prfaq\ntitle: Checkout\n${owners}---\n# Checkout\n\n## Commitments\n- CHK-1 Buy with one click.\n- CHK-2 Refunds reach the card within 24 hours.\n`;
const design = `---\ntype: design\ntitle: Service\n${owners}prfaq: ../prfaq/checkout.md\n---\n# Service\n\n## Orders\n<!-- owner: @jun -->\nCovers: CHK-1, CHK-2\n\nThe order service takes the click.\n\n## Refunds\n\nCovers: CHK-2\n\nRefunds go back to the card.\n`;

function json(cwd: string, ...extra: string[]) {
  const { code, stdout, stderr } = run(['check', '--format', 'json', ...extra], cwd);
  assert.ok(code === 0 || code === 1, stderr);
  return { code, report: JSON.parse(stdout) };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });
}

describe('prfaq-trace review, approve and the review gates (built CLI)', function () {
  this.timeout(120_000);
  let tmp: string;

  before(() => {
    spawnSync(process.execPath, [join(repo, 'esbuild.config.mjs')], { cwd: repo, stdio: 'inherit' });
    tmp = mkdtempSync(join(tmpdir(), 'prfaq-review-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('JSON carries coveredBy[].review and each document\'s approval; --require-review fails on unreviewed coverage', () => {
    const root = write(join(tmp, 'fresh'), { 'prfaq/checkout.md': prfaq, 'design/service.md': design });
    const { code, report } = json(root);
    assert.equal(code, 0);
    const [p] = report.prfaqs;
    assert.deepEqual(p.summary, { total: 2, covered: 2, waived: 0, uncovered: 0, suspect: 0 });
    assert.deepEqual(p.requirements[1].coveredBy, [
      { path: 'design/service.md', section: 'Orders', line: 11, kind: 'design', type: 'design', review: 'unreviewed' },
      { path: 'design/service.md', section: 'Refunds', line: 17, kind: 'design', type: 'design', review: 'unreviewed' },
    ]);
    assert.deepEqual(p.approval, { state: 'draft', approvals: [], missing: ['pm', 'engineer'] });
    assert.deepEqual(report.designs[0].approval, { state: 'draft', approvals: [], missing: ['pm', 'engineer'] });
    const gated = run(['check', '--require-review'], root);
    assert.equal(gated.code, 1, gated.stdout);
    assert.match(gated.stdout, /^failing: 3 coverage entries are stale or not reviewed \(--require-review\): CHK-1 in design\/service\.md › Orders \(unreviewed\)/m);
    const strict = json(root, '--require-review');
    assert.equal(strict.report.prfaqs[0].requirements[0].status, 'suspect', '--require-review implies requireReview');
    assert.deepEqual(strict.report.findings.map((f: { code: string }) => f.code), ['suspect-coverage', 'suspect-coverage', 'suspect-coverage']);
  });

  it('review stamps every entry, prints what it wrote, and a second run has nothing to do', () => {
    const root = write(join(tmp, 'stamp'), { 'prfaq/checkout.md': prfaq, 'design/service.md': design });
    const first = run(['review', '--as', '@marco'], root);
    assert.equal(first.code, 0, first.stderr);
    const lines = first.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4, first.stdout);
    assert.match(lines[0] ?? '', /^design\/service\.md:14: <!-- prfaq-review CHK-1 [0-9a-f]{16} @marco at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ -->  \(CHK-1 was unreviewed\)$/);
    assert.match(lines[3] ?? '', /^3 review stamps written by @marco in 1 file$/);
    const text = readFileSync(join(root, 'design/service.md'), 'utf8');
    assert.match(text, /Covers: CHK-1, CHK-2\n<!-- prfaq-review CHK-1 [^\n]+ -->\n<!-- prfaq-review CHK-2 [^\n]+ -->\n\nThe order service/);
    assert.equal(run(['check', '--require-review'], root).code, 0);
    assert.deepEqual(json(root).report.prfaqs[0].requirements[0].coveredBy[0].review, 'current');
    const again = run(['review', '--as', '@marco'], root);
    assert.equal(again.code, 0);
    assert.equal(again.stdout, 'nothing to stamp: every Covers: entry is reviewed against its requirement as it reads now\n');
  });

  it('rewording makes coverage stale and the requirement suspect, in JSON, text, markdown and SARIF', () => {
    const root = write(join(tmp, 'stale'), { 'prfaq/checkout.md': prfaq, 'design/service.md': design });
    assert.equal(run(['review', '--as', '@marco'], root).code, 0);
    write(root, { 'prfaq/checkout.md': prfaq.replace('within 24 hours', 'within 1 hour') });
    const { code, report } = json(root);
    assert.equal(code, 0, 'suspect coverage is info by default');
    const chk2 = report.prfaqs[0].requirements[1];
    assert.equal(chk2.status, 'suspect');
    assert.deepEqual(chk2.coveredBy.map((c: { review: string; reviewedBy: string }) => `${c.review} ${c.reviewedBy}`), ['stale @marco', 'stale @marco']);
    assert.equal(report.prfaqs[0].summary.suspect, 1);
    assert.deepEqual(report.findings.map((f: { code: string; line: number }) => `${f.code}@${f.line}`), ['suspect-coverage@13', 'suspect-coverage@21']);
    const text = run(['check'], root).stdout;
    assert.match(text, /1\/2 covered, 0 waived, 0 uncovered, 1 suspect/);
    assert.match(text, /⚠ CHK-2 Refunds reach the card within 1 hour\. ← design\/service\.md › Orders \(stale\); design\/service\.md › Refunds \(stale\) \(suspect: changed since reviewed\)/);
    assert.match(run(['check', '--format', 'markdown'], root).stdout, /\| CHK-2 \| .* \| ⚠️ suspect \| design\/service\.md › Orders \(stale\)/);
    const sarif = JSON.parse(run(['check', '--format', 'sarif'], root).stdout);
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string; level: string }) => `${r.ruleId} ${r.level}`), ['suspect-coverage note', 'suspect-coverage note']);
    assert.equal(run(['check', '--require-review'], root).code, 1);
  });

  it('review shows what changed since the last review, found in the git history by fingerprint', () => {
    const root = write(join(tmp, 'git'), { 'prfaq/checkout.md': prfaq, 'design/service.md': design });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'v1');
    assert.equal(run(['review', '--as', '@jun'], root).code, 0);
    git(root, 'commit', '-q', '-am', 'stamped');
    write(root, { 'prfaq/checkout.md': prfaq.replace('within 24 hours', 'within 12 hours') });
    git(root, 'commit', '-q', '-am', 'v2');
    write(root, { 'prfaq/checkout.md': prfaq.replace('within 24 hours', 'within 1 hour') });
    const v1 = git(root, 'log', '--format=%H', '--reverse').split('\n')[0]?.slice(0, 12);
    const result = run(['review', '--id', 'CHK-2', '--as', '@marco'], root);
    assert.equal(result.code, 0, result.stderr);
    const expected = [
      /^design\/service\.md:15: <!-- prfaq-review CHK-2 [0-9a-f]{16} @marco at [^ ]+ -->  \(CHK-2 was stale: reviewed by @jun on [^)]+\)$/,
      new RegExp(`^  what changed since ${v1} \\([^)]+\\) in prfaq/checkout\\.md:$`),
      /^  - - CHK-2 Refunds reach the card within 24 hours\.$/,
      /^  \+ - CHK-2 Refunds reach the card within 1 hour\.$/,
    ];
    const lines = result.stdout.split('\n');
    expected.forEach((pattern, i) => assert.match(lines[i] ?? '', pattern, result.stdout));
    assert.match(result.stdout, /\n2 review stamps written by @marco in 1 file\n$/);
    assert.equal(run(['check', '--require-review'], root).code, 0);
  });

  it('review keeps a byte order mark and CRLF line endings', () => {
    const crlf = design.replace(/\n/g, '\r\n');
    const root = write(join(tmp, 'bom'), { 'prfaq/checkout.md': prfaq, 'design/service.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]) });
    assert.equal(run(['review', '--as', '@marco'], root).code, 0);
    const bytes = readFileSync(join(root, 'design/service.md'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
    assert.equal(text.replace(/<!-- prfaq-review [^\r\n]+\r\n/g, ''), crlf, 'only stamp lines were added');
    assert.equal(run(['check', '--require-review'], root).code, 0);
  });

  it('review refuses bad usage with exit 2', () => {
    const root = write(join(tmp, 'usage'), { 'prfaq/checkout.md': prfaq, 'design/service.md': design });
    const missing = run(['review'], root);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'prfaq-trace review: --as PERSON is required (who reviewed the coverage)\nRun "prfaq-trace review --help" for usage.\n');
    const unknown = run(['review', '--id', 'CHK-99', '--as', '@marco'], root);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'prfaq-trace review: CHK-99 is not a requirement of any PR/FAQ scanned here\n');
    assert.equal(readFileSync(join(root, 'design/service.md'), 'utf8'), design, 'nothing written');
  });

  it('approve records co-owners only; --require-approval fails until every document is approved; a later edit makes it stale', () => {
    const root = write(join(tmp, 'approve'), { 'prfaq/checkout.md': prfaq, 'design/service.md': design });
    const refused = run(['approve', 'prfaq/checkout.md', '--as', '@jun'], root);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, 'prfaq-trace approve: prfaq/checkout.md: @jun is not a co-owner of this document (pm: @priya; engineer: @marco); only its co-owners approve it\n');
    assert.equal(readFileSync(join(root, 'prfaq/checkout.md'), 'utf8'), prfaq);

    const pm = run(['approve', 'prfaq/checkout.md', '--as', '@priya'], root);
    assert.equal(pm.code, 0, pm.stderr);
    const lines = pm.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^prfaq\/checkout\.md:8: approved by @priya \(pm\) at \S+, with the 3 covering sections it relies on$/);
    assert.match(lines[1] ?? '', /^<!-- prfaq-approval pm [0-9a-f]{16} @priya at \S+$/);
    assert.match(lines[2] ?? '', /^CHK-1 \.\.\/design\/service\.md#orders [0-9a-f]{16}$/);
    assert.equal(lines[5], '-->');
    assert.equal(lines[6], 'prfaq/checkout.md: partially approved by @priya (pm); missing engineer');
    let gated = run(['check', '--require-approval'], root);
    assert.equal(gated.code, 1);
    assert.match(gated.stdout, /^failing: 2 documents are not approved \(--require-approval\): prfaq\/checkout\.md \(partially approved\), design\/service\.md \(draft\)$/m);

    assert.equal(run(['approve', 'prfaq/checkout.md', '--as', 'marco@example.com'], root).code, 0);
    assert.equal(run(['approve', 'design/service.md', '--as', '@priya'], root).code, 0);
    assert.equal(run(['approve', 'design/service.md', '--as', '@marco'], root).code, 0);
    gated = run(['check', '--require-approval'], root);
    assert.equal(gated.code, 0, gated.stdout);
    const { report } = json(root);
    assert.equal(report.prfaqs[0].approval.state, 'approved');
    assert.deepEqual(
      report.prfaqs[0].approval.approvals.map((a: { person: string; role: string; current: boolean }) => `${a.person} ${a.role} ${a.current}`),
      ['@priya pm true', '@marco engineer true'],
    );
    assert.match(run(['check'], root).stdout, /^ {2}approved by @priya \(pm\), @marco \(engineer\)$/m);

    // The design doc changes after both approvals: its own approvals go stale, and the PR/FAQ names the covering section.
    const approvedDesign = readFileSync(join(root, 'design/service.md'), 'utf8');
    write(root, { 'design/service.md': approvedDesign.replace('takes the click', 'takes two clicks') });
    const after = json(root, '--require-approval');
    assert.equal(after.code, 1);
    assert.equal(after.report.prfaqs[0].approval.state, 'stale');
    assert.equal(after.report.designs[0].approval.state, 'stale');
    const messages = after.report.findings.map((f: { code: string; path: string; message: string }) => `${f.code} ${f.path}: ${f.message}`);
    assert.ok(messages.some((m: string) => /^covering-section-changed prfaq\/checkout\.md: \.\.\/design\/service\.md › Orders \(owner @jun\), which covered CHK-1 when @priya \(pm\) and @marco \(engineer\) approved, changed since/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m: string) => /^stale-approval design\/service\.md: approved by @priya \(pm\) on \d{4}-\d\d-\d\d, and the document changed since: @priya must look again/.test(m)), messages.join('\n'));
    assert.match(run(['check'], root).stdout, /^ {2}stale: @priya \(pm\), @marco \(engineer\) must look again$/m);
  });

  it('approve says what to do for a file that is not a PR/FAQ or design doc', () => {
    const root = write(join(tmp, 'notdoc'), { 'README.md': '# Readme\n', 'prfaq/checkout.md': prfaq });
    const result = run(['approve', 'README.md', '--as', '@priya'], root);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^prfaq-trace approve: README\.md is not a PR\/FAQ or design doc in the workspace scanned \(\.\); pass --in with the folder that holds it\n$/);
  });
});
