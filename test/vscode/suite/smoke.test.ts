// Smoke test inside the real extension host: the extension loads, activates and answers its command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'prfaq-trace.prfaq-trace';

suite('smoke', () => {
  test('extension is present', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not loaded`);
  });

  test('prfaqTrace.refresh runs and the extension is active', async () => {
    const result = await vscode.commands.executeCommand<unknown>('prfaqTrace.refresh');
    assert.equal(result, 'ok');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext?.isActive, 'extension is not active after running its command');
  });

  test('a workspace folder is open', () => {
    assert.ok((vscode.workspace.workspaceFolders ?? []).length > 0, 'no workspace folder');
  });
});

// The runner (code-server or electron) says what it opened; check the extension host sees the same.
suite('harness', () => {
  test('the workspace the runner asked for is open', function () {
    const expected = process.env.PRFAQ_TRACE_TEST_WORKSPACE;
    if (!expected) this.skip();
    if (expected.endsWith('.code-workspace')) {
      assert.equal(vscode.workspace.workspaceFile?.fsPath, expected);
    } else {
      assert.equal(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, expected);
    }
  });

  test('workspace trust is what the runner asked for', function () {
    const trust = process.env.PRFAQ_TRACE_TEST_TRUST;
    if (!trust) this.skip();
    assert.equal(vscode.workspace.isTrusted, trust === 'trusted');
  });
});
