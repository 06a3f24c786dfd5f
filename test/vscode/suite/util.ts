import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { structureRules } from '../../../src/core/lint/rules';
import type { PrfaqTraceApi } from '../../../src/extension';

export const EXTENSION_ID = 'prfaq-trace.prfaq-trace';

export async function api(): Promise<PrfaqTraceApi> {
  const extension = vscode.extensions.getExtension<PrfaqTraceApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const exports = extension.isActive ? extension.exports : await extension.activate();
  await exports.whenIdle();
  return exports;
}

/** Settles the extension (pending parses, disk reads, change events): the test API's whenIdle. */
export async function whenIdle(): Promise<void> {
  await (await api()).whenIdle();
}

export function folder(index = 0): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  assert.ok(folders[index], `workspace folder ${index} is open`);
  return (folders[index] as vscode.WorkspaceFolder).uri;
}

export function file(path: string, index = 0): vscode.Uri {
  return vscode.Uri.joinPath(folder(index), path);
}

/** Polls until `check` passes (file watcher events arrive asynchronously). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Waits for prfaq-trace's diagnostic with this code on a document. */
export async function diagnosticWithCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  let found: vscode.Diagnostic | undefined;
  await eventually(() => {
    found = vscode.languages.getDiagnostics(uri).find((d) => d.source === 'prfaq-trace' && d.code === code);
    assert.ok(found, `no ${code} diagnostic on ${uri.path}`);
  });
  return found as vscode.Diagnostic;
}

const structureCodes = new Set<string>(structureRules.map((rule) => rule.code));

/**
 * prfaq-trace's diagnostics on a document as "code@line:col", sorted, except the PR/FAQ
 * structure lint's: info findings about a PR/FAQ's parts, which the fixtures' short PR/FAQs
 * all have (adopt.test.ts tests those).
 */
export function diagnosticCodes(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'prfaq-trace' && !structureCodes.has(String(typeof d.code === 'object' ? d.code.value : d.code)))
    .map((d) => `${typeof d.code === 'object' ? d.code.value : d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`)
    .sort();
}

export async function removeIfExists(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { useTrash: false });
  } catch {
    // already gone
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
