import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/**
 * The Output channel "PR/FAQ Trace": what the index could not read, parse or save, so the user
 * can find out why a document is missing. It is the core's Logger (info, warn, error).
 */
export function editorLog(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('PR/FAQ Trace', { log: true });
  return channel;
}

export function disposeEditorLog(): void {
  channel?.dispose();
  channel = undefined;
}
