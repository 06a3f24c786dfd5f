// Co-ownership in the repo: comment threads stored in the file and section assignment, on the `collab` fixture.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, eventually, file, whenIdle } from './util';

const prfaq = () => file('prfaq/checkout.md');
const design = () => file('design/service.md');

async function text(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

function bodies(thread: vscode.CommentThread): string[] {
  return thread.comments.map((c) => `${c.author.name}: ${typeof c.body === 'string' ? c.body : c.body.value}`);
}

suite('comment threads stored in the markdown', () => {
  teardown(closeAllEditors);

  test('the comment controller shows the threads of the fixture file on the block they are about', async () => {
    const { comments } = await api();
    const threads = comments.threads(prfaq().toString());
    assert.equal(threads.length, 1);
    const [thread] = threads;
    assert.equal(thread?.range?.start.line, 13, 'on the CHK-2 list item');
    assert.deepEqual(bodies(thread as vscode.CommentThread), ['@priya: Is 30 minutes enough for people who order at night?']);
    assert.equal(thread?.state, vscode.CommentThreadState.Unresolved);
  });

  test('creating a thread, replying and resolving through the API write the expected file text', async () => {
    const { comments, live } = await api();
    const uri = design().toString();
    const draft = { uri: design(), range: new vscode.Range(14, 0, 14, 0), dispose: () => undefined };
    assert.equal(await vscode.commands.executeCommand('prfaqTrace.comment.create', { thread: draft, text: 'Where does the --> capture hold live?\n\nIn `orders`?' }), true);
    await whenIdle();
    const created = await text(design());
    assert.match(created, /holds capture for 30 minutes\.\n<!-- prfaq-thread t-[a-z0-9]{6} open\n@marco at \d{4}-\d\d-\d\dT[\d:.]+Z:\n {2}Where does the --\\> capture hold live\?\n\n {2}In `orders`\?\n-->\n/);
    const [thread] = comments.threads(uri);
    assert.ok(thread);
    assert.deepEqual(bodies(thread), ['@marco: Where does the --> capture hold live?\n\nIn `orders`?']);

    assert.equal(await vscode.commands.executeCommand('prfaqTrace.comment.reply', { thread, text: 'In the orders table.' }), true);
    assert.match(await text(design()), /\n@marco at [^\n]+:\n {2}In the orders table\.\n-->\n/);
    await eventually(() => assert.equal(comments.threads(uri)[0]?.comments.length, 2));

    assert.equal(await vscode.commands.executeCommand('prfaqTrace.comment.resolve', comments.threads(uri)[0]), true);
    assert.match(await text(design()), /<!-- prfaq-thread t-[a-z0-9]{6} resolved\n/);
    await eventually(() => assert.equal(comments.threads(uri)[0]?.state, vscode.CommentThreadState.Resolved));
    assert.deepEqual(live.index.findings(uri), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a reply written to the file on disk (a git pull) appears in the thread', async () => {
    const { comments } = await api();
    const onDisk = (await vscode.workspace.fs.readFile(prfaq())).toString();
    const pulled = onDisk.replace(
      '    Is 30 minutes enough for people who order at night?\n',
      '    Is 30 minutes enough for people who order at night?\n  @marco at 2026-11-21T10:00:00.000Z:\n    Night orders get 60 minutes.\n',
    );
    assert.notEqual(pulled, onDisk);
    await vscode.workspace.fs.writeFile(prfaq(), new TextEncoder().encode(pulled));
    await eventually(() => assert.deepEqual(bodies(comments.threads(prfaq().toString())[0] as vscode.CommentThread), [
      '@priya: Is 30 minutes enough for people who order at night?',
      '@marco: Night orders get 60 minutes.',
    ]));
    await vscode.workspace.fs.writeFile(prfaq(), new TextEncoder().encode(onDisk));
    await eventually(() => assert.equal(comments.threads(prfaq().toString())[0]?.comments.length, 1));
  });
});

suite('assigning sections', () => {
  teardown(closeAllEditors);

  test('assigning through the command keeps unsaved text, writes the owner, and undo reverts it', async () => {
    const { live } = await api();
    const document = await vscode.workspace.openTextDocument(design());
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount - 1, 0), 'Unsaved line.\n'));
    await whenIdle();
    const dataModel = live.index.get(design().toString())?.sections.findIndex((s) => s.heading === 'Data model') ?? -1;
    assert.ok(dataModel >= 0);
    assert.equal(await vscode.commands.executeCommand('prfaqTrace.assignSection', { uri: design().toString(), sectionIndex: dataModel, people: ['@jun', '@sofia'], mode: 'add' }), true);
    assert.match(document.getText(), /## Data model\n<!-- owner: @jun, @sofia -->\n\nOrders live/);
    assert.match(document.getText(), /Unsaved line\./);
    assert.ok(document.isDirty);
    await whenIdle();
    assert.deepEqual(live.index.get(design().toString())?.sections[dataModel]?.owners, ['@jun', '@sofia']);

    assert.equal(await vscode.commands.executeCommand('prfaqTrace.assignSection', { uri: design().toString(), sectionIndex: dataModel, people: ['@ana'], mode: 'replace' }), true);
    assert.match(document.getText(), /## Data model\n<!-- owner: @ana -->\n/);

    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.match(document.getText(), /<!-- owner: @jun, @sofia -->/);
    await vscode.commands.executeCommand('undo');
    assert.doesNotMatch(document.getText(), /<!-- owner:/);
    assert.match(document.getText(), /Unsaved line\./);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('My Assignments lists my sections and the uncovered requirements of PR/FAQs I co-own; the tree shows open threads', async () => {
    const { trees } = await api();
    const provider = trees.assignments;
    await eventually(() => assert.equal(provider.getChildren().length, 2));
    const [sections, uncovered] = provider.getChildren();
    const labels = (node: unknown) =>
      provider.getChildren(node as never).map((n) => {
        const item = provider.getTreeItem(n);
        return `${typeof item.label === 'string' ? item.label : item.label?.label} — ${item.description}`;
      });
    assert.deepEqual(labels(sections), ['Commitments — Checkout (PR/FAQ)']);
    assert.deepEqual(labels(uncovered), ['CHK-3 — Refunds reach the card within 24 hours. — Checkout']);

    const [root] = trees.coverage.getChildren();
    assert.match(String(trees.coverage.getTreeItem(root as never).description), /1 open comment/);
    const commentsNode = trees.coverage.getChildren(root).find((n) => n.kind === 'comments');
    assert.ok(commentsNode);
    const [threadNode] = trees.coverage.getChildren(commentsNode);
    const threadItem = trees.coverage.getTreeItem(threadNode as never);
    assert.match(String(threadItem.label), /^Is 30 minutes enough/);
    assert.equal(threadItem.command?.command, 'vscode.open');
  });
});
