import { strict as assert } from 'node:assert';
import {
  createInProcessParser,
  defaultConfig,
  defaultStructureSettings,
  indexWorkspace,
  resolveConfig,
  WorkspaceIndex,
  PRESS_RELEASE_PARTS,
  missingPartCode,
  structureFindings,
  structureRules,
  type Finding,
  type StructureSettings,
} from '../../src/core/api';
import { at, memoryHost, mustParse } from './helpers';
import { HEAD, HEADINGS, LABELS, PROSE } from './lintFixtures';

const structureCodes = new Set<string>(structureRules.map((rule) => rule.code));

/** Indexes files the way the CLI does, with the configuration's severities and structure settings. */
async function indexFiles(files: Readonly<Record<string, string>>, raw?: unknown): Promise<WorkspaceIndex> {
  const config = resolveConfig(raw);
  const index = new WorkspaceIndex(config.severities, config.structure);
  await indexWorkspace(memoryHost(files), config, createInProcessParser(config), index);
  return index;
}

function lint(body: string, settings: StructureSettings = defaultStructureSettings): Finding[] {
  return structureFindings(mustParse(HEAD + body, 'prfaq/checkout.md'), settings);
}
function codesOf(body: string, settings?: StructureSettings): string[] {
  return lint(body, settings).map((f) => f.code);
}

describe('PR/FAQ structure lint', () => {
  it('reports nothing for a complete PR/FAQ, whichever variant it is written in', () => {
    for (const [name, body] of [['labels', LABELS], ['headings', HEADINGS], ['prose', PROSE]] as const) {
      assert.deepEqual(lint(body), [], name);
    }
  });

  it('every rule has a stable code and defaults to info', () => {
    assert.equal(structureRules.length, 19);
    for (const rule of structureRules) assert.equal(rule.defaultSeverity, 'info', rule.code);
    assert.equal(new Set(structureRules.map((r) => r.code)).size, structureRules.length);
  });

  describe('each press-release part missing once', () => {
    const labelOf: Record<string, RegExp> = {
      headline: /^\*\*Headline\.\*\*.*\n\n/m,
      subheading: /^\*\*Subheading\.\*\*.*\n\n/m,
      summary: /^\*\*Summary\.\*\*.*\n\n/m,
      problem: /^\*\*Problem\.\*\*.*\n\n/m,
      solution: /^\*\*Solution\.\*\*.*\n\n/m,
      leaderQuote: /^\*\*Quote from a leader\.\*\*.*\n\n/m,
      gettingStarted: /^\*\*How to get started\.\*\*.*\n\n/m,
      customerQuote: /^\*\*Customer quote\.\*\*.*\n\n/m,
      callToAction: /^\*\*Call to action\.\*\*.*\n\n/m,
    };
    const headingOf: Record<string, RegExp> = {
      headline: /^### Headline\n\n.*\n\n/m,
      subheading: /^### Subheading\n\n.*\n\n/m,
      summary: /^### Summary\n\n.*\n\n/m,
      problem: /^### The Problem\n\n.*\n\n/m,
      solution: /^### Solution\n\n.*\n\n/m,
      leaderQuote: /^### Quote\n\n.*\n\n/m,
      gettingStarted: /^### Getting started\n\n.*\n\n/m,
      customerQuote: /^### Customer Quote\n\n.*\n\n/m,
      callToAction: /^### Closing and call to action\n\n.*\n\n/m,
    };
    for (const part of PRESS_RELEASE_PARTS) {
      it(`${part}: as a bold label and as a heading`, () => {
        for (const [variant, body, pattern] of [['labels', LABELS, labelOf[part]], ['headings', HEADINGS, headingOf[part]]] as const) {
          const without = body.replace(pattern as RegExp, '');
          assert.notEqual(without, body, `${variant} fixture has the ${part}`);
          const findings = lint(without);
          assert.deepEqual(findings.map((f) => f.code), [missingPartCode[part]], variant);
          // On the press release's heading, with advice.
          assert.deepEqual(at(findings), [`${missingPartCode[part]}@${without.split('\n').findIndex((l) => /^## Press release/i.test(l)) + 8}:1`], variant);
          assert.equal(findings[0]?.severity, 'info');
        }
      });
    }
  });

  it('prose: the quotes are told apart by order, a single quote after "To get started" is the customer\'s', () => {
    const withoutLeader = PROSE.replace(/^"We remember you.*\n\n/m, '');
    assert.deepEqual(codesOf(withoutLeader), ['missing-leader-quote']);
    const withoutCustomer = PROSE.replace(/^“I tap once.*\n\n/m, '');
    assert.deepEqual(codesOf(withoutCustomer), ['missing-customer-quote']);
    const withoutStart = PROSE.replace(/^To get started.*\n\n/m, '');
    assert.deepEqual(codesOf(withoutStart), ['missing-getting-started']);
    const withoutDateline = PROSE.replace('PORTLAND, Ore. — September 9, 2025 — ', '');
    assert.deepEqual(codesOf(withoutDateline), ['missing-summary']);
  });

  it('finds no press release or no FAQ, and FAQs without questions', () => {
    const noPressRelease = LABELS.replace(/## Press release[\s\S]*?(?=## Customer FAQ)/, '');
    assert.deepEqual(at(lint(noPressRelease)), ['missing-press-release@10:1']);
    assert.deepEqual(codesOf(LABELS.replace(/## Customer FAQ[\s\S]*?(?=## Internal FAQ)/, '')), ['missing-external-faq']);
    assert.deepEqual(codesOf(LABELS.replace(/## Internal FAQ[\s\S]*?(?=## Commitments)/, '')), ['missing-internal-faq']);
    const noQuestions = LABELS.replace('### How do I turn it on?\n\n', '');
    assert.deepEqual(at(lint(noQuestions)), ['faq-without-questions@30:1']);
    assert.match(lint(noQuestions)[0]?.message ?? '', /"Customer FAQ" has no question/);
  });

  it('recognises the FAQ names: Customer FAQ, External FAQ, Frequently Asked Questions, FAQ, Internal FAQ', () => {
    for (const name of ['Customer FAQ', 'External FAQ', 'Frequently Asked Questions', 'FAQ', 'FAQs', 'Customer FAQs (draft)']) {
      assert.deepEqual(codesOf(LABELS.replace('## Customer FAQ', `## ${name}`)), [], name);
    }
    assert.deepEqual(codesOf(LABELS.replace('## Customer FAQ', '**Customer FAQ**')), [], 'as a bold label');
    // A generic FAQ holding an internal part only: the customer FAQ is missing.
    const genericInternalOnly = LABELS.replace(/## Customer FAQ[\s\S]*?## Internal FAQ/, '## FAQ\n\n### Internal');
    assert.deepEqual(codesOf(genericInternalOnly), ['missing-external-faq']);
  });

  it('recognises questions as headings ending in "?", "Q:" headings, **Q: …** and Q: paragraphs, and bold questions', () => {
    for (const question of ['### How do I turn it on?', '### Q: Turning it on', '**Q: How do I turn it on?**', 'Q: How do I turn it on', '**How do I turn it on?**']) {
      assert.deepEqual(codesOf(LABELS.replace('### How do I turn it on?', question)), [], question);
    }
    assert.deepEqual(codesOf(LABELS.replace('### How do I turn it on?', '### Turning it on')), ['faq-without-questions']);
  });

  it('reports an over-long press release and over-long FAQs against their word budgets', () => {
    const filler = `${'word '.repeat(700).trim()}.`;
    const long = LABELS.replace('**Problem.** Checkout', `**Problem.** ${filler} Checkout`);
    const findings = lint(long);
    assert.deepEqual(findings.map((f) => f.code), ['press-release-too-long']);
    assert.match(findings[0]?.message ?? '', /^the press release is \d+ words, over its budget of 600 \(about one page/);
    assert.deepEqual(codesOf(long, { ...defaultStructureSettings, pressReleaseWords: 1000 }), []);
    assert.deepEqual(codesOf(LABELS, { ...defaultStructureSettings, pressReleaseWords: 20 }), ['press-release-too-long']);

    const longFaq = LABELS.replace('31 person-weeks.', `${'cost '.repeat(3100)}`);
    assert.deepEqual(at(lint(longFaq)), ['faq-too-long@30:1']);
    assert.deepEqual(codesOf(longFaq, { ...defaultStructureSettings, faqWords: 5000 }), []);
  });

  it('reports a weasel word at its exact range, across soft line breaks, not in code, any case, from the configured list', () => {
    const body = LABELS.replace('One click places the order', 'A Seamless click places the order, `easy` in code,\nnearly\nall of it');
    const findings = lint(body);
    assert.deepEqual(findings.map((f) => [f.code, f.subject]), [['weasel-word', 'seamless'], ['weasel-word', 'nearly all']]);
    const line = (HEAD + body).split('\n').findIndex((l) => l.includes('Seamless'));
    assert.deepEqual(findings[0]?.range, { start: { line, character: 16 }, end: { line, character: 24 } });
    assert.deepEqual(findings[1]?.range, { start: { line: line + 1, character: 0 }, end: { line: line + 2, character: 3 } });
    assert.match(findings[0]?.message ?? '', /weasel word "Seamless" in the press release/);
    // Whole words only; the list is configurable.
    assert.deepEqual(codesOf(LABELS.replace('places', 'easily-placed simpler')), ['weasel-word']);
    assert.deepEqual(codesOf(LABELS.replace('places', 'simpler')), []);
    assert.deepEqual(codesOf(LABELS.replace('places', 'delightfully places'), { ...defaultStructureSettings, weaselWords: ['delightfully'] }), ['weasel-word']);
    assert.deepEqual(codesOf(LABELS.replace('places', 'seamlessly places'), { ...defaultStructureSettings, weaselWords: [] }), []);
    // Only in the press release: the FAQ may say "easy".
    assert.deepEqual(codesOf(LABELS.replace('In Account settings.', 'It is easy.')), []);
  });

  it('checks the subheading is one sentence and the summary opens with a dateline', () => {
    assert.deepEqual(at(lint(LABELS.replace('in one click.', 'in one click. They can cancel for free.'))), ['subheading-not-one-sentence@14:1']);
    assert.deepEqual(at(lint(LABELS.replace('PORTLAND, Ore. — September 9, 2025 — ', ''))), ['summary-without-dateline@16:1']);
    for (const dateline of ['SEATTLE, March 3, 2026 — ', 'LONDON, 3 March 2026 — ', 'BERLIN, 2026-03-03 — ', '[CITY], [Month D, YYYY] — ']) {
      assert.deepEqual(codesOf(LABELS.replace('PORTLAND, Ore. — September 9, 2025 — ', dateline)), [], dateline);
    }
  });

  it('a PR/FAQ with neither a press release nor an FAQ is a plain list of commitments: no structure findings', () => {
    assert.deepEqual(codesOf('# Checkout\n\n## Commitments\n\n- CHK-1 Buy.\n'), []);
  });
});

describe('no-requirements', () => {
  it('is reported on the title of a PR/FAQ that defines no requirement, with how to define them', () => {
    const findings = lint('# Checkout\n\nWe will build checkout.\n\n- Buy with one click\n');
    assert.deepEqual(at(findings), ['no-requirements@8:1']);
    assert.match(findings[0]?.message ?? '', /start list items or headings with an ID .*Number Commitments/);
    assert.deepEqual(at(lint('Just text.\n')), ['no-requirements@1:1']);
  });

  it('is not reported for a PR/FAQ with a requirement, a design doc, or a document that was not parsed', () => {
    assert.deepEqual(codesOf('# Checkout\n\n- CHK-1 Buy.\n'), []);
    const designDoc = mustParse('---\ntype: design\n---\n# Service\n', 'design/service.md');
    assert.deepEqual(structureFindings(designDoc, defaultStructureSettings), []);
    const huge = mustParse(HEAD + 'x'.repeat(100), 'prfaq/huge.md', { ...defaultConfig, maxFileSize: 10 });
    assert.deepEqual(huge.findings.map((f) => f.code), ['file-too-large']);
    assert.deepEqual(structureFindings(huge, defaultStructureSettings), []);
  });
});

describe('structure lint configuration', () => {
  it('severities set each code off, info, warning or error; the index applies them', async () => {
    const files = { 'prfaq/checkout.md': HEAD + LABELS.replace(/^\*\*Problem\.\*\*.*\n\n/m, '').replace('CHK-1 Buy', 'Buy') };
    const plain = await indexFiles(files);
    assert.deepEqual(plain.allFindings().map((f) => `${f.code}:${f.severity}`).sort(), ['missing-problem:info', 'no-requirements:info']);
    const configured = await indexFiles(files, { severities: { 'missing-problem': 'error', 'no-requirements': 'off' } });
    assert.deepEqual(configured.allFindings().map((f) => `${f.code}:${f.severity}`), ['missing-problem:error']);
    const warned = await indexFiles(files, { severities: { 'missing-problem': 'warning' } });
    assert.ok(warned.allFindings().some((f) => f.code === 'missing-problem' && f.severity === 'warning'));
  });

  it('structure budgets and the weasel list come from the configuration; bad values are one-line errors', async () => {
    const files = { 'prfaq/checkout.md': HEAD + LABELS.replace('places', 'seamlessly places') };
    const structureOnly = (findings: readonly Finding[]) => findings.filter((f) => structureCodes.has(f.code));
    assert.deepEqual(structureOnly((await indexFiles(files)).allFindings()).map((f) => f.code), ['weasel-word']);
    const launched = structureOnly((await indexFiles(files, { structure: { weaselWords: ['launched'] } })).allFindings());
    assert.deepEqual(launched.map((f) => `${f.code} ${f.subject}`), ['weasel-word launched']);
    const budget = structureOnly((await indexFiles(files, { structure: { pressReleaseWords: 10, weaselWords: [] } })).allFindings());
    assert.deepEqual(budget.map((f) => f.code), ['press-release-too-long']);
    for (const [structure, message] of [
      [{ pressReleaseWords: 0 }, /"structure.pressReleaseWords" must be a positive whole number/],
      [{ faqWords: 'five pages' }, /"structure.faqWords" must be a positive whole number/],
      [{ weaselWords: [''] }, /"structure.weaselWords" must be a list/],
      [{ words: 3 }, /unknown configuration key "structure.words"/],
      [[], /"structure" must be an object/],
    ] as const) {
      await assert.rejects(indexFiles(files, { structure }), message);
    }
    await assert.rejects(indexFiles(files, { severities: { 'missing-problem': 'loud' } }), /must be error, warning, info or off/);
  });

  it('every structure code is a known finding code for severities', async () => {
    const severities = Object.fromEntries([...structureCodes].map((code) => [code, 'off']));
    const index = await indexFiles({ 'prfaq/checkout.md': HEAD + '# Checkout\n\n## FAQ\n' }, { severities });
    assert.deepEqual(index.allFindings(), []);
  });
});
