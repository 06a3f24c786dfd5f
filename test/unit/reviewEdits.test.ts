import { strict as assert } from 'node:assert';
import {
  approveEdits,
  markReviewedEdits,
  removeApprovalEdit,
  removeStampEdit,
  type ApprovalData,
  type DocModel,
  type StampData,
} from '../../src/core/api';
import { applyEdit, mustParse } from './helpers';
import { applyEdits } from './reviewHelpers';
import { pick, seededRandom } from './random';

const REVIEWERS = ['@marco', 'Priya Raman <priya@example.com>', 'Ana --> Ortiz', 'José 😀 at home', 'x --\\> y'];
const TIMES = ['2026-11-25T10:00:00Z', '2026-11-25T10:05Z', '2026-11-26T09:12:30.123+01:00', '2027-01-01T00:00:00-05:00'];
const IDS = ['CHK-1', 'CHK-2', 'CHK-3', 'feat~fraud~1'];

function hex(random: () => number): string {
  let out = '';
  for (let i = 0; i < 16; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

/** A random design doc: sections with inline or list Covers:, threads, existing stamps and prose. */
function randomDesign(random: () => number): string {
  const lines = ['---', 'type: design', 'title: Design', 'owners:', '  pm: "@priya"', '  engineer: "@marco"', '---'];
  if (random() < 0.5) lines.push('Covers: CHK-4', '');
  const sections = 1 + Math.floor(random() * 4);
  for (let s = 0; s < sections; s++) {
    lines.push(`${random() < 0.3 ? '###' : '##'} Section ${s}`);
    if (random() < 0.4) lines.push('<!-- owner: @jun -->');
    lines.push('');
    const ids = IDS.filter(() => random() < 0.5);
    if (ids.length > 0) {
      if (random() < 0.5) lines.push(`Covers: ${ids.join(', ')}`);
      else lines.push('Covers:', ...ids.map((id) => `- ${id}`));
      if (random() < 0.3) lines.push('<!-- prfaq-thread t-abc12' + s + ' open', '@ana at 2026-11-25T10:00:00Z:', '  Really?', '-->');
      for (const id of ids) if (random() < 0.3) lines.push(`<!-- prfaq-review ${id} ${hex(random)} @jun at 2026-11-20T10:00:00Z -->`);
      if (random() < 0.5) lines.push('');
    }
    if (random() < 0.7) lines.push(`Prose of section ${s}.`, '');
  }
  const text = lines.join('\n') + (random() < 0.8 ? '\n' : '');
  return random() < 0.3 ? text.replace(/\n/g, '\r\n') : text;
}

function otherStamps(doc: DocModel, sectionIndex: number, id: string): string[] {
  return doc.reviewStamps.filter((s) => s.sectionIndex !== sectionIndex || s.id !== id).map((s) => `${s.sectionIndex} ${s.id} ${s.fingerprint} ${s.reviewer} ${s.at}`);
}

function shape(doc: DocModel) {
  return {
    covers: doc.covers.map((c) => `${c.sectionIndex} ${c.id}`),
    sections: doc.sections.map((s) => `${s.heading} ${s.fingerprint} ${s.owners.join(',')}`),
    fingerprint: doc.fingerprint,
    threads: doc.threads.map((t) => `${t.id} ${t.anchor.start.line - t.range.start.line}`),
    findings: doc.findings.map((f) => f.code),
  };
}

function lineEndingsOf(text: string): string {
  return [...text.matchAll(/\r\n|\n|\r/g)].map((m) => m[0]).filter((e, i, all) => all.indexOf(e) === i).join('|');
}

describe('review stamp edits (seeded property test)', () => {
  it('what Mark reviewed writes reads back, nothing else changes, and removing a new stamp restores the bytes', () => {
    const random = seededRandom(20261125);
    let checked = 0;
    for (let round = 0; round < 150; round++) {
      const text = randomDesign(random);
      const doc = mustParse(text, 'design.md');
      if (doc.covers.length === 0) continue;
      const cover = pick(random, doc.covers);
      const stamp: StampData = { id: cover.id, fingerprint: hex(random), reviewer: pick(random, REVIEWERS), at: pick(random, TIMES) };
      const hadStamp = doc.reviewStamps.some((s) => s.sectionIndex === cover.sectionIndex && s.id === cover.id);
      const after = applyEdits(text, markReviewedEdits(text, doc, cover, stamp));
      const next = mustParse(after, 'design.md');
      const context = `round ${round}:\n${text}\n---\n${after}`;
      const mine = next.reviewStamps.filter((s) => s.sectionIndex === cover.sectionIndex && s.id === cover.id);
      assert.equal(mine.length, 1, context);
      const [written] = mine;
      assert.deepEqual({ id: written?.id, fingerprint: written?.fingerprint, reviewer: written?.reviewer, at: written?.at }, stamp, context);
      assert.deepEqual(otherStamps(next, cover.sectionIndex, cover.id), otherStamps(doc, cover.sectionIndex, cover.id), context);
      assert.deepEqual(shape(next), shape(doc), context);
      assert.ok(lineEndingsOf(after) === lineEndingsOf(text) || lineEndingsOf(text) === '', context);
      if (!hadStamp) {
        assert.equal(applyEdit(after, removeStampEdit(after, written as NonNullable<typeof written>)), text, `removal restores: ${context}`);
      }
      checked++;
    }
    assert.ok(checked > 80, `${checked} documents checked`);
  });
});

describe('approval edits (seeded property test)', () => {
  const PEOPLE = ['@priya', '@marco', 'Ana --> Ortiz <ana@example.com>'];
  function randomPrfaq(random: () => number): string {
    const approvals = PEOPLE.filter(() => random() < 0.3).map((person, i) => `<!-- prfaq-approval ${i === 0 ? 'pm' : 'engineer'} ${hex(random)} ${person.replace('-->', '--\\>')} at 2026-11-20T10:00:00Z -->`);
    const front = ['---', 'type: prfaq', ...(random() < 0.5 ? ['title: Checkout'] : []), 'owners:', '  pm: "@priya"', '  engineer: ["@marco", "Ana --> Ortiz <ana@example.com>"]', '---'];
    const body = ['# Checkout', '', '- CHK-1 Buy with one click.', ...(random() < 0.5 ? ['', '## More', '', 'Text.'] : [])];
    const text = [...front, ...approvals, ...body].join('\n') + (random() < 0.8 ? '\n' : '');
    return random() < 0.3 ? text.replace(/\n/g, '\r\n') : text;
  }

  it('what Approve writes reads back, nothing else changes, and removing a new approval restores the bytes', () => {
    const random = seededRandom(17);
    for (let round = 0; round < 200; round++) {
      const text = randomPrfaq(random);
      const doc = mustParse(text, 'prfaq/checkout.md');
      const person = pick(random, PEOPLE);
      const coverage = random() < 0.5 ? [] : [{ id: 'CHK-1', path: '../design/a b.md', anchor: random() < 0.5 ? 'orders' : undefined, fingerprint: hex(random) }].map((c) => (c.anchor ? c : { id: c.id, path: c.path, fingerprint: c.fingerprint }));
      const approval: ApprovalData = { role: random() < 0.5 ? 'pm' : 'engineer', fingerprint: hex(random), person, at: pick(random, TIMES), coverage };
      const existed = doc.approvals.some((a) => a.person === person);
      const after = applyEdits(text, approveEdits(text, doc, approval));
      const next = mustParse(after, 'prfaq/checkout.md');
      const context = `round ${round}:\n${text}\n---\n${after}`;
      const mine = next.approvals.filter((a) => a.person === person);
      assert.equal(mine.length, 1, context);
      const { range: _range, coverage: withTargets, ...rest } = mine[0] as NonNullable<(typeof mine)[number]>;
      assert.deepEqual({ ...rest, coverage: withTargets.map(({ target: _t, ...c }) => c) }, approval, context);
      assert.deepEqual(
        next.approvals.filter((a) => a.person !== person).map((a) => `${a.person} ${a.fingerprint}`),
        doc.approvals.filter((a) => a.person !== person).map((a) => `${a.person} ${a.fingerprint}`),
        context,
      );
      assert.equal(next.fingerprint, doc.fingerprint, context);
      assert.deepEqual(next.requirements.map((r) => r.fingerprint), doc.requirements.map((r) => r.fingerprint), context);
      assert.deepEqual(next.findings.map((f) => f.code), doc.findings.map((f) => f.code), context);
      if (!existed) assert.equal(applyEdit(after, removeApprovalEdit(after, mine[0] as NonNullable<(typeof mine)[number]>)), text, `removal restores: ${context}`);
    }
  });
});
