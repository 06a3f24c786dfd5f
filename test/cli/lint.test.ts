import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { structureRules } from '../../src/core/api';
import { bundleCli } from './bundleCli';

const repo = join(__dirname, '..', '..');

/** A PR/FAQ with a press release that lacks its problem and says "seamless", and no internal FAQ. */
const PRFAQ = [
  '---',
  'type: prfaq',
  'title: Checkout',
  'owners: { pm: "@priya", engineer: "@marco" }',
  '---',
  '# Checkout',
  '',
  '## Press release',
  '',
  '### Larkspur launches One-Click Checkout',
  '',
  '**Customers buy from any product page in one click.**',
  '',
  'PORTLAND, Ore. — September 9, 2025 — Larkspur Goods today launched One-Click Checkout.',
  '',
  '**Solution.** A seamless click places the order.',
  '',
  '"We remember you," said Dana Whitfield.',
  '',
  'To get started, open Account settings.',
  '',
  '"I tap once," said Hannah O.',
  '',
  '**Call to action.** Switch it on today.',
  '',
  '## Customer FAQ',
  '',
  '### How do I turn it on?',
  '',
  'In Account settings.',
  '',
  '## Commitments',
  '',
  '- CHK-1 Buy with one click.',
  '',
].join('\n');
const DESIGN = '---\ntype: design\ntitle: Service\nowners: { pm: "@priya", engineer: "@marco" }\nprfaq: ../prfaq/checkout.md\n---\n# Service\n\nCovers: CHK-1\n';

describe('prfaq-trace check: the structure lint in every format (bundled CLI)', function () {
  this.timeout(60_000);
  let cli: ReturnType<typeof bundleCli>;
  let tmp: string;
  const workspace = (name: string, extra: Record<string, string> = {}) => {
    const root = join(tmp, name);
    for (const [path, text] of Object.entries({ 'prfaq/checkout.md': PRFAQ, 'design/service.md': DESIGN, ...extra })) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  };

  before(() => {
    cli = bundleCli();
    tmp = mkdtempSync(join(tmpdir(), 'prfaq-lint-'));
  });
  after(() => {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(cli.dir, { recursive: true, force: true });
  });

  it('reports the codes at info in text and JSON, and info does not fail the check', () => {
    const root = workspace('plain');
    const text = cli.run(['check', '--workers', '0'], root);
    assert.equal(text.code, 0, text.stdout);
    assert.match(text.stdout, /^prfaq\/checkout\.md:8:1 info missing-problem the press release has no problem: /m);
    assert.match(text.stdout, /^prfaq\/checkout\.md:8:1 info missing-internal-faq no internal FAQ: /m);
    assert.match(text.stdout, /^prfaq\/checkout\.md:16:17 info weasel-word weasel word "seamless" in the press release/m);
    assert.match(text.stdout, /0 error\(s\), 0 warning\(s\), 3 info/);

    const json = JSON.parse(cli.run(['check', '--format', 'json'], root).stdout);
    assert.deepEqual(
      json.findings.map((f: { code: string; severity: string; line: number; column: number; endColumn: number }) => `${f.code} ${f.severity} ${f.line}:${f.column}-${f.endColumn}`),
      ['missing-problem info 8:1-17', 'missing-internal-faq info 8:1-17', 'weasel-word info 16:17-25'],
    );
  });

  it('lists every structure rule in SARIF (note by default) and reports results that validate against the schema', () => {
    const root = workspace('sarif');
    interface SarifResult { ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { region: unknown } }> }
    const sarif = JSON.parse(cli.run(['check', '--format', 'sarif'], root).stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; defaultConfiguration: { level: string } }> } }; results: SarifResult[] }> };
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(repo, 'test/fixtures/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
    const run = sarif.runs[0] as (typeof sarif.runs)[number];
    const rules = new Map(run.tool.driver.rules.map((r) => [r.id, r]));
    for (const rule of structureRules) assert.equal(rules.get(rule.code)?.defaultConfiguration.level, 'note', rule.code);
    assert.deepEqual(run.results.map((r) => `${r.ruleId} ${r.level}`), ['missing-problem note', 'missing-internal-faq note', 'weasel-word note']);
    const weasel = run.results.find((r) => r.ruleId === 'weasel-word');
    assert.deepEqual(weasel?.locations[0]?.physicalLocation.region, { startLine: 16, startColumn: 17, endLine: 16, endColumn: 25 });
    assert.equal(run.tool.driver.rules[weasel?.ruleIndex ?? -1]?.id, 'weasel-word');
  });

  it('severities and the structure settings of .prfaq-trace.json apply; a bad structure setting exits 2 with one line', () => {
    const configured = workspace('configured', {
      '.prfaq-trace.json': JSON.stringify({ severities: { 'missing-problem': 'error', 'missing-internal-faq': 'off' }, structure: { weaselWords: ['today'] } }),
    });
    const result = cli.run(['check', '--format', 'json'], configured);
    assert.equal(result.code, 1, 'an error fails the check');
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.findings.map((f: { code: string; severity: string; message: string }) => `${f.code} ${f.severity}`), [
      'missing-problem error',
      'weasel-word info',
      'weasel-word info',
    ]);
    assert.match(json.findings[1].message, /"today"/);
    const sarif = JSON.parse(cli.run(['check', '--format', 'sarif'], configured).stdout);
    assert.equal(sarif.runs[0].results[0].level, 'error');

    const broken = workspace('broken', { '.prfaq-trace.json': JSON.stringify({ structure: { faqWords: -1 } }) });
    const bad = cli.run(['check'], broken);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^prfaq-trace: .*"structure.faqWords" must be a positive whole number of words\n$/);
  });

  it('a PR/FAQ that defines nothing gets no-requirements; the bundled example passes the lint', () => {
    const root = workspace('empty', { 'prfaq/checkout.md': PRFAQ.replace('- CHK-1 Buy with one click.', '- Buy with one click.'), 'design/service.md': '' });
    const json = JSON.parse(cli.run(['check', '--format', 'json', '--fail-on', 'none'], root).stdout);
    assert.ok(json.findings.some((f: { code: string; line: number }) => f.code === 'no-requirements' && f.line === 6));
    const example = JSON.parse(cli.run(['check', 'examples', '--format', 'json'], repo).stdout);
    assert.deepEqual(example.findings.map((f: { code: string }) => f.code), ['uncovered-requirement', 'uncovered-requirement']);
  });
});
