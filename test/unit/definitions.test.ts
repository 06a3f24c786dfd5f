import { strict as assert } from 'node:assert';
import { createIdMatcher, parseDocument, resolveConfig } from '../../src/core/api';
import { md, mustParse, parse, prfaq } from './helpers';

describe('requirement definitions', () => {
  it('reads an ID that begins a heading, with the rest as title and the section as text', () => {
    const doc = mustParse(prfaq(md`
      ## Commitments
      ### CHK-1: Buy with one click
      One press places the order.

      More detail.
      ### Other
    `));
    assert.equal(doc.requirements.length, 1);
    const [r] = doc.requirements;
    assert.equal(r?.id, 'CHK-1');
    assert.equal(r?.form, 'heading');
    assert.equal(r?.title, 'Buy with one click');
    assert.equal(r?.text, 'One press places the order.\n\nMore detail.');
    assert.deepEqual(r?.anchors, ['chk-1-buy-with-one-click', 'chk-1']);
    // The ID's own range (0-based): 7 frontmatter lines, then "## Commitments", then the heading.
    assert.deepEqual(r?.idRange, { start: { line: 8, character: 4 }, end: { line: 8, character: 9 } });
  });

  it('reads bold, backticked and bare IDs that begin list items', () => {
    const doc = mustParse(prfaq(md`
      - **CHK-3** Refunds reach the card within 24 hours.
      - \`CHK-5\` Works with two saved addresses.
      - CHK-4 — Plain form
        continues here.
      1. CHK-9: numbered
    `));
    assert.deepEqual(
      doc.requirements.map((r) => [r.id, r.form, r.title]),
      [
        ['CHK-3', 'list-item', 'Refunds reach the card within 24 hours.'],
        ['CHK-5', 'list-item', 'Works with two saved addresses.'],
        // The title is the first sentence across the soft line break (docs/format.md § 4.4).
        ['CHK-4', 'list-item', 'Plain form continues here.'],
        ['CHK-9', 'list-item', 'numbered'],
      ],
    );
    assert.equal(doc.requirements[2]?.text, 'Plain form\n  continues here.');
    const bold = doc.requirements[0];
    assert.deepEqual(bold?.idRange.start, { line: 7, character: 4 });
    const code = doc.requirements[1];
    assert.deepEqual(code?.idRange.start, { line: 8, character: 3 });
  });

  it('does not define a requirement from an ID in the middle of a line', () => {
    const doc = mustParse(prfaq('- Something about CHK-1 here\n\n## Intro to CHK-2\n'));
    assert.deepEqual(doc.requirements, []);
    assert.deepEqual(doc.mentions.map((m) => m.id), ['CHK-1', 'CHK-2']);
  });

  it('reads an OpenFastTrace ID on its own line under a heading as that heading', () => {
    const doc = mustParse(prfaq(md`
      ### Fraud screening within the click
      \`feat~fraud-screen~1\`
      Screen every order in under 300 ms.

      ### Bare form
      feat~bare-form~2

      ### Not a definition
      Text first, then feat~later~1.
    `));
    assert.deepEqual(
      doc.requirements.map((r) => [r.id, r.form, r.title, r.text]),
      [
        ['feat~fraud-screen~1', 'oft', 'Fraud screening within the click', 'Screen every order in under 300 ms.'],
        ['feat~bare-form~2', 'oft', 'Bare form', ''],
      ],
    );
    assert.deepEqual(doc.requirements[0]?.anchors, ['fraud-screening-within-the-click', 'feat~fraud-screen~1']);
    assert.deepEqual(doc.mentions.map((m) => m.id), ['feat~later~1']);
  });

  it('ignores IDs in fenced and indented code, inline code, HTML comments and frontmatter', () => {
    const doc = mustParse(prfaq(md`
      \`\`\`
      - CHK-10 template
      \`\`\`

          - CHK-11 indented code

      Inline \`CHK-12\` code.

      <!-- - CHK-13 parked
      CHK-14 -->

      ~~~md
      ### CHK-15: fenced heading
      ~~~
    `, 'waived:\n  CHK-16: "reason mentions CHK-17"\n'));
    assert.deepEqual(doc.requirements, []);
    assert.deepEqual(doc.mentions, []);
    assert.deepEqual(doc.waivers.map((w) => w.id), ['CHK-16']);
  });

  it('uses the configured ID pattern and still accepts OpenFastTrace IDs', () => {
    const config = resolveConfig({ idPattern: 'REQ_[0-9]{3}' });
    const doc = mustParse(prfaq('- REQ_001 One\n- CHK-1 Not an ID here\n- `req~x~1` oft\n'), 'doc.md', config);
    assert.deepEqual(doc.requirements.map((r) => r.id), ['REQ_001', 'req~x~1']);
  });

  it('keeps words like UTF-8 as mentions but never as definitions or findings', () => {
    const doc = mustParse(prfaq('Text is UTF-8 and SHA-256.\n'));
    assert.deepEqual(doc.requirements, []);
    assert.deepEqual(doc.mentions.map((m) => m.id), ['UTF-8', 'SHA-256']);
    assert.deepEqual(doc.findings, []);
  });

  it('does not read definitions from design docs (they are mentions there)', () => {
    const doc = mustParse('---\ntype: design\nowners: {pm: a, engineer: b}\n---\n### CHK-1: in a design\n');
    assert.deepEqual(doc.requirements, []);
    assert.deepEqual(doc.mentions.map((m) => m.id), ['CHK-1']);
  });

  it('ignores tokens longer than the ID length limit', () => {
    const doc = mustParse(prfaq(`- A${'B'.repeat(300)}-1 absurd\n`));
    assert.deepEqual(doc.requirements, []);
  });
});

describe('document kinds and titles', () => {
  it('analyses only files whose frontmatter says prfaq or design', () => {
    assert.equal(parse('# Just notes\n- CHK-1 x\n'), undefined);
    assert.equal(parse('---\ntype: notes\n---\n# x\n'), undefined);
    assert.equal(mustParse('---\ntype: "design"\n---\n').kind, 'design');
  });

  it('takes the title from frontmatter, else the first H1, else the file name', () => {
    assert.equal(mustParse(prfaq('# Heading\n')).title, 'Checkout');
    assert.equal(mustParse('---\ntype: prfaq\n---\n## Sub\n# The H1\n').title, 'The H1');
    assert.equal(mustParse('---\ntype: prfaq\n---\nno heading\n', 'dir/one-click.md').title, 'one-click');
  });

  it('reads a file without frontmatter as the kind its path has by configuration', () => {
    const doc = parseDocument(
      { uri: 'file:///ws/prfaq/a.md', text: '# Plain PR/FAQ\n- CHK-1 One\n', kindByPath: 'prfaq' },
      { ids: createIdMatcher(), maxFileSize: 1000 },
    );
    assert.equal(doc?.kind, 'prfaq');
    assert.equal(doc?.title, 'Plain PR/FAQ');
    assert.deepEqual(doc?.requirements.map((r) => r.id), ['CHK-1']);
    assert.deepEqual(doc?.findings.map((f) => f.code), ['missing-co-owner']);
  });
});
