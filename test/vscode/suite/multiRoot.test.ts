// A multi-root workspace: every folder is indexed, and IDs are global across folders.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnosticCodes, eventually, file, removeIfExists } from './util';

suite('multi-root workspace', () => {
  test('both folders are indexed and a design doc in the second covers a requirement of the first', async () => {
    const { live, trees } = await api();
    assert.equal(vscode.workspace.workspaceFolders?.length, 2);
    assert.deepEqual(
      live.index.documents().map((doc) => [vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(doc.uri))?.name, doc.kind]),
      [
        ['alpha', 'prfaq'],
        ['beta', 'design'],
      ],
    );
    assert.equal(live.index.status('SRCH-1'), 'covered');
    assert.deepEqual(diagnosticCodes(file('prfaq/search.md', 0)), ['uncovered-requirement@13:3']);
    const [root] = trees.coverage.getChildren();
    assert.match(String(trees.coverage.getTreeItem(root as never).description), /1\/2 covered/);
  });

  test('a file created in the second folder is indexed', async () => {
    const { live } = await api();
    const created = file('design/typos.md', 1);
    try {
      await vscode.workspace.fs.writeFile(
        created,
        new TextEncoder().encode('---\ntype: design\nowners: {pm: "@sam", engineer: "@lee"}\n---\n## Fuzzy matching\nCovers: SRCH-2\n'),
      );
      await eventually(() => assert.equal(live.index.status('SRCH-2'), 'covered'));
      await eventually(() => assert.deepEqual(diagnosticCodes(file('prfaq/search.md', 0)), []));
    } finally {
      await removeIfExists(created);
    }
    await eventually(() => assert.equal(live.index.status('SRCH-2'), 'uncovered'));
  });
});
