// Bringing existing documents in, on the `adopt` fixture: the no-requirements quick fix and Number
// Commitments, the structure lint's missing-part quick fix, and Make This a PR/FAQ / a Design Doc.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, diagnosticCodes, diagnosticWithCode, eventually, file, removeIfExists, whenIdle } from './util';

const prfaq = () => file('prfaq/returns.md');

async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

suite('adopting existing documents', function () {
  this.timeout(60_000);
  teardown(closeAllEditors);

  test('a PR/FAQ without IDs gets no-requirements, whose quick fix numbers the items under a heading in one undoable edit', async () => {
    const { live } = await api();
    const document = await vscode.workspace.openTextDocument(prfaq());
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    const diagnostic = await diagnosticWithCode(prfaq(), 'no-requirements');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(diagnostic.range.start.line, 7, 'on the title');

    // Quick fixes answer only from a model of the document's current version (they are refused when stale), so
    // right after opening the first request can come back empty: ask until the index has caught up.
    let actions: vscode.CodeAction[] = [];
    await eventually(async () => {
      actions = await quickFixes(prfaq(), diagnostic);
      assert.ok(actions.some((a) => a.title.startsWith('Number the commitments')), actions.map((a) => a.title).join(' | ') || 'no quick fixes yet');
    });
    const numbering = actions.find((a) => a.title.startsWith('Number the commitments'));
    assert.ok(numbering?.command);
    assert.equal(numbering.command.command, 'prfaqTrace.numberCommitments');
    const [args] = numbering.command.arguments ?? [];
    assert.deepEqual(args, { uri: prfaq().toString() });

    // The pickers' answers (heading and prefix) are given as arguments; everything else is what the quick fix passes.
    const headingLine = original.split('\n').indexOf('## Solution details');
    const assigned = await vscode.commands.executeCommand<Array<{ id: string; line: number }>>(numbering.command.command, { ...args, headingLine, prefix: 'RET' });
    assert.deepEqual(assigned?.map((a) => `${a.id}@${a.line + 1}`), ['RET-1@42', 'RET-2@44', 'RET-3@45', 'RET-4@47']);
    const text = document.getText();
    assert.match(text, /^idPrefix: "RET"\n---\n/m, 'the prefix is saved in the frontmatter');
    assert.match(text, /^- RET-1 A Return button on every delivered order\n {2}produces a prepaid label\.$/m);
    assert.match(text, /^### RET-4: Pickup from home$/m);
    await whenIdle();
    const model = live.index.get(prfaq().toString());
    assert.deepEqual(model?.requirements.map((r) => `${r.id} ${r.title}`), [
      'RET-1 A Return button on every delivered order produces a prepaid label.',
      'RET-2 Returns are accepted for 30 days after delivery.',
      'RET-3 The refund is issued within 24 hours of the first scan.',
      'RET-4 Pickup from home',
    ]);
    await eventually(() => assert.ok(!diagnosticCodes(prfaq()).some((c) => c.startsWith('no-requirements'))));

    // One undo step takes it all back, the frontmatter included.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('Number Commitments numbers the selection with the saved prefix, after the highest number, and skips numbered items', async () => {
    await api();
    const document = await vscode.workspace.openTextDocument(prfaq());
    const editor = await vscode.window.showTextDocument(document);
    const lines = document.getText().split('\n');
    const first = lines.findIndex((l) => l.startsWith('- A Return button'));
    // The prefix is in the frontmatter; one item already carries an ID.
    await editor.edit((edit) => {
      edit.insert(new vscode.Position(6, 0), 'idPrefix: RET\n');
      edit.insert(new vscode.Position(first + 2, 2), 'RET-7 ');
    });
    await whenIdle();
    editor.selection = new vscode.Selection(first + 1, 0, first + 5, 0);
    const assigned = await vscode.commands.executeCommand<Array<{ id: string }>>('prfaqTrace.numberCommitments');
    assert.deepEqual(assigned?.map((a) => a.id), ['RET-8', 'RET-9']);
    assert.match(document.getText(), /^- RET-8 A Return button/m);
    assert.match(document.getText(), /^- RET-7 Returns are accepted/m);
    assert.match(document.getText(), /^- RET-9 The refund is issued/m);
    assert.match(document.getText(), /^### Pickup from home$/m, 'outside the selection');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a missing press-release part gets a quick fix that inserts it from the template', async () => {
    await api();
    const document = await vscode.workspace.openTextDocument(prfaq());
    await vscode.window.showTextDocument(document);
    const diagnostic = await diagnosticWithCode(prfaq(), 'missing-call-to-action');
    const fix = (await quickFixes(prfaq(), diagnostic)).find((a) => a.title === 'Add "Call to action" to the press release from the template');
    assert.ok(fix?.command);
    assert.equal(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])), true);
    assert.match(document.getText(), /said Hannah O\., a customer in Tucson\.\n\n\*\*Call to action\.\*\* Where to go next[^\n]*\n\n## Customer FAQ/);
    await eventually(() => assert.ok(!diagnosticCodes(prfaq()).some((c) => c.startsWith('missing-call-to-action'))));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('Make This a PR/FAQ adds the frontmatter to a plain markdown file (CRLF, byte-order mark) and changes nothing else', async () => {
    const { live } = await api();
    const uri = file('notes/crlf.md');
    const body = '# Gift Cards\r\n\r\nNotes, hard-wrapped\r\nover two lines.\r\n';
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`\uFEFF${body}`));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      assert.equal(document.eol, vscode.EndOfLine.CRLF);
      assert.equal(await vscode.commands.executeCommand('prfaqTrace.makePrfaq', { uri: uri.toString(), pm: '@priya', engineer: '@tester' }), true);
      assert.equal(document.getText(), `---\r\ntype: prfaq\r\ntitle: "Gift Cards"\r\nowners:\r\n  pm: "@priya"\r\n  engineer: "@tester"\r\n---\r\n${body}`);
      await vscode.commands.executeCommand('workbench.action.files.save');
      const saved = await vscode.workspace.fs.readFile(uri);
      assert.deepEqual([...saved.slice(0, 3)], [0xef, 0xbb, 0xbf], 'the byte-order mark is kept');
      await eventually(async () => assert.equal((await live.modelFor(document))?.kind, 'prfaq'));
      assert.equal(live.index.get(uri.toString())?.title, 'Gift Cards');
      // A second run changes nothing.
      assert.equal(await vscode.commands.executeCommand('prfaqTrace.makePrfaq', { uri: uri.toString(), pm: '@priya', engineer: '@tester' }), true);
      assert.ok(!document.isDirty);
    } finally {
      await closeAllEditors();
      await removeIfExists(uri);
    }
  });

  test('Make This a Design Doc links it to the PR/FAQ it answers, and undo takes it back', async () => {
    const { live } = await api();
    const uri = file('notes/ideas.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    assert.equal(await vscode.commands.executeCommand('prfaqTrace.makeDesignDoc', { uri: uri.toString(), pm: '@priya', engineer: '@marco', prfaq: prfaq().toString() }), true);
    assert.equal(document.getText(), `---\ntype: design\ntitle: "Gift cards"\nowners:\n  pm: "@priya"\n  engineer: "@marco"\nprfaq: "../prfaq/returns.md"\n---\n${original}`);
    await eventually(async () => assert.deepEqual((await live.modelFor(document))?.prfaqLinks.map((l) => l.target), [prfaq().toString()]));
    await eventually(() => assert.deepEqual(diagnosticCodes(uri), []));
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
