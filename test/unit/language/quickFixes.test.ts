import { strict as assert } from 'node:assert';
import { mentionActions, quickFixesFor } from '../../../src/core/language';
import { OWNERS } from '../helpers';
import { applyEdits, FILES, mustGet, positionOf, SERVICE, uri, workspace } from './support';

describe('language: quick fixes for findings', () => {
  it('dispatches each finding code to its fixes, with the texts the host has', async () => {
    const files: Record<string, string> = { ...FILES, 'design/bare.md': '---\ntype: design\nprfaq: ../prfaq/checkout.md\n---\n# Bare\n' };
    const index = await workspace(files);
    const textOf = (u: string) => files[u.replace('file:///ws/', '')];
    const fixes = (path: string, code: string) => {
      const finding = index.findings(uri(path)).find((f) => f.code === code);
      assert.ok(finding, `${code} in ${path}`);
      return quickFixesFor(index, finding, textOf);
    };
    assert.deepEqual(fixes('design/payments.md', 'unknown-requirement').map((a) => a.title), ['Change to CHK-2', 'Change to CHK-1', 'Change to CHK-8']);
    const uncovered = fixes('prfaq/checkout.md', 'uncovered-requirement');
    assert.deepEqual(uncovered.map((a) => a.title), ['Add a section covering CHK-6 to Bare', 'Add a section covering CHK-6 to Checkout Service']);
    assert.equal(
      applyEdits(SERVICE, uncovered[1]?.edits ?? []),
      `${SERVICE}\n## Order history marks one-click orders.\n\nCovers: CHK-6\n\nTODO: how this design meets CHK-6.\n`,
    );
    const owners = fixes('design/bare.md', 'missing-co-owner');
    assert.deepEqual(owners.map((a) => a.title), ['Add owners.pm and owners.engineer']);
    // Without the texts there is nothing to edit.
    const finding = index.findings(uri('design/bare.md'))[0];
    assert.ok(finding);
    assert.deepEqual(quickFixesFor(index, finding, () => undefined), []);
  });

  it('marks a design section as covering a requirement it only mentions', async () => {
    const index = await workspace();
    const service = mustGet(index, 'design/service.md');
    const [action, ...rest] = mentionActions(index, service, positionOf(SERVICE, 'CHK-6'), SERVICE);
    assert.deepEqual(rest, []);
    assert.equal(action?.title, 'Mark "Checkout Service › Order placement" as covering CHK-6');
    assert.equal(applyEdits(SERVICE, action?.edits ?? []), SERVICE.replace('Covers: CHK-1, CHK-2', 'Covers: CHK-1, CHK-2, CHK-6'));
    // Not on a Covers entry, nor on a mention in a PR/FAQ, nor on an undefined ID.
    assert.deepEqual(mentionActions(index, service, positionOf(SERVICE, 'CHK-1'), SERVICE), []);
    const other = `---\ntype: design\n${OWNERS}\n---\n## A\nSee CHK-6 and UTF-8.\n`;
    const index2 = await workspace({ ...FILES, 'd.md': other });
    assert.equal(mentionActions(index2, mustGet(index2, 'd.md'), { line: 7, character: 5 }, other).length, 1);
    assert.deepEqual(mentionActions(index2, mustGet(index2, 'd.md'), { line: 7, character: 16 }, other), []);
  });
});
