import { strict as assert } from 'node:assert';
import { buildReport, renderMarkdown, type DocModel } from '../../src/core/api';
import { at, codes, design, indexFiles, md, mustParse, prfaq, ROOT } from './helpers';

/**
 * The OpenFastTrace forms, each with a fixture written from OFT's user guide or its markdown
 * importer's tests, asserting what OFT itself reads (and the finding where prfaq-trace reads it
 * differently or cannot read it at all).
 */

function items(doc: DocModel): Array<[string, string, string]> {
  return doc.requirements.map((r) => [r.id, r.form, r.title]);
}

function coversOf(doc: DocModel): Array<[string, string | undefined, string]> {
  return doc.covers.map((c) => [c.id, c.by, c.type]);
}

describe('OpenFastTrace forms: item definitions', () => {
  it('reads the minimal requirement: an ID line and a description, no heading above it', () => {
    const doc = mustParse(prfaq(md`
      \`req~this-is-the-id~1\`

      This is the description of the requirement.
    `));
    assert.deepEqual(items(doc), [['req~this-is-the-id~1', 'oft', '']]);
    assert.equal(doc.requirements[0]?.text, 'This is the description of the requirement.');
    assert.deepEqual(doc.requirements[0]?.needs, [], 'without Needs: it is terminating');
  });

  it('reads the title from the heading above, Needs: as the artifact types, and text after the ID (an anchor) as ignored', () => {
    const doc = mustParse(prfaq(md`
      ### The Requirement Title
      \`req~this-is-the-id~1\` <a id="req~this-is-the-id~1"></a>

      This is the description of the requirement.

      Needs: dsn, uman
    `));
    assert.deepEqual(items(doc), [['req~this-is-the-id~1', 'oft', 'The Requirement Title']]);
    assert.deepEqual(doc.requirements[0]?.needs, ['dsn', 'uman']);
    assert.equal(doc.requirements[0]?.type, 'req');
    assert.deepEqual(doc.mentions, [], 'the anchor is HTML, not a mention');
  });

  it('titles only the first of several items under one heading (as OFT does)', () => {
    const doc = mustParse(prfaq(md`
      ## Exporters
      \`req~html-export~1\`
      Exports HTML.

      \`req~pdf-export~1\`
      Exports PDF.
    `));
    assert.deepEqual(items(doc), [
      ['req~html-export~1', 'oft', 'Exporters'],
      ['req~pdf-export~1', 'oft', ''],
    ]);
    assert.deepEqual(doc.requirements.map((r) => r.text), ['Exports HTML.', 'Exports PDF.']);
  });

  it('follows OFT\'s ID grammar: upper-case types and Unicode names are IDs; digits in the type, names starting with a digit or holding ".." are not, and say so', () => {
    const doc = mustParse(prfaq(md`
      ### Die Implementierung muss den Zustand einzelner Zellen ändern
      \`req~zellzustandsänderung~1\`

      ### Upper case
      REQ~Upper.Case_name-x~2

      ### Digit in the type
      re2q~x~1

      ### Name starts with a digit
      req~1x~1

      ### Double dot
      req~a..b~1
    `));
    assert.deepEqual(doc.requirements.map((r) => r.id), ['req~zellzustandsänderung~1', 'REQ~Upper.Case_name-x~2']);
    assert.deepEqual(at(doc.findings).filter((f) => f.startsWith('malformed-oft')), ['malformed-oft@15:1', 'malformed-oft@18:1', 'malformed-oft@21:1']);
    const messages = doc.findings.map((f) => f.message).join('\n');
    assert.match(messages, /artifact type "re2q" must be letters only/);
    assert.match(messages, /the name must start with a letter, not "1"/);
    assert.match(messages, /dots in a name/);
  });

  it('says why an ID line without a revision, or with a stray "~", is not read', () => {
    const doc = mustParse(prfaq('### No revision\n`req~no-revision`\n\n### Stray\nreq~x~1~2~\n'));
    assert.deepEqual(doc.requirements.map((r) => r.id), ['req~x~1'], 'OFT reads req~x~1 and ignores the rest of its line');
    const malformed = doc.findings.filter((f) => f.code === 'malformed-oft');
    assert.equal(malformed.length, 1);
    assert.match(malformed[0]?.message ?? '', /"req~no-revision" has no revision: OFT IDs are type~name~revision/);
  });

  it('defines OFT items in design docs too', () => {
    const doc = mustParse(design('## Parser\n`dsn~parser~1`\nNeeds: impl, utest\n'));
    assert.deepEqual(items(doc), [['dsn~parser~1', 'oft', 'Parser']]);
    assert.deepEqual(doc.requirements[0]?.needs, ['impl', 'utest']);
  });

  it('keeps this project\'s own forms needing a design section', () => {
    const doc = mustParse(prfaq('### CHK-1: Buy with one click\n- CHK-2 Cancel within 30 minutes.\n'));
    assert.deepEqual(doc.requirements.map((r) => [r.id, r.type, r.needs]), [
      ['CHK-1', 'prfaq', ['design']],
      ['CHK-2', 'prfaq', ['design']],
    ]);
  });
});

describe('OpenFastTrace forms: fields directly under the ID line', () => {
  it('reads Covers:, Needs:, Depends: and Tags: with no blank line before them', () => {
    const doc = mustParse(prfaq(md`
      \`req~covers-list~4\`
      Description
      Needs: dsn
      Covers:
      * \`feat~item-a~1\`
      * \`feat~item-b~2\`
      Depends:
      + configuration~blubb.blah.blah~4711
      - db~blah.blubb~42
      Tags: Exporter, Html
    `));
    const [item] = doc.requirements;
    assert.deepEqual(item?.needs, ['dsn']);
    assert.deepEqual(coversOf(doc), [
      ['feat~item-a~1', 'req~covers-list~4', 'req'],
      ['feat~item-b~2', 'req~covers-list~4', 'req'],
    ]);
    assert.deepEqual(item?.depends, ['configuration~blubb.blah.blah~4711', 'db~blah.blubb~42']);
    assert.deepEqual(item?.tags, ['Exporter', 'Html']);
    assert.deepEqual(doc.mentions.map((m) => m.id), ['configuration~blubb.blah.blah~4711', 'db~blah.blubb~42'], 'Depends entries are references');
  });

  it('keeps a Depends: list after a Covers: list out of the coverage (a dependency is no coverage)', async () => {
    const index = await indexFiles({
      'spec.md': prfaq(md`
        \`feat~export~1\`
        Needs: req

        \`req~html~1\`
        Covers:
        - feat~other~1
        Depends:
        - feat~export~1
      `),
    });
    assert.equal(index.status('feat~export~1'), 'uncovered');
    assert.deepEqual(index.coverage('feat~export~1'), []);
  });

  it('ends a design section\'s Covers: list at a Depends: line, even where markdown continues the list', async () => {
    const index = await indexFiles({
      'spec.md': prfaq('`feat~export~1`\nNeeds: design\n\n`feat~other~1`\nNeeds: design\n'),
      'design.md': design('## A\nCovers:\n- feat~other~1\nDepends:\n- feat~export~1\n', ''),
    });
    assert.deepEqual(index.get(`${ROOT}/design.md`)?.covers.map((c) => c.id), ['feat~other~1']);
    assert.equal(index.status('feat~other~1'), 'covered');
    assert.equal(index.status('feat~export~1'), 'uncovered', 'a mere dependency is no coverage');
    assert.deepEqual(index.references('feat~export~1').map((r) => r.kind), ['mention']);
  });

  it('reads Needs: and Tags: as lists, and Status:, Rationale: and Comment: as fields', () => {
    const doc = mustParse(prfaq(md`
      \`arch~acme-client-uses-exponential-back-off-strategy~1\`
      Status: draft

      If the ACME client cannot reach the ACME server, it uses a back-off strategy.

      Rationale:
      If the ACME server comes up again after a failure, it would be under heavy load.

      Comment:
      Since the implementation depends on the hardware capabilities of the client,
      Covers nothing here: "Covers" only counts at the start of its line.

      Needs:
      * dsn
      * uman
      Tags:
      - AuthenticationProvider
    `));
    const [item] = doc.requirements;
    assert.equal(item?.status, 'draft');
    assert.deepEqual(item?.needs, ['dsn', 'uman']);
    assert.deepEqual(item?.tags, ['AuthenticationProvider']);
    assert.equal(item?.text, 'If the ACME client cannot reach the ACME server, it uses a back-off strategy.');
    assert.deepEqual(doc.covers, []);
  });

  it('says when a Needs: line cannot be read (OFT would read it as description)', () => {
    const doc = mustParse(prfaq('`req~x~1`\nNeeds: dsn uman\n'));
    assert.deepEqual(doc.requirements[0]?.needs, []);
    assert.deepEqual(codes(doc.findings), ['malformed-oft']);
    assert.match(doc.findings[0]?.message ?? '', /Needs: not read: OpenFastTrace expects "Needs: a, b"/);
  });
});

describe('OpenFastTrace forms: Covers entries', () => {
  it('takes the ID from a link\'s target when its text is not the ID, and an ID that is not first on its line', () => {
    const doc = mustParse(prfaq(md`
      \`type~id~1\`
      Covers:

        * impl~foo1~1
       + [Link to baz2](#impl~baz2~2)
      - see the export feature, feat~export~1
    `));
    assert.deepEqual(doc.covers.map((c) => c.id), ['impl~foo1~1', 'impl~baz2~2', 'feat~export~1']);
  });

  it('reads an unclosed link', () => {
    const doc = mustParse(design('## A\nCovers:\n- [feat~x~1](../spec.md#feat~x~1\n'));
    assert.deepEqual(doc.covers.map((c) => c.id), ['feat~x~1']);
  });

  it('reads one ID per bullet, the last, as OFT does, and says the others are not covered', () => {
    const doc = mustParse(prfaq('`req~r~1`\nCovers:\n- feat~a~1, feat~b~1\n'));
    assert.deepEqual(doc.covers.map((c) => c.id), ['feat~b~1']);
    assert.deepEqual(doc.mentions.map((m) => m.id), ['feat~a~1']);
    assert.deepEqual(doc.requirements.map((r) => r.id), ['req~r~1'], 'the bullet defines nothing');
    assert.match(doc.findings.find((f) => f.code === 'oft-difference')?.message ?? '', /feat~a~1 on this line is not covered/);
  });

  it('counts numbered Covers: items, with an oft-difference finding (OFT reads only + * - bullets)', () => {
    const doc = mustParse(prfaq('`req~r~1`\nCovers:\n1. feat~a~1\n'));
    assert.deepEqual(doc.covers.map((c) => c.id), ['feat~a~1']);
    assert.deepEqual(at(doc.findings), ['oft-difference@10:4']);
    assert.equal(doc.findings[0]?.severity, 'info');
  });

  it('counts an inline Covers: line of an item, with an oft-difference finding (OFT reads it as description)', () => {
    const doc = mustParse(prfaq('`req~r~1`\nCovers: feat~a~1, feat~b~1\n'));
    assert.deepEqual(doc.covers.map((c) => c.id), ['feat~a~1', 'feat~b~1']);
    assert.deepEqual(codes(doc.findings), ['oft-difference']);
  });

  it('says why an entry that looks like an ID is not read', () => {
    const doc = mustParse(prfaq('`req~r~1`\nCovers:\n- feat~missing-revision\n- a note, not an ID\n'));
    assert.deepEqual(doc.covers, []);
    assert.deepEqual(at(doc.findings), ['malformed-oft@10:3']);
    assert.match(doc.findings[0]?.message ?? '', /Covers entry not read: "feat~missing-revision" has no revision/);
  });

  it('reads a design section\'s Covers: line directly under its text, with no blank line (this project\'s own form)', () => {
    const doc = mustParse(design('## Order path\nThe order path.\nCovers:\n- CHK-1\n- feat~x~1\n'));
    assert.deepEqual(coversOf(doc), [
      ['CHK-1', undefined, 'design'],
      ['feat~x~1', undefined, 'design'],
    ]);
  });
});

describe('OpenFastTrace forms: forwarding, oft:off, revisions', () => {
  it('reads forwarding in its line and list forms', () => {
    const doc = mustParse(design(md`
      # A Collection of Different Forwards
      * \`arch --> dsn : req~foo~1\`
      * arch  -->dsn  : req~bar~2   with a comment
      dsn-->impl      :    req~zoo~3
    `));
    assert.deepEqual(doc.requirements.map((r) => [r.id, r.form, r.needs]), [
      ['arch~foo~1', 'forward', ['dsn']],
      ['arch~bar~2', 'forward', ['dsn']],
      ['dsn~zoo~3', 'forward', ['impl']],
    ]);
    assert.deepEqual(coversOf(doc), [
      ['req~foo~1', 'arch~foo~1', 'arch'],
      ['req~bar~2', 'arch~bar~2', 'arch'],
      ['req~zoo~3', 'dsn~zoo~3', 'dsn'],
    ]);
  });

  it('reads nothing between <!-- oft:off --> and <!-- oft:on -->, and goes on with the item after it', () => {
    const doc = mustParse(prfaq(md`
      \`req~stop-parsing~1\`

      The next part must not be parsed:

      <!-- oft:off -->
      \`req~do-not-parse-me~2\`

      - CHK-9 Neither this.

      Needs: utest
      <!-- oft:on -->

      Needs: impl
    `));
    assert.deepEqual(doc.requirements.map((r) => [r.id, r.needs]), [['req~stop-parsing~1', ['impl']]]);
    assert.deepEqual(doc.mentions, []);
  });

  it('keeps oft:off regions whole when the document is split into chunks', () => {
    const text = prfaq('# One\n\n<!-- oft:off -->\n\n## Two\n\n`req~hidden~1`\n\n<!-- oft:on -->\n\n## Three\n\n`req~shown~1`\n');
    assert.deepEqual(mustParse(text).requirements.map((r) => r.id), ['req~shown~1']);
  });

  it('reports coverage of another revision as outdated-coverage, naming the current revision', async () => {
    const index = await indexFiles({
      'spec.md': prfaq('`req~x~2`\nNeeds: dsn\n'),
      'design.md': design('## A\n`dsn~a~1`\nCovers:\n- req~x~1\n\n## B\n`dsn~b~1`\nCovers:\n- req~x~3\n', ''),
    });
    const findings = index.findings(`${ROOT}/design.md`);
    assert.deepEqual(at(findings), ['outdated-coverage@11:3', 'outdated-coverage@16:3']);
    assert.match(findings[0]?.message ?? '', /req~x~1 is not defined, req~x~2 is the current revision \(spec\.md:8\): OpenFastTrace reports this coverage as outdated/);
    assert.match(findings[1]?.message ?? '', /predated/);
    assert.equal(index.status('req~x~2'), 'uncovered');
  });

  it('updates outdated-coverage when the current revision appears in another document', async () => {
    const index = await indexFiles({ 'design.md': design('## A\n`dsn~a~1`\nCovers:\n- req~x~1\n', '') });
    assert.deepEqual(codes(index.findings(`${ROOT}/design.md`)), ['unknown-requirement']);
    index.set(mustParse(prfaq('`req~x~2`\n'), 'spec.md'));
    assert.deepEqual(codes(index.findings(`${ROOT}/design.md`)), ['outdated-coverage']);
  });
});

describe('OpenFastTrace forms: anchors and the markdown report', () => {
  it('builds heading anchors as GitHub does: raw HTML and images give no text', () => {
    const doc = mustParse(prfaq(md`
      # <img alt="logo" src="logo.svg"/> OpenFastTrace

      ## <a name="install"></a>Installation

      ## ![icon](icon.png) Usage
      \`req~usage~1\`
    `));
    assert.deepEqual(doc.sections.map((s) => [s.heading, s.slug]), [
      ['OpenFastTrace', '-openfasttrace'],
      ['Installation', 'installation'],
      ['icon Usage', '-usage'],
    ]);
    assert.deepEqual(doc.requirements[0]?.anchors, ['-usage', 'req~usage~1']);
  });

  it('resolves a link to such an anchor', async () => {
    const index = await indexFiles({
      'spec.md': prfaq('## <a name="x"></a>Export\n`req~export~1`\n'),
      'design.md': design('## A\nSee [export](spec.md#export).\n'),
    });
    assert.deepEqual(index.references('req~export~1').map((r) => r.kind), ['link']);
  });

  it('escapes "~" in the markdown report, so GitHub does not strike OFT IDs through', async () => {
    const index = await indexFiles({ 'spec.md': prfaq('`feat~x~1`\nNeeds: req\n') });
    const markdown = renderMarkdown(buildReport(index, ROOT));
    assert.match(markdown, /feat\\~x\\~1/);
    assert.doesNotMatch(markdown, /[^\\]~x/);
  });
});
