import type * as vscode from 'vscode';
import { activateFeatures, type PrfaqTraceApi } from '../activateFeatures';

/**
 * Browser entry point (vscode.dev, github.dev): the same features on the same core, parsing on
 * the web extension host's own worker thread (no Node worker threads, no cache file, no git).
 */
export function activate(context: vscode.ExtensionContext): PrfaqTraceApi {
  return activateFeatures(context, {});
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
