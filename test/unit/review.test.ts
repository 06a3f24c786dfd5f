import { strict as assert } from 'node:assert';
import {
  approvalRefusal,
  approvalStatus,
  approveEdits,
  createIdMatcher,
  decodeText,
  findReviewedText,
  fnv1a64,
  markReviewedEdits,
  newApproval,
  newStamp,
  normaliseText,
  parseDocument,
  parseSignOffLines,
  requirementSource,
  serializeApprovalLines,
  serializeStamp,
  WorkspaceIndex,
  type ApprovalData,
  type DocModel,
  type FileHistory,
  type StampData,
} from '../../src/core/api';
import { at, codes, mustParse, ROOT } from './helpers';
import { applyEdits } from './reviewHelpers';

const FRONT = 'owners:\n  pm: "@priya"\n  engineer: "@marco"\n';
const PRFAQ = `---
type: prfaq
title: Checkout
${FRONT}---
# Checkout

## Commitments

### CHK-1: Buy with one click

A signed-in customer can buy
with one click.

- CHK-2 Refunds reach the card within 24 hours.
- CHK-3 Cancel free for **30 minutes**, see [policy](https://example.com/v1).
`;
const DESIGN = `---
type: design
title: Design
${FRONT}prfaq: prfaq.md
---
# Design

## Orders
<!-- owner: @jun -->

Covers: CHK-1, CHK-2

The order service takes the click.

## Refunds

Covers: CHK-2

Refunds go back to the card.
`;

function fingerprints(doc: DocModel) {
  return {
    requirements: Object.fromEntries(doc.requirements.map((r) => [r.id, r.fingerprint])),
    sections: doc.sections.map((s) => s.fingerprint),
    document: doc.fingerprint,
  };
}

function indexOf(files: Record<string, string>, policy = { requireReview: false, requireApproval: false }): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.setReviewPolicy(policy);
  for (const [path, text] of Object.entries(files)) index.set(mustParse(text, path));
  return index;
}

const AT = '2026-11-25T10:00:00Z';

/** Stamps every Covers: entry of the design doc (or those of `ids`) as reviewed now. */
function stampAll(files: Record<string, string>, ids?: readonly string[]): string {
  let text = files['design.md'] as string;
  for (;;) {
    const index = indexOf({ ...files, 'design.md': text });
    const doc = index.get(`${ROOT}/design.md`) as DocModel;
    const cover = doc.covers.find((c) => (!ids || ids.includes(c.id)) && doc.reviewStamps.every((s) => s.id !== c.id || s.sectionIndex !== c.sectionIndex));
    if (!cover) return text;
    text = applyEdits(text, markReviewedEdits(text, doc, cover, newStamp(index, cover, '@marco', AT) as StampData));
  }
}

function approve(files: Record<string, string>, path: string, person: string, atTime = AT): string {
  const index = indexOf(files);
  const doc = index.get(`${ROOT}/${path}`) as DocModel;
  const approval = newApproval(index, doc, person, atTime);
  assert.ok(approval, `${person} may approve ${path}`);
  return applyEdits(files[path] as string, approveEdits(files[path] as string, doc, approval));
}

describe('fingerprints', () => {
  it('are FNV-1a 64 (standard test vectors) of the normalised plain text, as documented', () => {
    assert.equal(fnv1a64(''), 'cbf29ce484222325');
    assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64('foobar'), '85944171f73967e8');
    assert.equal(fnv1a64('é😀'), fnv1a64('e\u0301😀'.normalize('NFC')));
    const doc = mustParse(PRFAQ, 'prfaq.md');
    const byId = (id: string) => doc.requirements.find((r) => r.id === id)?.fingerprint;
    // docs/format.md § Fingerprints spells out these exact strings.
    assert.equal(byId('CHK-1'), fnv1a64('Buy with one click A signed-in customer can buy with one click.'));
    assert.equal(byId('CHK-2'), fnv1a64('Refunds reach the card within 24 hours.'));
    assert.equal(byId('CHK-3'), fnv1a64('Cancel free for 30 minutes, see policy.'));
    assert.equal(normaliseText(' a\u00a0\t b\r\n\nc '), 'a b c');
    // A section: its heading and everything under it; a document: the fingerprints of its parts, one per line.
    const commitments = 'Commitments CHK-1: Buy with one click A signed-in customer can buy with one click. CHK-2 Refunds reach the card within 24 hours. CHK-3 Cancel free for 30 minutes, see policy.';
    assert.equal(doc.sections.find((s) => s.heading === 'Commitments')?.fingerprint, fnv1a64(commitments));
    const yaml = 'type: prfaq title: Checkout owners: pm: "@priya" engineer: "@marco"';
    assert.equal(doc.fingerprint, fnv1a64([fnv1a64(yaml), fnv1a64('Checkout'), fnv1a64(commitments)].join('\n')));
  });

  it('do not change with whitespace-only edits: reflowed lines, trailing spaces, blank lines, CRLF, indentation', () => {
    const base = fingerprints(mustParse(PRFAQ, 'prfaq.md'));
    const variants = [
      PRFAQ.replace('can buy\nwith one click.', 'can buy with one click.'),
      PRFAQ.replace('can buy\nwith', 'can   buy  \n   with'),
      PRFAQ.replace('## Commitments\n', '## Commitments\n\n\n'),
      PRFAQ.replace('- CHK-2 Refunds reach the card within 24 hours.', '- CHK-2 Refunds reach the card\n  within   24 hours.   '),
      PRFAQ.replace(/\n/g, '\r\n'),
      PRFAQ.replace('### CHK-1: Buy with one click', '###   CHK-1:   Buy with one click   '),
    ];
    for (const variant of variants) assert.deepEqual(fingerprints(mustParse(variant, 'prfaq.md')), base, JSON.stringify(variant));
  });

  it('do not change with formatting marks: emphasis, list markers, link destinations', () => {
    const base = fingerprints(mustParse(PRFAQ, 'prfaq.md')).requirements;
    const restyled = PRFAQ.replace('**30 minutes**', '_30 minutes_').replace('https://example.com/v1', 'https://example.com/v2').replace(/^- CHK/gm, '* CHK');
    assert.deepEqual(fingerprints(mustParse(restyled, 'prfaq.md')).requirements, base);
  });

  it('do not change when a requirement moves to another place', () => {
    const base = fingerprints(mustParse(PRFAQ, 'prfaq.md')).requirements;
    const moved = PRFAQ.replace('- CHK-2 Refunds reach the card within 24 hours.\n', '') + '\n## Later\n\n1. Intro item\n2. CHK-2 Refunds reach the card within 24 hours.\n';
    assert.deepEqual(fingerprints(mustParse(moved, 'prfaq.md')).requirements, base);
    const headingMoved = PRFAQ.replace('## Commitments\n\n', '## Commitments\n\nIntro.\n\n## Other\n\nSomething.\n\n');
    assert.deepEqual(fingerprints(mustParse(headingMoved, 'prfaq.md')).requirements, base);
  });

  it('do not change when a thread, owner comment, stamp or approval is added', () => {
    const base = fingerprints(mustParse(PRFAQ, 'prfaq.md'));
    const additions = [
      PRFAQ.replace('with one click.\n', 'with one click.\n<!-- prfaq-thread t-abc123 open\n@ana at 2026-11-25T10:00:00Z:\n  Which pages?\n-->\n'),
      PRFAQ.replace('- CHK-2 Refunds reach the card within 24 hours.\n', '- CHK-2 Refunds reach the card within 24 hours.\n  <!-- prfaq-thread t-abc124 open\n  @ana at 2026-11-25T10:00:00Z:\n    Gift cards?\n  -->\n'),
      PRFAQ.replace('### CHK-1: Buy with one click\n', '### CHK-1: Buy with one click\n<!-- owner: @jun -->\n'),
      PRFAQ.replace('with one click.\n', `with one click.\n<!-- prfaq-review CHK-1 ${'0'.repeat(16)} @jun at ${AT} -->\n`),
      PRFAQ.replace('---\n# Checkout', `---\n<!-- prfaq-approval pm ${'1'.repeat(16)} @priya at ${AT} -->\n# Checkout`),
      PRFAQ.replace('<!--', '<!--').replace('# Checkout\n', '# Checkout\n<!-- any other comment -->\n'),
    ];
    for (const text of additions) assert.deepEqual(fingerprints(mustParse(text, 'prfaq.md')), base, text);
  });

  it('change when the words change, and only for the requirement reworded', () => {
    const base = fingerprints(mustParse(PRFAQ, 'prfaq.md'));
    const reworded = fingerprints(mustParse(PRFAQ.replace('within 24 hours', 'within 1 hour'), 'prfaq.md'));
    assert.notEqual(reworded.requirements['CHK-2'], base.requirements['CHK-2']);
    assert.equal(reworded.requirements['CHK-1'], base.requirements['CHK-1'], 'a list item under the heading CHK-1 is not part of CHK-1');
    assert.equal(reworded.requirements['CHK-3'], base.requirements['CHK-3']);
    assert.notEqual(reworded.document, base.document);
    const retitled = fingerprints(mustParse(PRFAQ.replace('Buy with one click', 'Buy with two clicks'), 'prfaq.md'));
    assert.notEqual(retitled.requirements['CHK-1'], base.requirements['CHK-1']);
    const body = fingerprints(mustParse(PRFAQ.replace('signed-in customer', 'guest customer'), 'prfaq.md'));
    assert.notEqual(body.requirements['CHK-1'], base.requirements['CHK-1']);
    assert.equal(body.requirements['CHK-2'], base.requirements['CHK-2']);
  });

  it('exclude nested heading requirements from a heading requirement and keep other subsections', () => {
    const text = `---\ntype: prfaq\n---\n## CHK-1 Parent\n\nParent text.\n\n### Details\n\nMore parent text.\n\n### CHK-2 Child\n\nChild text.\n\n### Notes\n\nNotes text.\n`;
    const doc = mustParse(text, 'p.md');
    const fp = (id: string) => doc.requirements.find((r) => r.id === id)?.fingerprint;
    assert.equal(fp('CHK-1'), fnv1a64('Parent Parent text. Details More parent text. Notes Notes text.'));
    assert.equal(fp('CHK-2'), fnv1a64('Child Child text.'));
  });

  it('are the same whether a document is parsed in chunks or whole (a # requirement ends at the next ##)', () => {
    const text = `---\ntype: prfaq\n---\n# CHK-1 Top\n\nTop text.\n\n## Section\n\n- CHK-2 Item.\n\n## CHK-3 Second\n\nText.\n`;
    const ids = createIdMatcher();
    const chunked = parseDocument({ uri: `${ROOT}/p.md`, text }, { ids, maxFileSize: 1e7 }) as DocModel;
    const whole = parseDocument({ uri: `${ROOT}/p.md`, text }, { ids, maxFileSize: 1e7, wholeDocument: true }) as DocModel;
    assert.deepEqual(fingerprints(chunked), fingerprints(whole));
    assert.equal(chunked.requirements[0]?.fingerprint, fnv1a64('Top Top text.'));
  });
});

describe('review stamps', () => {
  it('round-trip losslessly: what is written reads back, byte for byte', () => {
    const stamps: StampData[] = [
      { id: 'CHK-3', fingerprint: '3f2a9c1b7d4e6f01', reviewer: '@marco.lee', at: '2026-11-25T10:00:00Z' },
      { id: 'feat~fraud-screen~1', fingerprint: '0123456789abcdef', reviewer: 'Priya Raman <priya@example.com> at home', at: '2026-11-26T09:12:30.123+01:00' },
      { id: 'CHK-4', fingerprint: 'ffffffffffffffff', reviewer: 'Ana --> the arrow --\\> kept', at: '2026-11-25T10:05Z' },
    ];
    for (const stamp of stamps) {
      const line = serializeStamp(stamp);
      const parsed = parseSignOffLines([line]);
      assert.ok(parsed.ok && 'stamp' in parsed);
      assert.deepEqual(parsed.stamp, stamp);
      assert.equal(serializeStamp(parsed.stamp), line);
      assert.ok(!line.slice(4, -3).includes('-->'), 'the comment cannot end early');
    }
    assert.throws(() => serializeStamp({ ...stamps[0], at: 'yesterday' } as StampData), /ISO 8601/);
    assert.throws(() => serializeStamp({ ...stamps[0], reviewer: ' space' } as StampData), /one line/);
  });

  it('are written below the Covers: declaration, read back, and survive CRLF and BOM documents', () => {
    for (const eol of ['\n', '\r\n']) {
      const design = DESIGN.replace(/\n/g, eol);
      const stamped = stampAll({ 'prfaq.md': PRFAQ, 'design.md': design });
      assert.ok(stamped.includes(`Covers: CHK-1, CHK-2${eol}<!-- prfaq-review CHK-1 `), JSON.stringify(stamped));
      assert.ok(!/\r\n/.test(stamped) || !/[^\r]\n/.test(stamped), 'line endings kept');
      const doc = mustParse(stamped, 'design.md');
      assert.deepEqual(doc.reviewStamps.map((s) => `${s.id}@${s.sectionIndex}:${s.range.start.line}`), ['CHK-1@1:14', 'CHK-2@1:15', 'CHK-2@2:22']);
      assert.deepEqual(doc.findings, []);
      // The same bytes with a BOM, decoded as hosts decode files.
      const bom = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(stamped)])).text;
      assert.deepEqual(mustParse(bom, 'design.md').reviewStamps, doc.reviewStamps);
      const withBom = mustParse(`\uFEFF${stamped}`, 'design.md');
      assert.equal(withBom.kind, 'design');
      assert.deepEqual(withBom.reviewStamps.map((s) => s.id), ['CHK-1', 'CHK-2', 'CHK-2']);
    }
  });

  it('a malformed stamp is reported and counts for nothing', () => {
    const text = DESIGN.replace('Covers: CHK-2\n', 'Covers: CHK-2\n<!-- prfaq-review CHK-2 nothex @marco at 2026-11-25T10:00:00Z -->\n');
    const doc = mustParse(text, 'design.md');
    assert.deepEqual(at(doc.findings), ['malformed-sign-off@21:1']);
    assert.match(doc.findings[0]?.message ?? '', /16 hex digits/);
    assert.deepEqual(doc.reviewStamps, []);
  });
});

describe('coverage review states', () => {
  const files = { 'prfaq.md': PRFAQ, 'design.md': DESIGN };
  const prfaqUri = `${ROOT}/prfaq.md`;
  const designUri = `${ROOT}/design.md`;

  it('unreviewed coverage is covered, and suspect with requireReview (a suspect-coverage finding per entry)', () => {
    const index = indexOf(files);
    assert.equal(index.status('CHK-1'), 'covered');
    assert.deepEqual(codes(index.findings(designUri)), []);
    index.setReviewPolicy({ requireReview: true, requireApproval: false });
    assert.equal(index.status('CHK-1'), 'suspect');
    assert.deepEqual(index.totals(), { total: 3, covered: 0, waived: 0, uncovered: 1, suspect: 2 });
    assert.deepEqual(at(index.findings(designUri)), ['suspect-coverage@14:9', 'suspect-coverage@14:16', 'suspect-coverage@20:9']);
  });

  it('a stamp makes an entry current; rewording the requirement makes it stale and the requirement suspect', () => {
    const stamped = stampAll(files);
    let index = indexOf({ ...files, 'design.md': stamped }, { requireReview: true, requireApproval: false });
    assert.equal(index.status('CHK-2'), 'covered');
    assert.deepEqual(index.findings(designUri), []);
    index = indexOf({ 'prfaq.md': PRFAQ.replace('within 24 hours', 'within 1 hour'), 'design.md': stamped });
    assert.equal(index.status('CHK-2'), 'suspect');
    assert.equal(index.status('CHK-1'), 'covered', 'rewording CHK-2, a list item under CHK-1, leaves CHK-1 alone');
    assert.deepEqual(at(index.findings(designUri)), ['suspect-coverage@14:16', 'suspect-coverage@22:9']);
    assert.match(index.findings(designUri)[0]?.message ?? '', /CHK-2 changed after @marco reviewed this coverage on 2026-11-25/);
    assert.deepEqual(index.findings(prfaqUri).filter((f) => f.code !== 'uncovered-requirement'), []);
  });

  it('a requirement covered by one stale and one current entry is covered', () => {
    const stamped = stampAll(files);
    const prfaq = PRFAQ.replace('within 24 hours', 'within 1 hour');
    const restamped = stampAll({ 'prfaq.md': prfaq, 'design.md': stamped.replace(/<!-- prfaq-review CHK-2 \S+ @marco at \S+ -->\n(\nRefunds)/, '$1') });
    const index = indexOf({ 'prfaq.md': prfaq, 'design.md': restamped });
    assert.equal(index.status('CHK-2'), 'covered');
    assert.deepEqual(at(index.findings(designUri)), ['suspect-coverage@14:16']);
    assert.equal(index.totals().suspect, 0);
  });

  it('the index keeps findings current when only a fingerprint or a stamp changes', () => {
    const stamped = stampAll(files);
    const index = indexOf({ ...files, 'design.md': stamped });
    assert.deepEqual(index.findings(designUri), []);
    index.set(mustParse(PRFAQ.replace('within 24 hours', 'within 1 hour'), 'prfaq.md'));
    assert.equal(codes(index.findings(designUri)).length, 2, 'the design doc was re-derived after the PR/FAQ changed');
    assert.equal(index.totals().suspect, 1);
    index.set(mustParse(PRFAQ, 'prfaq.md'));
    assert.deepEqual(index.findings(designUri), []);
    assert.equal(index.totals().suspect, 0);
  });

  it('a stamp that no entry of its section uses is reported', () => {
    const text = DESIGN.replace('Covers: CHK-2\n', `Covers: CHK-2\n<!-- prfaq-review CHK-1 ${'a'.repeat(16)} @marco at ${AT} -->\n`);
    const index = indexOf({ ...files, 'design.md': text });
    assert.deepEqual(at(index.findings(designUri)), ['unused-review-stamp@21:1']);
  });

  it('requirementSource gives the reviewed words without nested requirements and comments', () => {
    const doc = mustParse(PRFAQ, 'prfaq.md');
    assert.equal(requirementSource(PRFAQ, doc, 'CHK-1'), '### CHK-1: Buy with one click\n\nA signed-in customer can buy\nwith one click.');
    assert.equal(requirementSource(PRFAQ, doc, 'CHK-2'), '- CHK-2 Refunds reach the card within 24 hours.');
    const commented = PRFAQ.replace('with one click.\n', 'with one click.\n<!-- prfaq-thread t-abc123 open\n@ana at 2026-11-25T10:00:00Z:\n  Which pages?\n-->\n');
    assert.equal(requirementSource(commented, mustParse(commented, 'prfaq.md'), 'CHK-1'), '### CHK-1: Buy with one click\n\nA signed-in customer can buy\nwith one click.');
  });

  it('findReviewedText finds the version whose requirement has the stamped fingerprint', async () => {
    const v1 = PRFAQ;
    const v2 = PRFAQ.replace('within 24 hours', 'within 12 hours');
    const v3 = PRFAQ.replace('within 24 hours', 'within 1 hour');
    const history: FileHistory = {
      async *versions() {
        for (const [commit, text] of [['c3', v3], ['c2', v2], ['c1', v1]] as const) yield { commit, date: AT, text };
      },
    };
    const fingerprint = mustParse(v2, 'prfaq.md').requirements.find((r) => r.id === 'CHK-2')?.fingerprint as string;
    const found = await findReviewedText(history, prfaqUri, 'CHK-2', fingerprint, (text) => mustParse(text, 'prfaq.md'));
    assert.equal(found?.version.commit, 'c2');
    assert.equal(found?.source, '- CHK-2 Refunds reach the card within 12 hours.');
    assert.equal(await findReviewedText(history, prfaqUri, 'CHK-2', 'f'.repeat(16), (text) => mustParse(text, 'prfaq.md')), undefined);
  });
});

describe('approvals', () => {
  const files = { 'prfaq.md': PRFAQ, 'design.md': DESIGN };
  const prfaqUri = `${ROOT}/prfaq.md`;

  it('round-trip losslessly, with and without covering sections', () => {
    const approvals: ApprovalData[] = [
      { role: 'pm', fingerprint: '9c1d0e4b2a3f5e67', person: 'Priya Raman <priya@example.com>', at: AT, coverage: [] },
      {
        role: 'engineer',
        fingerprint: '9c1d0e4b2a3f5e67',
        person: '@marco --> lee',
        at: '2026-11-25T10:05:00.5-03:00',
        coverage: [
          { id: 'CHK-1', path: '../design/checkout service.md', anchor: 'order-placement-path', fingerprint: '0123456789abcdef' },
          { id: 'CHK-2', path: 'design.md', fingerprint: 'fedcba9876543210' },
        ],
      },
    ];
    for (const approval of approvals) {
      const lines = serializeApprovalLines(approval);
      const parsed = parseSignOffLines(lines);
      assert.ok(parsed.ok && 'approval' in parsed, JSON.stringify(parsed));
      assert.deepEqual(parsed.approval, approval);
      assert.deepEqual(serializeApprovalLines(parsed.approval), lines);
    }
  });

  it('draft, partially approved, approved, then stale once the document changes; threads and stamps do not matter', () => {
    assert.equal(approvalStatus(indexOf(files), mustParse(PRFAQ, 'prfaq.md')).state, 'draft');
    const byPm = approve(files, 'prfaq.md', '@priya');
    assert.match(byPm, /^---\n[\s\S]*?\n---\n<!-- prfaq-approval pm [0-9a-f]{16} @priya at 2026-11-25T10:00:00Z\nCHK-1 design\.md#orders [0-9a-f]{16}\nCHK-2 design\.md#orders [0-9a-f]{16}\nCHK-2 design\.md#refunds [0-9a-f]{16}\n-->\n# Checkout/);
    let index = indexOf({ ...files, 'prfaq.md': byPm });
    let status = approvalStatus(index, index.get(prfaqUri) as DocModel);
    assert.equal(status.state, 'partially-approved');
    assert.deepEqual(status.missing, ['engineer']);
    const both = approve({ ...files, 'prfaq.md': byPm }, 'prfaq.md', 'marco@larkspur.example', '2026-11-25T11:00:00Z');
    assert.match(both, /-->\n<!-- prfaq-approval engineer [0-9a-f]{16} @marco at 2026-11-25T11:00:00Z\n/, 'the co-owner as the frontmatter writes them, after the first approval');
    index = indexOf({ ...files, 'prfaq.md': both });
    status = approvalStatus(index, index.get(prfaqUri) as DocModel);
    assert.equal(status.state, 'approved');
    assert.deepEqual(index.findings(prfaqUri).filter((f) => f.code !== 'uncovered-requirement'), []);

    const threaded = both.replace('with one click.\n', 'with one click.\n<!-- prfaq-thread t-abc123 open\n@ana at 2026-11-25T10:00:00Z:\n  Which pages?\n-->\n');
    index = indexOf({ ...files, 'prfaq.md': threaded });
    assert.equal(approvalStatus(index, index.get(prfaqUri) as DocModel).state, 'approved');

    index = indexOf({ ...files, 'prfaq.md': both.replace('within 24 hours', 'within 1 hour') });
    status = approvalStatus(index, index.get(prfaqUri) as DocModel);
    assert.equal(status.state, 'stale');
    const stale = index.findings(prfaqUri).filter((f) => f.code === 'stale-approval');
    assert.equal(stale.length, 2);
    assert.match(stale[0]?.message ?? '', /approved by @priya \(pm\) on 2026-11-25, and the document changed since: @priya must look again/);
    assert.match(stale[1]?.message ?? '', /@marco must look again/);
  });

  it('approving again replaces the earlier approval in place', () => {
    const once = approve(files, 'design.md', '@marco');
    const twice = approve({ ...files, 'design.md': once }, 'design.md', '@marco', '2026-12-01T08:00:00Z');
    assert.equal((twice.match(/prfaq-approval/g) ?? []).length, 1);
    assert.match(twice, /<!-- prfaq-approval engineer [0-9a-f]{16} @marco at 2026-12-01T08:00:00Z -->\n# Design/);
  });

  it('only co-owners approve', () => {
    const doc = mustParse(PRFAQ, 'prfaq.md');
    assert.match(approvalRefusal(doc, '@jun') ?? '', /@jun is not a co-owner of this document \(pm: @priya; engineer: @marco\)/);
    assert.equal(approvalRefusal(doc, 'Priya <priya@x.example>'), undefined, 'the email local part matches the handle');
    assert.equal(newApproval(indexOf(files), doc, '@jun', AT), undefined);
  });

  it('the downward direction: a covering section that changes after the PR/FAQ approval is named, with its owner', () => {
    const approved = approve({ ...files, 'prfaq.md': approve(files, 'prfaq.md', '@priya') }, 'prfaq.md', '@marco');
    const index = indexOf({ ...files, 'prfaq.md': approved });
    assert.equal(approvalStatus(index, index.get(prfaqUri) as DocModel).state, 'approved');
    assert.deepEqual(codes(index.findings(prfaqUri)).filter((c) => c === 'covering-section-changed'), []);
    index.set(mustParse(DESIGN.replace('The order service takes the click.', 'The order service takes two clicks.'), 'design.md'));
    assert.equal(approvalStatus(index, index.get(prfaqUri) as DocModel).state, 'stale');
    const changed = index.findings(prfaqUri).filter((f) => f.code === 'covering-section-changed');
    assert.deepEqual(at(changed), ['covering-section-changed@22:5', 'covering-section-changed@27:3']);
    assert.match(changed[0]?.message ?? '', /^design\.md › Orders \(owner @jun\), which covered CHK-1 when @priya \(pm\) and @marco \(engineer\) approved, changed since/);
    assert.deepEqual(codes(index.findings(prfaqUri)).filter((c) => c === 'stale-approval'), [], 'the PR/FAQ itself did not change');

    index.set(mustParse(DESIGN.replace('Refunds go back to the card.', 'Refunds go to store credit.'), 'design.md'));
    const refunds = index.findings(prfaqUri).filter((f) => f.code === 'covering-section-changed');
    assert.deepEqual(at(refunds), ['covering-section-changed@27:3']);
    assert.match(refunds[0]?.message ?? '', /^design\.md › Refunds \(co-owners @priya, @marco\), which covered CHK-2/);
    index.set(mustParse(DESIGN.replace('## Refunds', '## Refund policy'), 'design.md'));
    assert.match(index.findings(prfaqUri).find((f) => f.code === 'covering-section-changed')?.message ?? '', /design\.md#refunds \(renamed or removed\)/);
  });

  it('with requireApproval, documents not approved get missing-approval', () => {
    const index = indexOf(files, { requireReview: false, requireApproval: true });
    assert.match(index.findings(prfaqUri).find((f) => f.code === 'missing-approval')?.message ?? '', /the pm and engineer co-owners must approve/);
  });
});
