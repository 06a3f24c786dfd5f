// PLACEHOLDER written by the integration-test harness so that something can be loaded in VS Code.
// The real extension replaces this file; keep the command id `prfaqTrace.refresh` (the smoke tests use it).
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('prfaqTrace.refresh', () => 'ok'),
  );
}

export function deactivate(): void {
  // nothing to release
}
