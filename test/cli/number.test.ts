import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleCli } from './bundleCli';

const PRFAQ = [
  '---',
  'type: prfaq',
  'title: Checkout',
  'owners: { pm: "@priya", engineer: "@marco" }',
  '---',
  '# Checkout',
  '',
  '## Solution',
  '',
  '- Buy with one click from any',
  '  product page.',
  '- **CHK-2** Cancel free for 30 minutes.',
  '- Refunds reach the card within 24 hours.',
  '',
  '### Accessible checkout',
  '',
  '## FAQ',
  '',
  '- Not a commitment.',
  '',
].join('\n');

describe('prfaq-trace number (bundled CLI)', function () {
  this.timeout(60_000);
  let cli: ReturnType<typeof bundleCli>;
  let tmp: string;

  const write = (path: string, text: string | Uint8Array) => {
    mkdirSync(dirname(join(tmp, path)), { recursive: true });
    writeFileSync(join(tmp, path), text);
    return path;
  };
  const read = (path: string) => readFileSync(join(tmp, path), 'utf8');

  before(() => {
    cli = bundleCli();
    tmp = mkdtempSync(join(tmpdir(), 'prfaq-number-'));
  });
  after(() => {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(cli.dir, { recursive: true, force: true });
  });

  it('--dry-run prints each ID it would assign with its line and leaves the file as it is', () => {
    const file = write('dry/prfaq/checkout.md', PRFAQ);
    const { code, stdout, stderr } = cli.run(['number', file, '--prefix', 'CHK', '--under', 'Solution', '--dry-run'], tmp);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, [
      'dry/prfaq/checkout.md:10: CHK-3 Buy with one click from any product page.',
      'dry/prfaq/checkout.md:13: CHK-4 Refunds reach the card within 24 hours.',
      'dry/prfaq/checkout.md:15: CHK-5 Accessible checkout',
      'dry run: 3 IDs would be assigned; 1 already had an ID; dry/prfaq/checkout.md is unchanged',
      '',
    ].join('\n'));
    assert.equal(read(file), PRFAQ);
  });

  it('numbers the file, and a second run is a no-op', () => {
    const file = write('real/checkout.md', PRFAQ);
    const first = cli.run(['number', file, '--prefix', 'CHK', '--under', '## Solution'], tmp);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^real\/checkout\.md:10: CHK-3 Buy with one click from any product page\.$/m);
    assert.match(first.stdout, /^3 IDs assigned; 1 already had an ID\n$/m);
    const numbered = read(file);
    assert.equal(
      numbered,
      PRFAQ.replace('- Buy with', '- CHK-3 Buy with').replace('- Refunds', '- CHK-4 Refunds').replace('### Accessible', '### CHK-5: Accessible'),
    );
    const second = cli.run(['number', file, '--prefix', 'CHK', '--under', 'Solution'], tmp);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout, 'real/checkout.md: nothing to number; 4 already had an ID\n');
    assert.equal(read(file), numbered);
    // The check now sees the requirements.
    const check = JSON.parse(cli.run(['check', 'real', '--format', 'json', '--workers', '0'], tmp).stdout);
    assert.deepEqual(check.prfaqs[0].requirements.map((r: { id: string }) => r.id), ['CHK-3', 'CHK-2', 'CHK-4', 'CHK-5']);
  });

  it('takes the prefix from the frontmatter, numbers every list item without --under, keeps CRLF and a BOM', () => {
    const text = '\uFEFF---\r\ntype: prfaq\r\nidPrefix: PAY\r\n---\r\n# Pay\r\n\r\n- One.\r\n- Two.\r\n\r\n## Part\r\n';
    const file = write('crlf.md', text);
    const { code, stdout } = cli.run(['number', file], tmp);
    assert.equal(code, 0);
    assert.equal(stdout, 'crlf.md:7: PAY-1 One.\ncrlf.md:8: PAY-2 Two.\n2 IDs assigned\n');
    assert.equal(read(file), text.replace('- One', '- PAY-1 One').replace('- Two', '- PAY-2 Two'));
  });

  it('uses the nearest .prfaq-trace.json for the ID pattern (a Unicode prefix with \\p{Lu})', () => {
    write('unicode/.prfaq-trace.json', JSON.stringify({ idPattern: '\\p{Lu}[\\p{Lu}0-9]*-[0-9]+' }));
    const file = write('unicode/prfaq/оплата.md', '---\ntype: prfaq\n---\n## Обязательства\n\n- Оплата в один клик.\n');
    const { code, stdout, stderr } = cli.run(['number', file, '--prefix', 'ЧЕК', '--under', 'обязательства'], tmp);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, 'unicode/prfaq/оплата.md:6: ЧЕК-1 Оплата в один клик.\n1 ID assigned\n');
  });

  it('exits 2 with one line on usage, configuration and file problems, and writes nothing', () => {
    const file = write('bad/checkout.md', PRFAQ);
    write('bad/latin1.md', new Uint8Array([0x2d, 0x20, 0xe9, 0x0a]));
    write('badconfig/.prfaq-trace.json', '{ "idPattern": "CHK\\\\-\\\\d+" }');
    const inBadConfig = write('badconfig/x.md', PRFAQ);
    const cases: Array<[string[], RegExp]> = [
      [['number'], /missing FILE/],
      [['number', file, file, '--prefix', 'X'], /one FILE at a time/],
      [['number', file], /--prefix is required/],
      [['number', file, '--prefix', 'chk'], /IDs like "chk-1" do not match the ID pattern/],
      [['number', file, '--prefix', 'CHK', '--under', 'Nowhere'], /has no heading "Nowhere"/],
      [['number', 'bad/missing.md', '--prefix', 'CHK'], /cannot read bad\/missing\.md: ENOENT/],
      [['number', 'bad/latin1.md', '--prefix', 'CHK'], /is not UTF-8 text; it was left as it is/],
      [['number', file, '--prefix', 'CHK', '--bogus'], /Unknown option '--bogus'/],
      [['number', inBadConfig, '--prefix', 'CHK'], /"idPattern" is not a valid regular expression \(compiled with the u flag\)/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = cli.run(args, tmp);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '', args.join(' '));
      assert.match(stderr.split('\n')[0] ?? '', /^prfaq-trace number: /, args.join(' '));
      assert.match(stderr, message, args.join(' '));
    }
    assert.equal(read(file), PRFAQ);
    assert.deepEqual([...readFileSync(join(tmp, 'bad/latin1.md'))], [0x2d, 0x20, 0xe9, 0x0a]);
    assert.match(cli.run(['number', '--help'], tmp).stdout, /^Usage: prfaq-trace number FILE/);
    assert.match(cli.run(['--help'], tmp).stdout, /prfaq-trace number FILE/);
  });
});
