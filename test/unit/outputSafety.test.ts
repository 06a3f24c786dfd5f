import { strict as assert } from 'node:assert';
import type { Nodes, Root } from 'mdast';
import { URI } from 'vscode-uri';
import {
  buildReport,
  createInProcessParser,
  indexWorkspace,
  renderMarkdown,
  renderSarif,
  renderText,
  resolveConfig,
  WorkspaceIndex,
  type WorkspaceHost,
} from '../../src/core/api';
import { parseMarkdown } from '../../src/core/text/markdownTree';
import { codeSpan, escapeMarkdown } from '../../src/core/report/markdown';
import { neutralisedJson, neutralisedLines, neutraliseLine, neutraliseText } from '../../src/core/text/neutralise';
import { relativePath } from '../../src/core/text/uri';
import { pick, seededRandom } from './random';
import { assertSafeOutput, UNSAFE } from './safeOutput';

/** Hostile text: terminal escapes, forged lines and workflow commands, markdown and HTML. */
const HOSTILE = [
  'clear\x1b[2J\x1b[Hscreen',
  'osc \x1b]8;;https://evil.example\x07click\x1b]8;;\x07 link',
  'forged\n::error file=x.md,line=1::pwned',
  'cr\roverwrite',
  'sep\u2028line\u2029para\u0085nel',
  'csi\u009b31mred',
  '##[error]legacy command',
  '  ::warning::indented',
  'bidi \u202eevil\u202c',
  'lone \ud800 surrogate',
  'html <img src=x onerror=alert(1)> <details open>',
  'heading\n# Injected\n\n<script>alert(1)</script>',
  'markup `code` **b** _i_ [l](https://x.example) ![i](x.png) &lt; | cell ~~s~~ $x$ www.evil.example a@b.example',
];

/** `text` as a file name: no folder separator; lone surrogates (no file system returns them) as `?`. */
function fileNameLike(i: number, text: string): string {
  return `n${i} ${text.replace(/\//g, '∕').replace(/[\ud800-\udfff]/g, '?')}`;
}

function uriOf(path: string): string {
  return URI.file(`/ws/${path}`).toString();
}

/** A host whose file names may hold anything a file system allows (URIs built the way the CLI builds them). */
function host(files: Readonly<Record<string, string>>): WorkspaceHost {
  return {
    async listFiles() {
      return Object.keys(files).map((path) => ({ uri: uriOf(path), path }));
    },
    async readFile(uri: string) {
      const entry = Object.entries(files).find(([path]) => uriOf(path) === uri);
      if (!entry) throw new Error(`no such file ${uri}`);
      return new TextEncoder().encode(entry[1]);
    },
  };
}

/** A workspace with `text` in every place the reports show document text: titles, owners, waiver reasons, headings, requirement titles, file names, thread authors. */
function hostileFiles(text: string, name: string): Record<string, string> {
  const quoted = JSON.stringify(text); // a JSON string is a YAML double-quoted scalar
  const inline = text.replace(/[\r\n\u2028\u2029\u0085]/g, ' ');
  return {
    [`prfaq/${name}.md`]: [
      '---',
      'type: prfaq',
      `title: ${quoted}`,
      `owners: { pm: ${quoted}, engineer: ${quoted}, ${quoted}: ${quoted} }`,
      `waived: { CHK-3: ${quoted} }`,
      '---',
      `# ${inline}`,
      `- CHK-1 ${inline}`,
      '- CHK-2 Uncovered.',
      '- CHK-3 Waived.',
      '  <!-- prfaq-thread t-1 open',
      '  @ana at 2026-11-25T10:00:00Z:',
      '    Why?',
      '  -->',
      '',
    ].join('\n'),
    [`design/${name}.md`]: [
      '---',
      'type: design',
      `title: ${quoted}`,
      '---',
      `## ${inline}`,
      'Covers: CHK-1, CHK-9',
      '',
    ].join('\n'),
  };
}

async function reportOf(files: Readonly<Record<string, string>>) {
  const config = resolveConfig(undefined);
  const index = new WorkspaceIndex(config.severities);
  await indexWorkspace(host(files), config, createInProcessParser(config), index);
  return buildReport(index, 'file:///ws');
}

/** A bare URL or e-mail address that GFM turned into a link (text equal to the target): plain text for `shape`. */
function isLiteralAutolink(node: Nodes): boolean {
  if (node.type !== 'link' || node.children.length !== 1 || node.children[0]?.type !== 'text') return false;
  const text = node.children[0].value;
  return [text, `http://${text}`, `mailto:${text}`].includes(node.url);
}

/** The markdown tree with text values dropped: what the markdown means, not what it says. */
function shape(node: Nodes): unknown {
  const kept = node.type === 'html' || node.type === 'heading' ? { value: 'value' in node ? node.value : undefined, depth: 'depth' in node ? node.depth : undefined } : {};
  if (!('children' in node)) return { type: node.type, ...kept };
  const children: Array<{ type: string }> = [];
  for (const child of node.children as Nodes[]) {
    const childShape = (isLiteralAutolink(child) ? { type: 'text' } : shape(child)) as { type: string };
    // Adjacent text (split by a folded autolink) is one run of text.
    if (childShape.type === 'text' && children[children.length - 1]?.type === 'text') continue;
    children.push(childShape);
  }
  return { type: node.type, ...kept, children };
}

function valuesOf(root: Root, type: 'html' | 'inlineCode'): string[] {
  const out: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === type) out.push(node.value);
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(root);
  return out;
}

describe('output neutralising', () => {
  describe('the helper', () => {
    it('writes control characters, line breaks and bidi controls as visible escapes', () => {
      assert.equal(neutraliseText('a\x1b[2Jb'), 'a\\x1b[2Jb');
      assert.equal(neutraliseText('a\nb\r\tc'), 'a\\nb\\r\\tc');
      assert.equal(neutraliseText('\x00\x07\x7f\x85\x9b'), '\\x00\\x07\\x7f\\x85\\x9b');
      assert.equal(neutraliseText('\u2028\u2029\u202e\u2066'), '\\u2028\\u2029\\u202e\\u2066');
      assert.equal(neutraliseText('lone \ud800 and \udc00, pair \ud83d\ude00'), 'lone \\ud800 and \\udc00, pair \ud83d\ude00');
      assert.equal(neutraliseText('naïve — café ✔ 日本'), 'naïve — café ✔ 日本');
    });

    it('never lets a line begin with :: (after any white space) and defuses ##[ anywhere', () => {
      assert.equal(neutraliseLine('::error file=x::y'), '\\::error file=x::y');
      assert.equal(neutraliseLine('  \u00a0\u3000::warning::y'), '  \u00a0\u3000\\::warning::y');
      assert.equal(neutraliseLine('\t::error::y'), '\\t::error::y');
      assert.equal(neutraliseLine('path:1:2 a::b'), 'path:1:2 a::b');
      assert.equal(neutraliseLine('x ##[error]y'), 'x ##\\[error]y');
      assert.equal(neutralisedLines(['a\nb', '::c']), 'a\\nb\n\\::c\n');
    });

    it('is idempotent and keeps every line safe (seeded property test over hostile alphabets)', () => {
      const random = seededRandom(20261125);
      const alphabet = ['a', ' ', ':', '#', '[', '\\', '\n', '\r', '\t', '\x1b', '\x07', '\x9b', '\u2028', '\u202e', '\ud800', '\udc00', '\u00a0', 'é', '✔'];
      for (let i = 0; i < 2000; i++) {
        const text = Array.from({ length: Math.floor(random() * 12) }, () => pick(random, alphabet)).join('');
        const line = neutraliseLine(text);
        assertSafeOutput(`${line}\n`, `neutraliseLine(${JSON.stringify(text)})`);
        assert.equal(neutraliseLine(line), line, `idempotent on ${JSON.stringify(text)}`);
      }
    });

    it('checks every UTF-16 code unit', () => {
      for (let code = 0; code <= 0xffff; code++) assertSafeOutput(`${neutraliseLine(`::${String.fromCharCode(code)}##[`)}\n`, `U+${code.toString(16)}`);
    });

    it('writes JSON that parses back to exactly the value and prints safely', () => {
      const random = seededRandom(7);
      const alphabet = ['a', '#', '[', '\\', '"', '\n', '\x1b', '\x7f', '\x85', '\x9b', '\u2028', '\u2029', '\u202e', '\u2069', '\ud800', '😀', ':'];
      for (let i = 0; i < 1000; i++) {
        const value = { text: Array.from({ length: Math.floor(random() * 16) }, () => pick(random, alphabet)).join(''), list: ['##[error]x', '::warning::y'] };
        const json = neutralisedJson(value);
        assertSafeOutput(json, 'json');
        assert.deepEqual(JSON.parse(json), value);
      }
    });
  });

  describe('markdown escaping', () => {
    it('keeps hostile text literal: no HTML, heading, link, emphasis or line of its own', () => {
      for (const text of HOSTILE) {
        const root = parseMarkdown(`before ${escapeMarkdown(text)} after ${codeSpan(text)}\n`);
        assert.equal(root.children.length, 1, JSON.stringify(text));
        const paragraph = root.children[0] as Nodes;
        assert.equal(paragraph.type, 'paragraph');
        assert.deepEqual(shape(paragraph), { type: 'paragraph', children: [{ type: 'text' }, { type: 'inlineCode' }] }, JSON.stringify(text));
      }
    });

    it('fences code spans by more backticks than they hold, and shows leading or trailing backticks', () => {
      for (const text of ['`a`', 'a``b', '```', ' ` ', ' a ']) {
        const root = parseMarkdown(`${codeSpan(text)}\n`);
        const code = (root.children[0] as { children: Nodes[] }).children[0];
        assert.equal(code?.type, 'inlineCode', text);
        assert.equal((code as { value: string }).value, text);
      }
    });
  });

  describe('the reports', () => {
    it('hostile titles, owners, waiver reasons, headings, requirement titles and file names cannot add lines, escapes or workflow commands to the text report', async () => {
      for (const [i, text] of HOSTILE.entries()) {
        const name = fileNameLike(i, text);
        const hostile = await reportOf(hostileFiles(text, name));
        const benign = await reportOf(hostileFiles('plain', `n${i} plain`));
        const out = renderText(hostile);
        assertSafeOutput(out, `text report of ${JSON.stringify(text)}`);
        assert.equal(out.split('\n').length, renderText(benign).split('\n').length, `same lines as a benign workspace for ${JSON.stringify(text)}:\n${out}`);
        // Nothing is lost: the text shows up escaped.
        assert.ok(out.includes(neutraliseText(text)), `${JSON.stringify(text)} shown as ${JSON.stringify(neutraliseText(text))}:\n${out}`);
      }
    });

    it('the markdown report has the same structure as for a benign workspace, and only its own <br> HTML', async () => {
      for (const [i, text] of HOSTILE.entries()) {
        const name = fileNameLike(i, text);
        const hostile = renderMarkdown(await reportOf(hostileFiles(text, name)));
        const benign = renderMarkdown(await reportOf(hostileFiles('plain', `n${i} plain`)));
        assertSafeOutput(hostile, `markdown report of ${JSON.stringify(text)}`);
        const tree = parseMarkdown(hostile);
        assert.deepEqual(shape(tree), shape(parseMarkdown(benign)), `structure for ${JSON.stringify(text)}:\n${hostile}`);
        assert.ok(valuesOf(tree, 'html').every((html) => html === '<br>'), hostile);
        // The PR/FAQ's file name is shown exactly (escaped only by the neutraliser), backticks and all.
        assert.ok(valuesOf(tree, 'inlineCode').includes(neutraliseText(`prfaq/${name}.md`)), hostile);
      }
    });

    it('SARIF message texts are neutralised and the file prints safely', async () => {
      const text = HOSTILE.join(' ');
      const report = await reportOf(hostileFiles(text, 'x'));
      const withMessage = { ...report, findings: report.findings.map((f) => ({ ...f, message: `${f.message} ${text}` })) };
      const sarif = renderSarif(withMessage, 'file:///ws', '0.0.0');
      assertSafeOutput(sarif, 'sarif');
      const parsed = JSON.parse(sarif) as { runs: [{ results: Array<{ message: { text: string } }> }] };
      for (const result of parsed.runs[0].results) {
        assert.ok(!UNSAFE.test(result.message.text), result.message.text);
        assert.ok(result.message.text.endsWith(neutraliseText(text)));
      }
    });
  });

  describe('path labels (relativePath)', () => {
    it('labels files inside, beside and far from the base folder', () => {
      assert.equal(relativePath('file:///ws/a', 'file:///ws/a/prfaq/p.md'), 'prfaq/p.md');
      assert.equal(relativePath('file:///ws/a/', 'file:///ws/a/p.md'), 'p.md');
      assert.equal(relativePath('file:///ws/a', 'file:///ws/b/d.md'), '../b/d.md');
      assert.equal(relativePath('file:///ws/a/deep', 'file:///ws/b/d.md'), '../../b/d.md');
      // A folder whose name only starts like the base is beside it, not inside it.
      assert.equal(relativePath('file:///ws/a', 'file:///ws/ab/d.md'), '../ab/d.md');
      // Nothing in common (another drive, another scheme or host): the absolute path.
      assert.equal(relativePath('file:///c%3A/ws', 'file:///d%3A/x/d.md'), '/d:/x/d.md');
      assert.equal(relativePath('file:///ws', 'vscode-vfs://github/o/r/d.md'), '/o/r/d.md');
      assert.equal(relativePath('file:///', 'file:///tmp/d.md'), 'tmp/d.md');
      assert.equal(relativePath('file:///ws/a', 'file:///ws/a/%23%20x%0Ay.md'), '# x\ny.md');
    });

    it('report paths of a second root beside the base are true relative paths', async () => {
      const config = resolveConfig(undefined);
      const index = new WorkspaceIndex(config.severities);
      const prfaq = '---\ntype: prfaq\ntitle: P\n---\n- CHK-1 One.\n';
      const design = '---\ntype: design\ntitle: D\nprfaq: ../../a/p.md\n---\n## S\nCovers: CHK-1, CHK-2\n';
      const files: Record<string, string> = { [URI.file('/ws/a/p.md').toString()]: prfaq, [URI.file('/ws/b/x/d.md').toString()]: design };
      const twoRoots: WorkspaceHost = {
        async listFiles() {
          return Object.keys(files).map((uri) => ({ uri, path: uri.replace(/^.*\//, '') }));
        },
        async readFile(uri) {
          return new TextEncoder().encode(files[uri] ?? '');
        },
      };
      await indexWorkspace(twoRoots, config, createInProcessParser(config), index);
      const report = buildReport(index, URI.file('/ws/a').toString());
      assert.deepEqual(report.prfaqs[0]?.requirements[0]?.coveredBy.map((c) => c.path), ['../b/x/d.md']);
      assert.deepEqual(report.designs.map((d) => [d.path, d.prfaq]), [['../b/x/d.md', ['p.md']]]);
      assert.ok(renderText(report).includes('../b/x/d.md:7:16 error unknown-requirement'), renderText(report));
    });
  });
});
