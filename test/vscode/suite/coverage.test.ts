// The coverage tree, the Problems panel and the commands on the `coverage` fixture workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CoverageNode } from '../../../src/features/tree/coverageTree';
import { api, closeAllEditors, diagnosticCodes, eventually, file, removeIfExists, whenIdle } from './util';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

function icon(item: vscode.TreeItem): string {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '';
}

suite('coverage tree and diagnostics', () => {
  const prfaq = file('prfaq/checkout.md');
  const design = file('design/service.md');

  teardown(closeAllEditors);

  test('the Coverage tree shows the PR/FAQ with co-owners, counts and each requirement\'s state', async () => {
    const { trees } = await api();
    const provider = trees.coverage;
    const roots = provider.getChildren();
    assert.equal(roots.length, 1);
    const root = provider.getTreeItem(roots[0] as CoverageNode);
    assert.equal(label(root), 'Checkout');
    assert.match(String(root.description), /PM @priya · Eng @marco — 2\/4 covered/);
    assert.equal(icon(root), 'warning');

    const children = provider.getChildren(roots[0]);
    const [owners, ...requirements] = children;
    assert.equal(label(provider.getTreeItem(owners as CoverageNode)), 'Co-owners');
    const roles = provider.getChildren(owners).map((n) => provider.getTreeItem(n)).map((i) => `${label(i)}=${i.description}`);
    assert.deepEqual(roles, ['PM=@priya', 'Lead engineer=@marco', 'Designer=@ana']);

    const states = requirements.map((n) => provider.getTreeItem(n)).map((i) => `${label(i)}:${icon(i)}`);
    assert.deepEqual(states, ['CHK-1:pass', 'CHK-2:pass', 'CHK-3:warning', 'CHK-4:circle-slash']);

    const chk1 = requirements[0] as CoverageNode;
    const covering = provider.getChildren(chk1).map((n) => provider.getTreeItem(n));
    assert.deepEqual(covering.map((i) => `${label(i)} [${i.description}]`), ['Checkout service › Order path [@jun]']);
    assert.equal(covering[0]?.command?.command, 'vscode.open');

    const chk3 = provider.getChildren(requirements[2]).map((n) => provider.getTreeItem(n));
    assert.deepEqual(chk3.map((i) => `${label(i)} [${i.description}]`), ['Checkout service › Refunds [mentions]']);
    const tooltip = provider.getTreeItem(requirements[2] as CoverageNode).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /Refunds reach the card within 24 hours/);
  });

  test('the Design Docs tree shows sections with owners and the requirements they cover', async () => {
    const { trees } = await api();
    const provider = trees.designs;
    const [doc] = provider.getChildren();
    assert.ok(doc);
    const docItem = provider.getTreeItem(doc);
    assert.equal(label(docItem), 'Checkout service');
    assert.match(String(docItem.description), /answers Checkout/);
    const [top] = provider.getChildren(doc);
    assert.ok(top);
    const sections = provider.getChildren(top).map((n) => provider.getTreeItem(n));
    assert.deepEqual(sections.map((i) => `${label(i)} [${i.description}]`), ['Order path [@jun]', 'Refunds []']);
    const orderPath = provider.getChildren(top)[0];
    const covered = provider.getChildren(orderPath).map((n) => provider.getTreeItem(n));
    assert.deepEqual(covered.map((i) => `${label(i)}:${icon(i)}`), ['CHK-1:pass', 'CHK-2:pass']);
  });

  test('every finding is in the Problems panel with its code, source and range, for documents never opened', async () => {
    await api();
    assert.deepEqual(diagnosticCodes(prfaq), ['uncovered-requirement@29:3']);
    const diagnostic = vscode.languages.getDiagnostics(prfaq).find((d) => d.code === 'uncovered-requirement');
    assert.equal(diagnostic?.source, 'prfaq-trace');
    assert.equal(diagnostic?.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([diagnostic?.range.start.character, diagnostic?.range.end.character], [2, 7]);
    assert.deepEqual(diagnosticCodes(design), []);
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === prfaq.toString()), false);
  });

  test('the badge counts uncovered requirements and the filter shows only uncovered ones', async () => {
    const { trees } = await api();
    assert.equal(trees.coverageView.badge?.value, 1);
    await vscode.commands.executeCommand('prfaqTrace.showOnlyUncovered');
    try {
      const [root] = trees.coverage.getChildren();
      const ids = trees.coverage.getChildren(root).map((n) => label(trees.coverage.getTreeItem(n)));
      assert.deepEqual(ids, ['Co-owners', 'CHK-3']);
    } finally {
      await vscode.commands.executeCommand('prfaqTrace.showAllRequirements');
    }
    const [root] = trees.coverage.getChildren();
    assert.equal(trees.coverage.getChildren(root).length, 5);
  });

  test('an unsaved edit that adds a Covers: line covers the requirement and clears the diagnostic, without saving', async () => {
    const { live } = await api();
    const document = await vscode.workspace.openTextDocument(design);
    const editor = await vscode.window.showTextDocument(document);
    const line = document.lineCount - 1;
    await editor.edit((edit) => edit.insert(new vscode.Position(line, document.lineAt(line).text.length), '\nCovers: CHK-3\n'));
    assert.ok(document.isDirty);
    await whenIdle();
    assert.equal(live.index.status('CHK-3'), 'covered');
    await eventually(() => assert.deepEqual(diagnosticCodes(prfaq), []));
    // Reverting the buffer brings the file's text back, and the finding with it.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await whenIdle();
    await eventually(() => assert.deepEqual(diagnosticCodes(prfaq), ['uncovered-requirement@29:3']));
  });

  test('creating, changing, renaming and deleting files on disk updates the index and the Problems panel', async () => {
    const { live, trees } = await api();
    const created = file('design/refunds.md');
    const renamed = file('design/refund-flow.md');
    try {
      const text = '---\ntype: design\ntitle: Refunds\nowners: {pm: "@priya", engineer: "@marco"}\nprfaq: ../prfaq/checkout.md\n---\n## Flow\nCovers: CHK-3, CHK-77\n';
      await vscode.workspace.fs.writeFile(created, new TextEncoder().encode(text));
      await eventually(() => assert.deepEqual(diagnosticCodes(prfaq), []));
      assert.deepEqual(diagnosticCodes(created), ['unknown-requirement@8:16']);
      assert.equal(trees.designs.getChildren().length, 2);

      await vscode.workspace.fs.writeFile(created, new TextEncoder().encode(text.replace(', CHK-77', '')));
      await eventually(() => assert.deepEqual(diagnosticCodes(created), []));

      await vscode.workspace.fs.rename(created, renamed);
      await eventually(() => {
        assert.ok(live.index.get(renamed.toString()), 'renamed file is indexed');
        assert.equal(live.index.get(created.toString()), undefined);
      });
      assert.equal(live.index.status('CHK-3'), 'covered');

      await vscode.workspace.fs.delete(renamed);
      await eventually(() => assert.deepEqual(diagnosticCodes(prfaq), ['uncovered-requirement@29:3']));
      assert.equal(trees.designs.getChildren().length, 1);
    } finally {
      await removeIfExists(created);
      await removeIfExists(renamed);
    }
  });
});

suite('commands', () => {
  teardown(closeAllEditors);

  test('New PR/FAQ and New Design Doc create documents the core reads with only the expected findings', async () => {
    const { live } = await api();
    let prfaqUri: vscode.Uri | undefined;
    let designUri: vscode.Uri | undefined;
    try {
      prfaqUri = await vscode.commands.executeCommand<vscode.Uri>('prfaqTrace.newPrfaq', { title: 'Gift Cards', pm: '@gina', engineer: '@eli' });
      assert.ok(prfaqUri);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), prfaqUri.toString());
      await whenIdle();
      const doc = live.index.get(prfaqUri.toString());
      assert.equal(doc?.kind, 'prfaq');
      assert.equal(doc?.title, 'Gift Cards');
      assert.deepEqual(live.index.findings(prfaqUri.toString()).map((f) => `${f.code} ${f.subject}`), ['uncovered-requirement GC-1', 'uncovered-requirement GC-2']);

      designUri = await vscode.commands.executeCommand<vscode.Uri>('prfaqTrace.newDesignDoc', prfaqUri);
      assert.ok(designUri);
      assert.match(designUri.path, /\/design\/gift-cards-design\.md$/);
      await vscode.window.activeTextEditor?.document.save();
      await whenIdle();
      const design = live.index.get(designUri.toString());
      assert.equal(design?.kind, 'design');
      assert.deepEqual(design?.prfaqLinks.map((l) => l.path), ['../prfaq/gift-cards.md']);
      assert.deepEqual(design?.owners.roles.map((r) => `${r.role}=${r.people.join()}`), ['pm=@gina', 'engineer=@eli']);
      assert.deepEqual(live.index.findings(designUri.toString()), []);
      assert.deepEqual(live.index.findings(prfaqUri.toString()), []);
    } finally {
      await closeAllEditors();
      if (designUri) await removeIfExists(designUri);
      if (prfaqUri) await removeIfExists(prfaqUri);
    }
  });

  test('Show Coverage Report renders the CLI\'s markdown report', async () => {
    await api();
    const text = await vscode.commands.executeCommand<string>('prfaqTrace.showReport');
    assert.match(text, /^# PR\/FAQ coverage report/);
    assert.match(text, /\*\*2\/4 covered\*\*, 1 waived, 1 uncovered/);
    assert.match(text, /\| CHK-3 \| Refunds reach the card within 24 hours\. \| ❌ uncovered \|/);
  });

  test('Refresh re-indexes the workspace', async () => {
    const { live } = await api();
    assert.equal(await vscode.commands.executeCommand('prfaqTrace.refresh'), 'ok');
    assert.equal(live.state, 'ready');
    assert.equal(live.index.size, 2);
  });
});
