import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../../src/core/text/markdownTree';
import { assertSafeOutput } from '../unit/safeOutput';
import { writeFiles as write } from './support';

const repo = join(__dirname, '..', '..');

/** Hostile file names and text: terminal escapes (clear screen, OSC 8 link), forged lines, workflow commands, markup. */
const NAMES = ['::error file=x::forged', 'new\nline ::warning::x', 'esc \x1b[2J\x1b[31mred', 'osc \x1b]8;;https:∕∕evil.example\x07click\x1b]8;;\x07', 'cr\rback', '##[error]legacy', '<img src=x onerror=alert(1)>'];
const TEXT = 'T \x1b[2J\x1b]8;;https://evil.example\x07click\x1b]8;;\x07\n::error file=a.md,line=1::pwned\r\u2028\u009b31m ##[error]x <script>alert(1)</script>\n# H';

const owners = 'owners:\n  pm: "@priya"\n  engineer: "@marco"\n';

/** A workspace where every file name and every shown string is hostile (or, with `plain`, benign with the same structure). */
function workspace(plain: boolean): Record<string, string> {
  const files: Record<string, string> = {};
  const text = plain ? 'plain' : TEXT;
  const quoted = JSON.stringify(text); // a JSON string is a YAML double-quoted scalar
  const inline = text.replace(/[\r\n\u2028]/g, ' ');
  NAMES.forEach((hostile, i) => {
    const name = plain ? `n${i}` : hostile;
    files[`${name}.md`] = `---\ntype: prfaq\ntitle: ${quoted}\n${owners}waived: { P${i}-3: ${quoted} }\n---\n# ${inline}\n- P${i}-1 ${inline}\n- P${i}-2 uncovered\n- P${i}-3 waived\n`;
    files[`design/${name}.md`] = `---\ntype: design\ntitle: ${quoted}\n---\n## ${inline}\nCovers: P${i}-1, Q${i}-9\n`;
  });
  return files;
}

describe('prfaq-trace check: output that cannot be abused (built CLI)', function () {
  this.timeout(120_000);
  let tmp: string;
  let cli: string;
  let hostile: string;
  let benign: string;

  const run = (args: string[], cwd: string) => {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'prfaq-cli-safety-'));
    // A private bundle: dist/ is shared with other test runs.
    const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', define: { PRFAQ_TRACE_VERSION: '"test"' }, absWorkingDir: repo } as const;
    await Promise.all([
      build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: join(tmp, 'bin', 'cli.js') }),
      build({ ...common, entryPoints: ['src/node/parseWorker.ts'], outfile: join(tmp, 'bin', 'parseWorker.js') }),
    ]);
    cli = join(tmp, 'bin', 'cli.js');
    hostile = write(join(tmp, 'hostile'), workspace(false));
    benign = write(join(tmp, 'benign'), workspace(true));
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('text: hostile file names, titles, owners, headings and waiver reasons add no line, escape or workflow command', () => {
    const out = run(['check', '.'], hostile);
    assert.equal(out.code, 1, out.stderr);
    assertSafeOutput(out.stdout, 'text report');
    assert.equal(out.stdout.split('\n').length, run(['check', '.'], benign).stdout.split('\n').length, out.stdout);
    // A file named "::error file=x::forged.md" is named, visibly, at the start of its finding lines.
    assert.match(out.stdout, /^\\::error file=x::forged\.md:11:3 warning uncovered-requirement /m);
    assert.match(out.stdout, /^design\/new\\nline ::warning::x\.md:6:/m);
    assert.ok(out.stdout.includes('esc \\x1b[2J\\x1b[31mred.md'), out.stdout);
    assert.ok(out.stdout.includes('##\\[error]legacy.md'), out.stdout);
  });

  it('markdown: no raw HTML or heading from a file name or document string, and every line is safe', () => {
    const out = run(['check', '.', '--format', 'markdown'], hostile);
    assertSafeOutput(out.stdout, 'markdown report');
    const headings: string[] = [];
    const html: string[] = [];
    const visit = (node: Nodes) => {
      if (node.type === 'heading') headings.push(`${node.depth}`);
      if (node.type === 'html') html.push(node.value);
      if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    };
    visit(parseMarkdown(out.stdout));
    // The report's own headings only: title, one per PR/FAQ, design docs, findings.
    assert.deepEqual(headings, ['1', ...NAMES.map(() => '2'), '2', '2'], out.stdout);
    assert.ok(html.every((value) => value === '<br>'), html.join('\n'));
  });

  it('json and sarif: printable safely, and the JSON keeps every character', () => {
    const json = run(['check', '.', '--format', 'json'], hostile);
    assertSafeOutput(json.stdout, 'json');
    const report = JSON.parse(json.stdout) as { prfaqs: Array<{ path: string; title: string }> };
    assert.deepEqual(report.prfaqs.map((p) => p.path).sort(), NAMES.map((name) => `${name}.md`).sort());
    assert.ok(report.prfaqs.every((p) => p.title === TEXT));
    const sarif = run(['check', '.', '--format', 'sarif'], hostile);
    assertSafeOutput(sarif.stdout, 'sarif');
    assert.ok(JSON.parse(sarif.stdout));
  });

  it('error lines: one neutralised line on stderr', () => {
    const out = run(['check', 'no such\n::error file=x::forged\x1b[2J'], hostile);
    assert.equal(out.code, 2);
    assertSafeOutput(out.stderr, 'stderr');
    assert.equal(out.stderr, 'prfaq-trace: no such file or folder: no such\\n::error file=x::forged\\x1b[2J\n');
  });

  it('several roots, one outside the working directory: paths are true relative paths from it', () => {
    const root = write(join(tmp, 'roots'), {
      'a/p.md': `---\ntype: prfaq\ntitle: P\n${owners}---\n- CHK-1 One.\n- CHK-2 Two.\n`,
      'b/x/d.md': `---\ntype: design\ntitle: D\n${owners}prfaq: ../../a/p.md\n---\n## S\nCovers: CHK-1, CHK-9\n`,
    });
    const fromA = run(['check', '.', '../b', '--workers', '0'], join(root, 'a'));
    assert.match(fromA.stdout, /✔ CHK-1 One\. ← \.\.\/b\/x\/d\.md › S$/m, fromA.stdout);
    assert.match(fromA.stdout, /^\.\.\/b\/x\/d\.md:10:16 error unknown-requirement CHK-9 /m, fromA.stdout);
    assert.match(fromA.stdout, /^p\.md:9:3 warning uncovered-requirement /m, fromA.stdout);
    mkdirSync(join(root, 'c'));
    const fromC = run(['check', '../a', '../b'], join(root, 'c'));
    assert.match(fromC.stdout, /^P \(\.\.\/a\/p\.md\)$/m, fromC.stdout);
    assert.match(fromC.stdout, /^\.\.\/b\/x\/d\.md:10:16 error unknown-requirement CHK-9 /m, fromC.stdout);
    const json = JSON.parse(run(['check', '.', '../b', '--format', 'json'], join(root, 'a')).stdout) as { designs: Array<{ path: string; prfaq: string[] }> };
    assert.deepEqual(json.designs.map((d) => [d.path, d.prfaq]), [['../b/x/d.md', ['p.md']]]);
  });
});
