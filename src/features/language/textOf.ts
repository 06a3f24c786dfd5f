import * as vscode from 'vscode';
import type { TextOf } from '../../core/language';

/**
 * Loads the current text of documents (open buffers as they are, unsaved edits included;
 * others from disk through openTextDocument) so edits are computed against what will be edited.
 */
export async function loadTexts(uris: Iterable<string>): Promise<TextOf> {
  const texts = new Map<string, string>();
  await Promise.all(
    [...new Set(uris)].map(async (uri) => {
      try {
        texts.set(uri, (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri))).getText());
      } catch {
        // unreadable: its edits are skipped
      }
    }),
  );
  return (uri) => texts.get(uri);
}
