import type * as vscode from 'vscode';
import { activateFeatures, type PrfaqTraceApi } from './activateFeatures';
import { desktopParsing } from './node/desktopParsing';
import { createGitHistory } from './node/gitHistory';
import { gitIdentity } from './node/gitIdentity';

export type { PrfaqTraceApi } from './activateFeatures';

/** Desktop (and remote) entry point: worker threads, models cached in the workspace's storage, git's identity. */
export function activate(context: vscode.ExtensionContext): PrfaqTraceApi {
  const storageDir = context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : undefined;
  return activateFeatures(context, { parsing: desktopParsing(storageDir === undefined ? {} : { storageDir }), readGit: gitIdentity, fileHistory: createGitHistory() });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
