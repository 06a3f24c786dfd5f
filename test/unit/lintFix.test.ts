import { strict as assert } from 'node:assert';
import { defaultStructureSettings, PRESS_RELEASE_PARTS, structureFindings, structureFix, type DocModel, type Finding } from '../../src/core/api';
import { applyEdit, mustParse } from './helpers';
import { HEAD, HEADINGS, LABELS, PROSE } from './lintFixtures';
import { seededRandom } from './random';

function lintOf(text: string): { doc: DocModel; findings: Finding[] } {
  const doc = mustParse(text, 'prfaq/checkout.md');
  return { doc, findings: structureFindings(doc, defaultStructureSettings) };
}

/** Applies the quick fix of every finding (one at a time, re-linting in between) until none is left. */
function fixAll(text: string): string {
  for (let round = 0; round < 20; round++) {
    const { doc, findings } = lintOf(text);
    const [first] = findings;
    if (!first) return text;
    const action = structureFix(doc, text, first);
    assert.ok(action, `a quick fix for ${first.code}`);
    for (const edit of [...action.edits].reverse()) text = applyEdit(text, edit);
  }
  throw new Error('quick fixes did not converge');
}

/** Removes paragraphs (blank-line separated) that match. */
function without(text: string, test: (paragraph: string) => boolean): string {
  return text.split('\n\n').filter((p) => !test(p)).join('\n\n');
}

describe('structure quick fixes: a missing part from the template at the right place', () => {
  it('inserts a missing bold-label part after the part before it', () => {
    const text = HEAD + without(LABELS, (p) => p.startsWith('**Problem.**'));
    const { doc, findings } = lintOf(text);
    const action = structureFix(doc, text, findings[0] as Finding);
    assert.equal(action?.title, 'Add "Problem" to the press release from the template');
    const fixed = applyEdit(text, action?.edits[0] as never);
    assert.match(fixed, /launched One-Click Checkout\.\n\n\*\*Problem\.\*\* What is hard for the customer today[^\n]*\n\n\*\*Solution\.\*\*/);
    assert.deepEqual(lintOf(fixed).findings, []);
  });

  it('writes a part as a heading of the same level when the press release uses headings', () => {
    const text = HEAD + HEADINGS.replace(/^### Solution\n\n.*\n\n/m, '');
    const { doc, findings } = lintOf(text);
    const fixed = applyEdit(text, structureFix(doc, text, findings[0] as Finding)?.edits[0] as never);
    assert.match(fixed, /Checkout takes six screens\.\n\n### Solution\n\nHow the product takes the problem away[^\n]*\n\n### Quote\n/);
    assert.deepEqual(lintOf(fixed).findings, []);
  });

  it('puts a first part before the next one when none comes before it', () => {
    const text = HEAD + without(LABELS, (p) => p.startsWith('**Headline.**'));
    const { doc, findings } = lintOf(text);
    const fixed = applyEdit(text, structureFix(doc, text, findings[0] as Finding)?.edits[0] as never);
    assert.match(fixed, /## Press release\n\n\*\*Headline\.\*\* Name the product[^\n]*\n\n\*\*Subheading\.\*\*/);
    assert.deepEqual(lintOf(fixed).findings, []);
  });

  it('inserts a press release before the FAQ, FAQs after the press release, a question into an empty FAQ', () => {
    const noPressRelease = HEAD + LABELS.replace(/## Press release[\s\S]*?(?=## Customer FAQ)/, '');
    const fixedPr = fixAll(noPressRelease);
    assert.match(fixedPr, /# One-Click Checkout\n\n## Press release\n\n\*\*Headline\.\*\*[\s\S]*\*\*Call to action\.\*\*[^\n]*\n\n## Customer FAQ/);

    const noFaqs = HEAD + LABELS.replace(/## Customer FAQ[\s\S]*?(?=## Commitments)/, '');
    const fixedFaqs = fixAll(noFaqs);
    assert.match(fixedFaqs, /at larkspur\.example\/one-click\.\n\n## Customer FAQ\n\n### Who is this for\?\n\nAnswer[^\n]*\n\n### What does it cost\?[\s\S]*\n\n## Internal FAQ\n\n### What are the biggest risks\?[\s\S]*\n\n## Commitments/);

    const noQuestion = HEAD + LABELS.replace('### What does it cost?\n\n', '');
    const fixedQuestion = fixAll(noQuestion);
    assert.match(fixedQuestion, /## Internal FAQ\n\n31 person-weeks\.\n\n### What are the biggest risks\?\n\nAnswer/);
  });

  it('keeps the line endings of a CRLF document', () => {
    const text = (HEAD + without(LABELS, (p) => p.startsWith('**Call to action.**'))).replace(/\n/g, '\r\n');
    const fixed = fixAll(text);
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /[\r\n]/);
    assert.match(fixed, /\*\*Customer quote\.\*\*[^\r\n]*\r\n\r\n\*\*Call to action\.\*\* Where to go next/);
  });

  it('fixes any set of missing parts into a document that passes the lint, in every variant (seeded)', () => {
    const random = seededRandom(20240613);
    for (const [name, body] of [['labels', LABELS], ['headings', HEADINGS], ['prose', PROSE]] as const) {
      for (let trial = 0; trial < 15; trial++) {
        // Drop a random selection of paragraphs from the press release, never its heading.
        const start = body.search(/^## Press release$/im);
        const end = body.indexOf('\n## ', start + 1);
        const release = body.slice(start, end);
        // A part is a paragraph, or a heading with its paragraph.
        const separator = name === 'headings' ? '\n\n### ' : '\n\n';
        const kept = release.split(separator).filter((_part, i) => i === 0 || random() > 0.4).join(separator);
        const text = `${HEAD}${body.slice(0, start)}${kept}\n${body.slice(end)}`;
        const fixed = fixAll(text);
        assert.deepEqual(lintOf(fixed).findings, [], `${name} #${trial}`);
        // Nothing of the original text was lost: every kept paragraph is still there, in order.
        let from = 0;
        for (const paragraph of kept.split(separator).map((p) => p.trim()).filter(Boolean)) {
          const found = fixed.indexOf(paragraph, from);
          assert.ok(found >= 0, `${name} #${trial} keeps "${paragraph.slice(0, 30)}"`);
          from = found;
        }
      }
    }
  });

  it('has no quick fix for findings that are not about a missing part', () => {
    const text = HEAD + LABELS.replace('places', 'seamlessly places');
    const { doc, findings } = lintOf(text);
    assert.deepEqual(findings.map((f) => f.code), ['weasel-word']);
    assert.equal(structureFix(doc, text, findings[0] as Finding), undefined);
    assert.equal(PRESS_RELEASE_PARTS.length, 9);
  });
});
