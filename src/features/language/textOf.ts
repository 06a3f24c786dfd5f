import * as vscode from 'vscode';
import type { TextOf } from '../../core/language';
import { editorLog } from '../../host/log';

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
      } catch (error) {
        // Its edits are skipped; the log says why.
        editorLog().warn(`${uri} could not be loaded, so no edit is made there: ${(error as Error).message}`);
      }
    }),
  );
  return (uri) => texts.get(uri);
}
