import * as vscode from 'vscode';
import { registerCommands } from './features/commands/registerCommands';
import { registerDiagnostics } from './features/diagnostics/registerDiagnostics';
import { registerStatusBar } from './features/statusBar/registerStatusBar';
import { registerTrees, type Trees } from './features/tree/registerTrees';
import { LiveWorkspace } from './host/liveWorkspace';

/** What the extension exposes to its own integration tests (and to other extensions). */
export interface PrfaqTraceApi {
  readonly live: LiveWorkspace;
  readonly trees: Trees;
  whenIdle(): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): PrfaqTraceApi {
  const live = new LiveWorkspace();
  const { trees, disposable: treeDisposable } = registerTrees(live);
  context.subscriptions.push(
    live,
    treeDisposable,
    registerDiagnostics(live),
    registerStatusBar(live),
    registerCommands(live),
  );
  live.start();
  return { live, trees, whenIdle: () => live.whenIdle() };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
