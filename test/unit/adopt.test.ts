import { strict as assert } from 'node:assert';
import { adoptEdits, firstHeading, type AdoptInput, type TextEdit } from '../../src/core/api';
import { applyEdit, mustParse } from './helpers';
import { pick, seededRandom } from './random';

const PRFAQ: AdoptInput = { kind: 'prfaq', pm: 'Priya Raman <priya@larkspur.example>', engineer: '@marco.lee', fallbackTitle: 'checkout' };

function adopt(text: string, input: AdoptInput = PRFAQ): string {
  const result = adoptEdits(text, input);
  if ('problem' in result) throw new Error(result.problem);
  return [...result.edits].reverse().reduce((acc, edit: TextEdit) => applyEdit(acc, edit), text);
}

describe('Make this a PR/FAQ / a design doc', () => {
  it('adds type, the first heading as title and both co-owners to a file without frontmatter, and nothing else', () => {
    const text = '# One-Click Checkout\n\nA press release.\n';
    const adopted = adopt(text);
    assert.equal(adopted, '---\ntype: prfaq\ntitle: "One-Click Checkout"\nowners:\n  pm: "Priya Raman <priya@larkspur.example>"\n  engineer: "@marco.lee"\n---\n# One-Click Checkout\n\nA press release.\n');
    const doc = mustParse(adopted, 'prfaq/checkout.md');
    assert.equal(doc.kind, 'prfaq');
    assert.equal(doc.title, 'One-Click Checkout');
    assert.deepEqual(doc.owners.roles.map((r) => [r.role, r.people]), [['pm', ['Priya Raman <priya@larkspur.example>']], ['engineer', ['@marco.lee']]]);
    assert.deepEqual(doc.findings, []);
  });

  it('makes a design doc with its prfaq: link', () => {
    const adopted = adopt('Service notes\n=============\n\nText.\n', { ...PRFAQ, kind: 'design', prfaq: '../prfaq/checkout.md' });
    assert.match(adopted, /^---\ntype: design\ntitle: "Service notes"\nowners:\n {2}pm: .*\n {2}engineer: .*\nprfaq: "\.\.\/prfaq\/checkout\.md"\n---\nService notes\n=====/);
    assert.deepEqual(mustParse(adopted, 'design/service.md').prfaqLinks.map((l) => l.path), ['../prfaq/checkout.md']);
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const text = '\uFEFF# Titel mit *Betonung*\r\n\r\nText.\r\n';
    const adopted = adopt(text);
    assert.ok(adopted.startsWith('\uFEFF---\r\ntype: prfaq\r\ntitle: "Titel mit Betonung"\r\n'));
    assert.ok(adopted.endsWith('\r\n---\r\n# Titel mit *Betonung*\r\n\r\nText.\r\n'));
    assert.doesNotMatch(adopted.replace(/\r\n/g, ''), /[\r\n]/);
    assert.equal(mustParse(adopted).kind, 'prfaq');
  });

  it('adds only what existing frontmatter lacks, before its closing fence, and replaces a different type in place', () => {
    const text = '---\ntype: design # was a design\ntitle: Kept title\nstatus: draft\nowners: { pm: "@ana", engineer: "@jun" }\n---\n# Heading\n';
    const adopted = adopt(text);
    assert.equal(adopted, '---\ntype: prfaq # was a design\ntitle: Kept title\nstatus: draft\nowners: { pm: "@ana", engineer: "@jun" }\n---\n# Heading\n');
    const noTitle = adopt('---\r\nstatus: draft\r\n---\r\n# From the heading\r\n');
    assert.equal(noTitle, '---\r\nstatus: draft\r\ntype: prfaq\r\ntitle: "From the heading"\r\nowners:\r\n  pm: "Priya Raman <priya@larkspur.example>"\r\n  engineer: "@marco.lee"\r\n---\r\n# From the heading\r\n');
    // Already what was asked: no edit at all.
    const result = adoptEdits(adopted, PRFAQ);
    assert.ok('edits' in result && result.edits.length === 0);
  });

  it('refuses frontmatter it cannot edit safely, with one line', () => {
    for (const text of ['---\ntitle: [unclosed\n---\n# X\n', '---\ntitle: x\n# never closed\n', '---js\n{ type: "prfaq" }\n---\n', '---\n- a\n- b\n---\n']) {
      const result = adoptEdits(text, PRFAQ);
      assert.ok('problem' in result, text);
      assert.match(result.problem, /^the frontmatter cannot be edited safely: .*; fix it first$/);
      assert.equal(result.problem.split('\n').length, 1);
    }
  });

  it('takes the title from the first heading of any level, else the file name; quotes it safely', () => {
    assert.equal(firstHeading('Intro text.\n\n### Third level `code`\n\n# Later H1\n'), 'Third level code');
    assert.equal(firstHeading('No heading.\n'), undefined);
    assert.match(adopt('Just text.\n'), /^title: "checkout"$/m);
    const tricky = adopt('# A: "quoted" # not a comment\n');
    assert.equal(mustParse(tricky).title, 'A: "quoted" # not a comment');
  });

  it('changes nothing outside the frontmatter, byte for byte (seeded random documents)', () => {
    const random = seededRandom(42);
    const lines = ['# Title', 'Setext', '===', '- item', '', 'text with ---', '```', 'code', '***', '<!-- comment -->', '## Second', 'ünïcödé ✓'];
    for (let trial = 0; trial < 80; trial++) {
      const eol = random() < 0.4 ? '\r\n' : '\n';
      const bom = random() < 0.2 ? '\uFEFF' : '';
      const body = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(random, lines)).join(eol) + (random() < 0.5 ? eol : '');
      const existing = random() < 0.4 ? `---${eol}status: draft${eol}---${eol}` : '';
      const text = bom + existing + body;
      const adopted = adopt(text, random() < 0.5 ? PRFAQ : { ...PRFAQ, kind: 'design', prfaq: 'x.md' });
      // A text without any line break has no convention to follow: "\n".
      const written = /[\r\n]/.test(text) ? eol : '\n';
      assert.ok(adopted.startsWith(`${bom}---${written}`), `trial ${trial}`);
      assert.ok(adopted.endsWith(`---${written}${body}`), `trial ${trial}: the body is untouched`);
      if (existing) assert.ok(adopted.startsWith(`${bom}---${eol}status: draft${eol}`), `trial ${trial}: existing keys stay first`);
      const doc = mustParse(adopted);
      assert.ok(doc.kind === 'prfaq' || doc.kind === 'design');
      assert.deepEqual(doc.findings.filter((f) => f.code === 'invalid-frontmatter' || f.code === 'missing-co-owner'), [], `trial ${trial}`);
    }
  });
});
