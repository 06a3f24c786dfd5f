import { strict as assert } from 'node:assert';
import { createIdMatcher } from '../../../src/core/api';
import { occurrencesOf, prepareRename, referencesFor, renameEdits } from '../../../src/core/language';
import { md, OWNERS } from '../helpers';
import { applyEdits, mustGet, positionOf, range, uri, workspace } from './support';

const PRFAQ = md`
  ---
  type: prfaq
  title: Checkout
  ${OWNERS.replace(/\n/g, '\n  ')}
  waived:
    "CHK-3": "later"
    feat~gift~1: not this year
  ---
  # Checkout

  ### CHK-1: Buy with one click

  Text naming CHK-1 again, and \`CHK-1\` in inline code.

  - CHK-2 Cancel, see [buy](#chk-1-buy-with-one-click) and [one](#CHK-1).
  - CHK-3 Refund.

  ### Fraud
  \`feat~fraud~1\`

  ### Gifts
  \`feat~gift~1\`

  \`\`\`markdown
  - CHK-1 template, feat~fraud~1
  \`\`\`

  <!-- CHK-1 parked; feat~fraud~1 too -->
`;

const DESIGN = md`
  ---
  type: design
  title: Design
  ${OWNERS.replace(/\n/g, '\n  ')}
  prfaq: ../prfaq/checkout.md
  ---
  ## Order
  Covers: CHK-1, CHK-2

  As [CHK-1](../prfaq/checkout.md#chk-1) says; CHK-10 and \`CHK-1\` are other things.

  ## Fraud
  Covers:
  - feat~fraud~1

  See [screening](../prfaq/checkout.md#feat~fraud~1) and [the heading](../prfaq/checkout.md#fraud).
`;

const FILES = { 'prfaq/checkout.md': PRFAQ, 'design/d.md': DESIGN };
const ids = createIdMatcher();
const textOf = (u: string) => ({ [uri('prfaq/checkout.md')]: PRFAQ, [uri('design/d.md')]: DESIGN })[u];

/** `text` with `from` replaced by `to`; `from` must be there. */
function sub(text: string, ...pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.reduce((out, [from, to]) => {
    assert.ok(out.includes(from), `fixture lacks ${from}`);
    return out.replace(from, to);
  }, text);
}

function renamed(result: ReturnType<typeof renameEdits>): Record<string, string> {
  assert.ok(!('error' in result), 'error' in result ? result.error : '');
  assert.deepEqual(result.skipped, []);
  return Object.fromEntries(Object.entries(result.edits).map(([u, edits]) => [u, applyEdits(textOf(u) ?? '', edits)]));
}

describe('language: rename', () => {
  it('renames definitions, Covers entries, mentions and link fragments, never IDs in code or comments', async () => {
    const index = await workspace(FILES);
    const after = renamed(renameEdits(index, 'CHK-1', 'CHK-7', ids, { textOf }));
    assert.deepEqual(Object.keys(after), [uri('design/d.md'), uri('prfaq/checkout.md')]);
    assert.equal(
      after[uri('prfaq/checkout.md')],
      sub(
        PRFAQ,
        ['### CHK-1: Buy', '### CHK-7: Buy'],
        ['Text naming CHK-1 again', 'Text naming CHK-7 again'],
        ['(#chk-1-buy-with-one-click)', '(#chk-7-buy-with-one-click)'],
        ['(#CHK-1)', '(#chk-7)'],
      ),
    );
    assert.equal(
      after[uri('design/d.md')],
      sub(DESIGN, ['Covers: CHK-1, CHK-2', 'Covers: CHK-7, CHK-2'], ['[CHK-1](../prfaq/checkout.md#chk-1)', '[CHK-7](../prfaq/checkout.md#chk-7)']),
    );
    // Re-indexed, the renamed workspace has CHK-7 wherever it had CHK-1, and no CHK-1 left.
    const again = await workspace({ 'prfaq/checkout.md': after[uri('prfaq/checkout.md')] ?? '', 'design/d.md': after[uri('design/d.md')] ?? '' });
    assert.equal(again.isDefined('CHK-1'), false);
    assert.equal(again.coverage('CHK-7').length, 1);
    assert.deepEqual(occurrencesOf(again, 'CHK-7').map((o) => o.role).sort(), occurrencesOf(index, 'CHK-1').map((o) => o.role).sort());
    assert.deepEqual(occurrencesOf(again, 'CHK-1'), []);
    // Untouched: inline code, the fenced block, the HTML comment and the longer CHK-10.
    for (const kept of ['`CHK-1` in inline code', '- CHK-1 template', '<!-- CHK-1 parked', 'CHK-10 and `CHK-1`']) {
      assert.ok(after[uri('prfaq/checkout.md')]?.includes(kept) || after[uri('design/d.md')]?.includes(kept), kept);
    }
  });

  it('renames an OpenFastTrace ID in its definition, Covers list, waiver-free links, keeping other fragments', async () => {
    const index = await workspace(FILES);
    const after = renamed(renameEdits(index, 'feat~fraud~1', 'feat~fraud~2', ids, { textOf }));
    assert.equal(after[uri('prfaq/checkout.md')], sub(PRFAQ, ['`feat~fraud~1`\n', '`feat~fraud~2`\n']));
    assert.equal(
      after[uri('design/d.md')],
      sub(DESIGN, ['- feat~fraud~1', '- feat~fraud~2'], ['checkout.md#feat~fraud~1)', 'checkout.md#feat~fraud~2)']),
    );
    assert.ok(after[uri('prfaq/checkout.md')]?.includes('- CHK-1 template, feat~fraud~1'));
    assert.ok(after[uri('prfaq/checkout.md')]?.includes('feat~fraud~1 too -->'));
  });

  it('renames waiver keys, keeping the quotes of a quoted key', async () => {
    const index = await workspace(FILES);
    const quoted = renamed(renameEdits(index, 'CHK-3', 'CHK-30', ids, { textOf }));
    assert.equal(
      quoted[uri('prfaq/checkout.md')],
      sub(PRFAQ, ['"CHK-3": "later"', '"CHK-30": "later"'], ['- CHK-3 Refund', '- CHK-30 Refund']),
    );
    const oft = renamed(renameEdits(index, 'feat~gift~1', 'feat~gifts~1', ids, { textOf }));
    assert.equal(
      oft[uri('prfaq/checkout.md')],
      sub(PRFAQ, ['feat~gift~1: not', 'feat~gifts~1: not'], ['`feat~gift~1`', '`feat~gifts~1`']),
    );
  });

  it('reports link fragments it cannot rewrite without the document text, and still renames the IDs', async () => {
    const index = await workspace(FILES);
    const result = renameEdits(index, 'CHK-1', 'CHK-7', ids);
    assert.ok(!('error' in result));
    assert.deepEqual(result.skipped.map((l) => [l.uri, l.range.start.line]), [
      [uri('design/d.md'), 11],
      [uri('prfaq/checkout.md'), 16],
      [uri('prfaq/checkout.md'), 16],
    ]);
    assert.deepEqual(result.edits[uri('design/d.md')]?.map((e) => e.range), [range(9, 8, 13), range(11, 4, 9)]);
  });

  it('warns when the new name is undefined but already named: stale Covers entries, waivers, mentions and links would be adopted', async () => {
    const stale = {
      'prfaq/checkout.md': sub(PRFAQ, ['  feat~gift~1: not this year\n', '  feat~gift~1: not this year\n  CHK-30: dropped last year\n']),
      'design/d.md': `${DESIGN}\n## Old refunds\nCovers: CHK-30\n\nOnce CHK-30, see [the old one](../prfaq/checkout.md#chk-30).\n`,
    };
    const index = await workspace(stale);
    const result = renameEdits(index, 'CHK-3', 'CHK-30', ids, { textOf: (u) => ({ [uri('prfaq/checkout.md')]: stale['prfaq/checkout.md'], [uri('design/d.md')]: stale['design/d.md'] })[u] });
    assert.ok(!('error' in result), 'error' in result ? result.error : '');
    // The rename itself is still computed (the editor asks before applying it).
    assert.deepEqual(Object.keys(result.edits), [uri('prfaq/checkout.md')]);
    assert.deepEqual(
      result.adopted.map((o) => [o.role, o.uri, o.range.start.line]),
      [
        ['cover', uri('design/d.md'), 20],
        ['mention', uri('design/d.md'), 22],
        ['link', uri('design/d.md'), 22],
        ['waiver', uri('prfaq/checkout.md'), 9],
      ],
    );
    assert.equal(
      result.warning,
      "CHK-30 is not defined, but 1 Covers: entry, 1 mention, 1 link to its anchor and 1 waiver already name it (design/d.md, prfaq/checkout.md). After the rename they refer to this requirement: CHK-3's status would then count its coverage and its waiver.",
    );
    // A name nothing uses: no warning.
    const clean = renameEdits(index, 'CHK-3', 'CHK-31', ids, { textOf });
    assert.ok(!('error' in clean));
    assert.deepEqual(clean.adopted, []);
    assert.equal(clean.warning, undefined);
    // Renaming from the unpolluted fixture warns about nothing either.
    const plain = renameEdits(await workspace(FILES), 'CHK-3', 'CHK-30', ids, { textOf });
    assert.ok(!('error' in plain) && plain.warning === undefined && plain.adopted.length === 0);
  });

  it('finds and renames reference-style link definitions to requirement anchors, leaving their titles alone', async () => {
    const design = `${DESIGN}\nSee [the refund][r] and [buying][buy].\n\n[r]: ../prfaq/checkout.md#chk-3 "about #chk-3"\n[buy]: <../prfaq/checkout.md#chk-1-buy-with-one-click>\n`;
    const files = { 'prfaq/checkout.md': PRFAQ, 'design/d.md': design };
    const index = await workspace(files);
    // Find references on CHK-3's definition lists the link definition (the whole definition, like a whole inline link).
    const references = referencesFor(index, mustGet(index, 'prfaq/checkout.md'), positionOf(PRFAQ, 'CHK-3 Refund'), false);
    assert.deepEqual(
      references.filter((l) => l.uri === uri('design/d.md')),
      [{ uri: uri('design/d.md'), range: { start: positionOf(design, '[r]:'), end: positionOf(design, '\n[buy]:') } }],
    );
    const texts = (u: string) => ({ [uri('prfaq/checkout.md')]: PRFAQ, [uri('design/d.md')]: design })[u];
    const applied = (result: ReturnType<typeof renameEdits>, u: string) => {
      assert.ok(!('error' in result), 'error' in result ? result.error : '');
      assert.deepEqual(result.skipped, []);
      return applyEdits(texts(u) ?? '', result.edits[u] ?? []);
    };
    assert.equal(
      applied(renameEdits(index, 'CHK-3', 'CHK-30', ids, { textOf: texts }), uri('design/d.md')),
      sub(design, ['[r]: ../prfaq/checkout.md#chk-3 "about #chk-3"', '[r]: ../prfaq/checkout.md#chk-30 "about #chk-3"']),
    );
    assert.equal(
      applied(renameEdits(index, 'CHK-1', 'CHK-7', ids, { textOf: texts }), uri('design/d.md')),
      sub(
        design,
        ['Covers: CHK-1, CHK-2', 'Covers: CHK-7, CHK-2'],
        ['[CHK-1](../prfaq/checkout.md#chk-1)', '[CHK-7](../prfaq/checkout.md#chk-7)'],
        ['checkout.md#chk-1-buy-with-one-click>', 'checkout.md#chk-7-buy-with-one-click>'],
      ),
    );
  });

  it('rejects a name that is not an ID, already exists, is unchanged, or would undo an OpenFastTrace definition', async () => {
    const index = await workspace(FILES);
    const error = (id: string, name: string) => {
      const result = renameEdits(index, id, name, ids, { textOf });
      return 'error' in result ? result.error : undefined;
    };
    assert.equal(error('CHK-1', 'CHK 7'), '"CHK 7" is not a requirement ID (pattern [A-Z][A-Z0-9]*-[0-9]+)');
    assert.equal(error('CHK-1', 'CHK-2'), 'CHK-2 already exists in prfaq/checkout.md');
    assert.equal(error('CHK-1', 'CHK-1'), "CHK-1 is already the requirement's ID");
    assert.equal(error('CHK-12', 'CHK-13'), 'CHK-12 is not defined by any PR/FAQ, so there is no requirement to rename');
    assert.match(error('feat~fraud~1', 'CHK-9') ?? '', /^feat~fraud~1 is defined in OpenFastTrace form/);
    assert.equal(error('CHK-1', 'feat~buy~1'), undefined);
  });

  it('prepares a rename on an ID only, refusing links, non-IDs and undefined IDs', async () => {
    const index = await workspace(FILES);
    const design = mustGet(index, 'design/d.md');
    const prfaq = mustGet(index, 'prfaq/checkout.md');
    assert.deepEqual(prepareRename(index, design, positionOf(DESIGN, 'CHK-2', 1, 2)), { range: range(9, 15, 20), placeholder: 'CHK-2' });
    assert.deepEqual(prepareRename(index, prfaq, positionOf(PRFAQ, '"CHK-3"', 1, 1)), { range: range(7, 3, 8), placeholder: 'CHK-3' });
    assert.deepEqual(prepareRename(index, design, positionOf(DESIGN, 'screening')), {
      error: 'This is a link to feat~fraud~1: rename the ID itself (links to it are updated with it)',
    });
    assert.match((prepareRename(index, design, positionOf(DESIGN, 'says')) as { error: string }).error, /^Not a requirement ID/);
    assert.deepEqual(prepareRename(index, design, positionOf(DESIGN, 'CHK-10')), {
      error: 'CHK-10 is not defined by any PR/FAQ, so there is no requirement to rename',
    });
  });
});
