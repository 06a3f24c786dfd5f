import { strict as assert } from 'node:assert';
import { design, md, mustParse } from './helpers';

function coversBySection(text: string): Array<[string, string]> {
  const doc = mustParse(design(text));
  return doc.covers.map((c) => [c.id, doc.sections[c.sectionIndex]?.heading ?? '(document)']);
}

describe('coverage declarations', () => {
  it('reads inline Covers: lists at the start of a paragraph', () => {
    assert.deepEqual(coversBySection('## Order path\nCovers: CHK-1, CHK-2\n'), [
      ['CHK-1', 'Order path'],
      ['CHK-2', 'Order path'],
    ]);
  });

  it('reads a bold Covers: label', () => {
    assert.deepEqual(coversBySection('## A\n**Covers:** CHK-1\n'), [['CHK-1', 'A']]);
  });

  it('reads the OpenFastTrace list form, with bare, linked and OFT items', () => {
    assert.deepEqual(
      coversBySection(md`
        ## Fraud
        Covers:
        - [CHK-3](../prfaq/checkout.md#chk-3)
        - feat~fraud-screen~1
        - \`CHK-4\` — refunds
        - a note that is not an ID
      `),
      [
        ['CHK-3', 'Fraud'],
        ['feat~fraud-screen~1', 'Fraud'],
        ['CHK-4', 'Fraud'],
      ],
    );
  });

  it('does not read a list after an inline Covers: line as coverage', () => {
    const doc = mustParse(design('## A\nCovers: CHK-1\n\n- CHK-2 is related\n'));
    assert.deepEqual(doc.covers.map((c) => c.id), ['CHK-1']);
    assert.deepEqual(doc.mentions.map((m) => m.id), ['CHK-2']);
  });

  it('gives a declaration to the innermost section it stands in', () => {
    assert.deepEqual(
      coversBySection(md`
        Covers: CHK-0

        # Design
        ## Architecture
        ### Order placement
        Covers: CHK-1
        #### Detail
        ## Rollout
        Covers: CHK-2
      `),
      [
        ['CHK-0', '(document)'],
        ['CHK-1', 'Order placement'],
        ['CHK-2', 'Rollout'],
      ],
    );
  });

  it('requires Covers: at the start of a paragraph', () => {
    const doc = mustParse(design('## A\nThis section Covers: CHK-1\n'));
    assert.deepEqual(doc.covers, []);
    assert.deepEqual(doc.mentions.map((m) => m.id), ['CHK-1']);
  });

  it('ignores Covers: lines in code and comments', () => {
    const doc = mustParse(design('## A\n```\nCovers: CHK-1\n```\n<!--\nCovers: CHK-2\n-->\n    Covers: CHK-3\n'));
    assert.deepEqual(doc.covers, []);
  });

  it('treats Covers: in a PR/FAQ as references, not coverage', () => {
    const doc = mustParse('---\ntype: prfaq\nowners: {pm: a, engineer: b}\n---\n## A\nCovers: CHK-1\n');
    assert.deepEqual(doc.covers, []);
    assert.deepEqual(doc.mentions.map((m) => m.id), ['CHK-1']);
  });

  it('records the exact range of each covered ID', () => {
    const doc = mustParse(design('## A\nCovers: CHK-1, CHK-22\n'));
    const lines = doc.covers.map((c) => [c.range.start.line, c.range.start.character, c.range.end.character]);
    assert.deepEqual(lines, [
      [9, 8, 13],
      [9, 15, 21],
    ]);
  });

  it('records sections with levels, slugs, parents and end lines', () => {
    const doc = mustParse(design(md`
      # Design
      ## Architecture
      text
      ## Architecture
      ### Inner
      more
    `));
    assert.deepEqual(
      doc.sections.map((s) => [s.heading, s.level, s.slug, s.parent, s.range.start.line, s.endLine]),
      [
        ['Design', 1, 'design', -1, 8, 14],
        ['Architecture', 2, 'architecture', 0, 9, 10],
        ['Architecture', 2, 'architecture-1', 0, 11, 14],
        ['Inner', 3, 'inner', 2, 12, 14],
      ],
    );
  });
});

describe('section owners', () => {
  it('reads an owner comment right after a heading, one or more people', () => {
    const doc = mustParse(design(md`
      ## API
      <!-- owner: @jun, Sofia Diaz <sofia@example.com> -->
      Text.
      ## Data
      <!-- owner:@carol -->
    `));
    assert.deepEqual(doc.sections.map((s) => s.owners), [['@jun', 'Sofia Diaz <sofia@example.com>'], ['@carol']]);
    assert.deepEqual(doc.findings, []);
  });

  it('flags an owner comment that is not first after its heading, or names nobody', () => {
    const doc = mustParse(design(md`
      ## API
      Text first.

      <!-- owner: @late -->
      ## Data
      <!-- owner:   -->
    `));
    assert.deepEqual(doc.sections.map((s) => s.owners), [[], []]);
    assert.deepEqual(
      doc.findings.map((f) => [f.code, f.range.start.line]),
      [
        ['misplaced-section-owner', 11],
        ['empty-section-owner', 13],
      ],
    );
  });
});
