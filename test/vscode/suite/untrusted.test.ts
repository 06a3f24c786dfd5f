// Restricted Mode: what package.json declares (untrustedWorkspaces: limited) is what happens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnosticCodes, file } from './util';

suite('untrusted workspace', () => {
  test('the workspace is untrusted and the extension is active and analysing', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const { live } = await api();
    assert.equal(live.index.size, 2);
    assert.deepEqual(diagnosticCodes(file('prfaq/checkout.md')), ['uncovered-requirement@29:3']);
  });

  test('the workspace-defined ID pattern is ignored until the workspace is trusted', async () => {
    const { live } = await api();
    // The fixture's .vscode/settings.json sets prfaqTrace.idPattern to a pattern that would match nothing here.
    assert.equal(live.config.idPattern, '[A-Z][A-Z0-9]*-[0-9]+');
    assert.match(live.restriction ?? '', /trust the workspace/);
    assert.ok(live.index.isDefined('CHK-1'));
  });

  test('package.json declares limited support that restricts the idPattern setting', () => {
    const manifest = vscode.extensions.getExtension('prfaq-trace.prfaq-trace')?.packageJSON as {
      capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] }; virtualWorkspaces: boolean };
    };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['prfaqTrace.idPattern']);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });
});
