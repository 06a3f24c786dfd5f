import { strict as assert } from 'node:assert';
import { defaultStructureSettings, designTemplate, fileSlug, idPrefixFor, idPrefixOf, prfaqTemplate, structureFindings, WorkspaceIndex } from '../../src/core/api';
import { mustParse } from './helpers';

describe('document templates', () => {
  it('makes a PR/FAQ that reads back with its co-owners and commitments, and only uncovered findings', () => {
    const text = prfaqTemplate({ title: 'One-Click Checkout', pm: 'Priya <p@x.com>', engineer: '@marco' });
    const doc = mustParse(text, 'prfaq/one-click-checkout.md');
    assert.equal(doc.kind, 'prfaq');
    assert.equal(doc.title, 'One-Click Checkout');
    assert.deepEqual(doc.owners.roles.map((r) => [r.role, r.people]), [['pm', ['Priya <p@x.com>']], ['engineer', ['@marco']]]);
    assert.deepEqual(doc.requirements.map((r) => r.id), ['OCC-1', 'OCC-2']);
    assert.deepEqual(doc.findings, []);
    for (const heading of ['Press release', 'Customer FAQ', 'Internal FAQ', 'Commitments']) {
      assert.ok(doc.sections.some((s) => s.heading === heading), heading);
    }
    const index = new WorkspaceIndex();
    index.set(doc);
    assert.deepEqual(index.findings(doc.uri).map((f) => f.code), ['uncovered-requirement', 'uncovered-requirement']);
  });

  it('makes a PR/FAQ that passes the structure lint, with every press-release part and both FAQs found', () => {
    const doc = mustParse(prfaqTemplate({ title: 'One-Click Checkout', pm: '@p', engineer: '@e' }), 'prfaq/x.md');
    assert.deepEqual(structureFindings(doc, defaultStructureSettings), []);
    const pr = doc.structure?.pressRelease;
    assert.deepEqual(Object.keys(pr?.parts ?? {}), ['headline', 'subheading', 'summary', 'problem', 'solution', 'leaderQuote', 'gettingStarted', 'customerQuote', 'callToAction']);
    assert.ok(Object.values(pr?.parts ?? {}).every((part) => part.labelled));
    assert.deepEqual(doc.structure?.faqs.map((f) => `${f.kind} ${f.name} ${f.questions}`), ['external Customer FAQ 3', 'internal Internal FAQ 3']);
  });

  it('saves the ID prefix in the frontmatter and numbers the commitments with it (Unicode titles too)', () => {
    const text = prfaqTemplate({ title: 'Оплата в один клик', pm: '@p', engineer: '@e' });
    assert.equal(idPrefixOf(text), 'ОВОК');
    assert.match(text, /^- ОВОК-1 /m);
    assert.equal(idPrefixFor('One-Click Checkout'), 'OCC');
    assert.equal(idPrefixFor('2025 roadmap'), 'REQ');
    assert.equal(idPrefixOf(prfaqTemplate({ title: 'Checkout', pm: 'a', engineer: 'b', idPrefix: 'CHK' })), 'CHK');
  });

  it('makes a design doc that covers every requirement of its PR/FAQ, with the prfaq link resolving', () => {
    const prfaq = mustParse(prfaqTemplate({ title: 'Checkout', pm: 'a', engineer: 'b' }), 'prfaq/checkout.md');
    const design = mustParse(designTemplate(prfaq, '../prfaq/checkout.md'), 'design/checkout-design.md');
    assert.equal(design.kind, 'design');
    assert.deepEqual(design.covers.map((c) => c.id), ['C-1', 'C-2']);
    assert.deepEqual(design.prfaqLinks.map((l) => l.target), [prfaq.uri]);
    const index = new WorkspaceIndex();
    index.set(prfaq);
    index.set(design);
    assert.deepEqual(index.allFindings(), []);
    assert.deepEqual(structureFindings(design, defaultStructureSettings), [], 'design docs are not structure-linted');
  });

  it('quotes titles and people safely in YAML', () => {
    const doc = mustParse(prfaqTemplate({ title: 'A: "quoted" # title', pm: '@pm', engineer: 'x: y' }));
    assert.equal(doc.title, 'A: "quoted" # title');
    assert.deepEqual(doc.owners.roles[1]?.people, ['x: y']);
  });

  it('derives file names like GitHub anchors', () => {
    assert.equal(fileSlug('One-Click Checkout!'), 'one-click-checkout');
    assert.equal(fileSlug('???'), 'untitled');
  });
});
