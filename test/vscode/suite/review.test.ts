// Review stamps and co-owner sign-off in a real VS Code, on the `review` fixture: the design doc's
// CHK-2 stamp holds the fingerprint of "within 24 hours", the PR/FAQ now says "within 1 hour".
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { api, closeAllEditors, diagnosticCodes, diagnosticWithCode, eventually, file, folder, whenIdle } from './util';

const prfaq = () => file('prfaq/checkout.md');
const design = () => file('design/service.md');

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  await vscode.workspace.openTextDocument(uri); // the provider command needs the document loaded
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.map((lens) => lens.command?.title ?? '');
}

async function setMe(value: string): Promise<void> {
  await vscode.workspace.getConfiguration('prfaqTrace').update('me', value, vscode.ConfigurationTarget.Workspace);
  await eventually(() => assert.equal(vscode.workspace.getConfiguration('prfaqTrace').get('me'), value));
}

/** Captures the warnings our commands show (the tests share the extension's vscode API object). */
async function warningsDuring(run: () => Thenable<unknown>): Promise<string[]> {
  const shown: string[] = [];
  const original = vscode.window.showWarningMessage;
  (vscode.window as { showWarningMessage: unknown }).showWarningMessage = (message: string) => {
    shown.push(message);
    return Promise.resolve(undefined);
  };
  try {
    await run();
  } finally {
    (vscode.window as { showWarningMessage: unknown }).showWarningMessage = original;
  }
  return shown;
}

/** Drops a document's unsaved edits and waits until it holds the file's text again. */
async function revert(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
  const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
  await eventually(() => assert.equal(document.getText(), onDisk));
}

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: folder().fsPath, stdio: 'pipe' });
}

suite('review stamps and co-owner sign-off', function () {
  this.timeout(60_000);
  teardown(closeAllEditors);

  test('Show what changed opens VS Code\'s diff editor with the requirement as reviewed (from git history) and as it reads now', async () => {
    const { live } = await api();
    // The history: the PR/FAQ as reviewed, then as it reads now.
    const now = (await vscode.workspace.fs.readFile(prfaq())).toString();
    git('init', '-q');
    await vscode.workspace.fs.writeFile(prfaq(), new TextEncoder().encode(now.replace('within 1 hour', 'within 24 hours')));
    git('add', '.');
    git('commit', '-q', '-m', 'as reviewed');
    await vscode.workspace.fs.writeFile(prfaq(), new TextEncoder().encode(now));
    git('commit', '-q', '-am', 'one hour');
    await eventually(() => assert.match(live.index.get(prfaq().toString())?.requirements[1]?.title ?? '', /within 1 hour/));

    const lenses = await lensTitles(design());
    assert.ok(lenses.includes('$(warning) CHK-2 changed since @jun reviewed it (2026-11-20): show what changed'), lenses.join(' | '));
    const refunds = live.index.get(design().toString())?.sections.findIndex((s) => s.heading === 'Refunds') ?? -1;
    assert.equal(await vscode.commands.executeCommand('prfaqTrace.showWhatChanged', { uri: design().toString(), id: 'CHK-2', sectionIndex: refunds }), true);
    await eventually(() => assert.ok(vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff, 'a diff editor is open'));
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as vscode.TabInputTextDiff;
    assert.equal(input.original.scheme, 'prfaq-trace-review');
    assert.equal((await vscode.workspace.openTextDocument(input.original)).getText(), '- CHK-2 Refunds reach the card within 24 hours.');
    assert.equal((await vscode.workspace.openTextDocument(input.modified)).getText(), '- CHK-2 Refunds reach the card within 1 hour.');
  });

  test('when the text as reviewed is not in the history, Show what changed shows the current text and the review\'s date', async () => {
    const { live } = await api();
    const document = await vscode.workspace.openTextDocument(design());
    const editor = await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('<!-- prfaq-review CHK-1 '));
    await editor.edit((edit) => edit.replace(new vscode.Range(line, 0, line, document.lineAt(line).text.length), '<!-- prfaq-review CHK-1 ffffffffffffffff @jun at 2026-11-20T10:00:00Z -->'));
    await whenIdle();
    const orders = live.index.get(design().toString())?.sections.findIndex((s) => s.heading === 'Order placement') ?? -1;
    assert.equal(await vscode.commands.executeCommand('prfaqTrace.showWhatChanged', { uri: design().toString(), id: 'CHK-1', sectionIndex: orders }), true);
    await eventually(() => assert.equal(vscode.window.activeTextEditor?.document.uri.scheme, 'prfaq-trace-review'));
    assert.equal(
      vscode.window.activeTextEditor?.document.getText(),
      '> CHK-1 as it reads now. Reviewed by @jun on 2026-11-20T10:00:00Z; no committed version of prfaq/checkout.md has the text as reviewed (fingerprint ffffffffffffffff).\n\n- CHK-1 Buy with one click from any product page.\n',
    );
    await revert(document);
  });

  test('a stale entry is suspect coverage; the Mark reviewed quick fix stamps it as me in one undoable edit and clears the finding', async () => {
    const { live } = await api();
    const document = await vscode.workspace.openTextDocument(design());
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    assert.equal(live.index.status('CHK-2'), 'suspect');
    const diagnostic = await diagnosticWithCode(design(), 'suspect-coverage');
    assert.equal(diagnostic.range.start.line, 21);
    assert.match(diagnostic.message, /CHK-2 changed after @jun reviewed this coverage on 2026-11-20/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', design(), diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const mark = actions.find((a) => a.title === 'Mark CHK-2 reviewed');
    assert.ok(mark?.command, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title === 'Show what changed'));
    assert.equal(await vscode.commands.executeCommand(mark.command.command, ...(mark.command.arguments ?? [])), true);

    const lines = document.getText().split('\n');
    assert.match(lines[22] ?? '', /^<!-- prfaq-review CHK-2 8bc6a495fbecbe06 @marco at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ -->$/, 'the stamp is rewritten in place, as me');
    assert.equal(lines.length, original.split('\n').length, 'nothing else was added');
    await whenIdle();
    await eventually(() => assert.deepEqual(diagnosticCodes(design()), []));
    assert.equal(live.index.status('CHK-2'), 'covered');
    assert.ok(!(await lensTitles(design())).some((t) => t.startsWith('Mark ')), 'no Mark reviewed lens once current');

    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
    await revert(document);
  });

  test('Approve as me: offered to a co-owner and written; anyone else is refused with a message; an edit afterwards makes it stale', async () => {
    const { live, trees } = await api();
    const document = await vscode.workspace.openTextDocument(prfaq());
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    let lenses = await lensTitles(prfaq());
    assert.ok(lenses.includes('$(circle-large-outline) draft: not approved yet'), lenses.join(' | '));
    assert.ok(lenses.includes('Approve as me'), lenses.join(' | '));

    assert.equal(await vscode.commands.executeCommand('prfaqTrace.approve', { uri: prfaq().toString() }), true);
    assert.match(
      document.getText(),
      /^---\n[\s\S]*?\n---\n<!-- prfaq-approval engineer [0-9a-f]{16} @marco at \S+\nCHK-1 \.\.\/design\/service\.md#order-placement [0-9a-f]{16}\nCHK-2 \.\.\/design\/service\.md#refunds [0-9a-f]{16}\n-->\n# One-Click Checkout\n/,
    );
    await whenIdle();
    const prfaqNode = () => trees.coverage.getChildren().find((node) => node.kind === 'prfaq' && node.uri === prfaq().toString());
    await eventually(() => assert.match(String(trees.coverage.getTreeItem(prfaqNode() as NonNullable<ReturnType<typeof prfaqNode>>).description), / · partially approved$/));
    lenses = await lensTitles(prfaq());
    assert.ok(lenses.includes('$(pass) partially approved: missing pm'), lenses.join(' | '));

    await setMe('@jun');
    try {
      await eventually(async () => assert.ok(!(await lensTitles(prfaq())).some((t) => t.startsWith('Approve')), 'not offered to a non-co-owner'));
      const before = document.getText();
      let result: unknown;
      const warnings = await warningsDuring(async () => {
        result = await vscode.commands.executeCommand('prfaqTrace.approve', { uri: prfaq().toString() });
      });
      assert.equal(result, false);
      assert.deepEqual(warnings, ['You (@jun) are not a co-owner of "One-Click Checkout" (pm: @priya; engineer: @marco). Only its co-owners approve it.']);
      assert.equal(document.getText(), before);
    } finally {
      await setMe('@marco');
    }

    const editor = await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('- CHK-1'));
    await editor.edit((edit) => edit.replace(new vscode.Range(line, 0, line, document.lineAt(line).text.length), '- CHK-1 Buy with two clicks from any product page.'));
    const stale = await diagnosticWithCode(prfaq(), 'stale-approval');
    assert.match(stale.message, /approved by @marco \(engineer\) on \d{4}-\d\d-\d\d, and the document changed since: @marco must look again/);
    await eventually(() => assert.match(String(trees.coverage.getTreeItem(prfaqNode() as NonNullable<ReturnType<typeof prfaqNode>>).description), / · approval stale$/));
    assert.equal(live.index.get(prfaq().toString())?.approvals.length, 1);
    await revert(document);
    assert.equal(document.getText(), original);
  });
});
