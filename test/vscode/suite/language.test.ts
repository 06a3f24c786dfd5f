// Requirement IDs as symbols, through VS Code's own provider commands, on a copy of the `coverage` fixture.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, diagnosticCodes, diagnosticWithCode, eventually, file, whenIdle } from './util';

const prfaq = () => file('prfaq/checkout.md');
const design = () => file('design/service.md');

async function positionOf(uri: vscode.Uri, needle: string, occurrence = 0): Promise<vscode.Position> {
  const document = await vscode.workspace.openTextDocument(uri);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = document.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} in ${uri.path}`);
  return document.positionAt(at + 1);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

suite('requirement IDs in the editor', () => {
  teardown(closeAllEditors);

  test('hover on a Covers: entry shows the requirement, its PR/FAQ, co-owners, status and covering sections', async () => {
    await api();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', design(), await positionOf(design(), 'CHK-1'));
    const text = hoverText(hovers);
    assert.match(text, /CHK\\?-1/);
    assert.match(text, /Buy with one click/);
    assert.match(text, /One press places the order/);
    assert.match(text, /@priya/);
    assert.match(text, /covered/i);
    assert.match(text, /Order path/);
  });

  test('go to definition and find all references', async () => {
    await api();
    const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', design(), await positionOf(design(), 'CHK-2'));
    assert.equal(definitions.length, 1);
    const definition = definitions[0] as vscode.Location;
    assert.equal(definition.uri.toString(), prfaq().toString());
    assert.equal(definition.range.start.line, 27);

    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', prfaq(), await positionOf(prfaq(), 'CHK-2** Cancel'));
    const places = references.map((r) => `${r.uri.path.split('/').slice(-2).join('/')}:${r.range.start.line + 1}`).sort();
    assert.deepEqual(places, ['design/service.md:14', 'prfaq/checkout.md:20', 'prfaq/checkout.md:28']);
  });

  test('completion after Covers: offers requirement IDs, uncovered first', async () => {
    await api();
    const document = await vscode.workspace.openTextDocument(design());
    const editor = await vscode.window.showTextDocument(document);
    const end = new vscode.Position(document.lineCount - 1, 0);
    await editor.edit((edit) => edit.insert(end, '\nCovers: CH'));
    await whenIdle();
    const position = new vscode.Position(document.lineCount - 1, 'Covers: CH'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', design(), position);
    const ours = list.items.filter((item) => /^CHK-\d$/.test(typeof item.label === 'string' ? item.label : item.label.label));
    const labels = ours.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.equal(labels[0], 'CHK-3', `order: ${labels}`);
    assert.deepEqual([...labels].sort(), ['CHK-1', 'CHK-2', 'CHK-3', 'CHK-4']);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('CodeLens above requirements and covering sections', async () => {
    await api();
    const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', prfaq(), 100);
    // Section owner lenses ("$(person) …" / "$(person-add) assign") are tested with assignment, the
    // sign-off lenses at the top of each document (state, Approve as me) in the review suite.
    const signOff = (lens: vscode.CodeLens) => lens.range.start.line === 0;
    const lenses = all.filter((lens) => !lens.command?.title.startsWith('$(person') && !signOff(lens));
    assert.ok(all.some((lens) => lens.command?.title === '$(person) @marco' && lens.command.command === 'prfaqTrace.assignSection'));
    const titles = lenses.map((lens) => `${lens.range.start.line + 1}:${lens.command?.title}`);
    assert.deepEqual(titles, ['25:covered by 1 section', '28:covered by 1 section', '29:not covered', '30:waived: Moves to the holiday PR/FAQ']);
    assert.equal(lenses[0]?.command?.command, 'editor.action.showReferences');
    const designLenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', design(), 100);
    assert.deepEqual(designLenses.filter((lens) => !signOff(lens)).map((lens) => lens.command?.title).filter((t) => !t?.startsWith('$(person')), ['covers CHK-1, CHK-2']);
  });

  test('document links on Covers: IDs and workspace symbols', async () => {
    await api();
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', design());
    const ours = links.filter((link) => link.target?.path.endsWith('/prfaq/checkout.md'));
    assert.equal(ours.length, 2);
    assert.equal(ours[0]?.target?.fragment, 'L25,5');
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'refunds');
    assert.ok(symbols.some((s) => s.name === 'CHK-3 Refunds reach the card within 24 hours.'), symbols.map((s) => s.name).join());
    const outline = await vscode.commands.executeCommand<Array<vscode.DocumentSymbol | vscode.SymbolInformation>>('vscode.executeDocumentSymbolProvider', prfaq());
    const names: string[] = [];
    const walk = (symbols: ReadonlyArray<vscode.DocumentSymbol | vscode.SymbolInformation>) => {
      for (const symbol of symbols) {
        names.push(symbol.name);
        if ('children' in symbol) walk(symbol.children);
      }
    };
    walk(outline);
    assert.ok(names.some((name) => name.startsWith('CHK-1')), names.join(' | '));
  });

  test('a quick fix creates a covering section for an uncovered requirement; the text reads back', async () => {
    const { live } = await api();
    const diagnostic = vscode.languages.getDiagnostics(prfaq()).find((d) => d.code === 'uncovered-requirement');
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', prfaq(), diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const create = actions.find((a) => /section covering CHK-3 to Checkout service/.test(a.title));
    assert.ok(create?.command, titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Cover CHK-3 in an existing design section')));
    assert.equal(await vscode.commands.executeCommand(create.command.command, ...(create.command.arguments ?? [])), true);
    const text = (await vscode.workspace.openTextDocument(design())).getText();
    assert.match(text, /\n## Refunds reach the card within 24 hours\.\n\nCovers: CHK-3\n/);
    await whenIdle();
    assert.equal(live.index.status('CHK-3'), 'covered');
    await eventually(() => assert.deepEqual(diagnosticCodes(prfaq()), []));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('an unknown Covers: ID offers the closest IDs, and a stale fix is refused', async () => {
    await api();
    const document = await vscode.workspace.openTextDocument(design());
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.replace(document.getText().indexOf('CHK-2') === -1 ? new vscode.Position(0, 0) : new vscode.Range(document.positionAt(document.getText().indexOf('CHK-2')), document.positionAt(document.getText().indexOf('CHK-2') + 5)), 'CHK-22'));
    await whenIdle();
    const diagnostic = await diagnosticWithCode(design(), 'unknown-requirement');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', design(), diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const change = actions.find((a) => a.title === 'Change to CHK-2');
    assert.ok(change?.command, actions.map((a) => a.title).join(' | '));

    // The document changes between computing the fix and applying it: the fix is refused, the text kept.
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), ''));
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount - 1, 0), 'typed meanwhile\n'));
    const stale = await vscode.commands.executeCommand(change.command.command, ...(change.command.arguments ?? []));
    assert.equal(stale, false);
    assert.match(document.getText(), /Covers: CHK-1, CHK-22/);

    const fresh = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', design(), diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const again = fresh.find((a) => a.title === 'Change to CHK-2');
    assert.ok(again?.command);
    assert.equal(await vscode.commands.executeCommand(again.command.command, ...(again.command.arguments ?? [])), true);
    assert.match(document.getText(), /Covers: CHK-1, CHK-2\n/);
    assert.match(document.getText(), /typed meanwhile/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('rename a requirement everywhere (definition, Covers, waiver key, mentions), unsaved buffers edited in place', async () => {
    await api();
    const designDoc = await vscode.workspace.openTextDocument(design());
    const editor = await vscode.window.showTextDocument(designDoc);
    await editor.edit((edit) => edit.insert(new vscode.Position(designDoc.lineCount - 1, 0), 'Unsaved note about CHK-2.\n'));
    await whenIdle();
    const position = await positionOf(prfaq(), 'CHK-2** Cancel');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', prfaq(), new vscode.Position(14, 2))),
      'a position that is not an ID is refused',
    );
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', prfaq(), position, 'CHK-20');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const prfaqText = (await vscode.workspace.openTextDocument(prfaq())).getText();
    assert.match(prfaqText, /- \*\*CHK-20\*\* Cancel free of charge/);
    assert.match(prfaqText, /Yes, see CHK-20\./);
    assert.match(designDoc.getText(), /Covers: CHK-1, CHK-20\n/);
    assert.match(designDoc.getText(), /Unsaved note about CHK-20\./);
    assert.ok(designDoc.isDirty);

    const waived = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', prfaq(), await positionOf(prfaq(), '`CHK-4`'), 'CHK-40');
    assert.ok(await vscode.workspace.applyEdit(waived));
    const after = (await vscode.workspace.openTextDocument(prfaq())).getText();
    assert.match(after, /\n {2}CHK-40: "Moves to the holiday PR\/FAQ"\n/);
    assert.match(after, /- `CHK-40` Gift wrapping/);

    // A new name that exists already or is not an ID is refused: no edit at all (the message is a notification).
    for (const bad of ['CHK-3', 'chk one']) {
      const refused = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', prfaq(), await positionOf(prfaq(), 'CHK-1:'), bad);
      assert.equal(refused?.size ?? 0, 0, bad);
    }
    await vscode.commands.executeCommand('workbench.action.files.revertAll').then(undefined, () => undefined);
  });
});
