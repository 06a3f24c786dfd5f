import * as vscode from 'vscode';
import type { DocumentEdit } from '../core/language';
import { toRange, toUri } from './convert';

export const APPLY_EDITS_COMMAND = 'prfaqTrace.applyEdits';

/** The editor versions the edits were computed against, for the documents that were open. */
export type Versions = Readonly<Record<string, number>>;

export function versionsOf(uris: Iterable<string>): Versions {
  const versions: Record<string, number> = {};
  for (const uri of uris) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (document) versions[uri] = document.version;
  }
  return versions;
}

/**
 * Applies edits as one undoable WorkspaceEdit, only if no document changed since they were
 * computed: edits computed against old text are refused, never applied to new text.
 */
export async function applyEdits(title: string, edits: readonly DocumentEdit[], versions: Versions): Promise<boolean> {
  for (const [uri, version] of Object.entries(versions)) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (document && document.version !== version) {
      void vscode.window.showWarningMessage(`"${title}" was not applied: ${vscode.workspace.asRelativePath(document.uri)} changed since it was computed. Try again.`);
      return false;
    }
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(toUri(e.uri), toRange(e.range), e.newText);
  return vscode.workspace.applyEdit(edit, { isRefactoring: false });
}

export function registerApplyEdits(): vscode.Disposable {
  return vscode.commands.registerCommand(APPLY_EDITS_COMMAND, (title: string, edits: readonly DocumentEdit[], versions: Versions) =>
    applyEdits(title, edits, versions),
  );
}
