import * as vscode from 'vscode';
import {
  deleteThreadEdit,
  insertThreadEdit,
  placeThread,
  replaceThreadEdit,
  threadById,
  type CommentThread,
  type TextChange,
  type ThreadData,
} from '../../core/api';
import { applyEdits } from '../../host/applyEdits';
import type { LiveWorkspace } from '../../host/liveWorkspace';

/**
 * Writes thread changes into the markdown through WorkspaceEdits computed against the
 * document's current text (open buffer, unsaved edits included) and refused if it changes
 * before they apply.
 */
export class ThreadWriter {
  constructor(private readonly live: LiveWorkspace) {}

  private async apply(document: vscode.TextDocument, title: string, change: TextChange): Promise<boolean> {
    return applyEdits(title, [{ uri: document.uri.toString(), ...change }], { [document.uri.toString()]: document.version });
  }

  async create(uri: vscode.Uri, line: number, thread: ThreadData): Promise<boolean> {
    const document = await vscode.workspace.openTextDocument(uri);
    await this.live.modelFor(document);
    const text = document.getText();
    return this.apply(document, 'Add comment', insertThreadEdit(text, placeThread(text, line), thread));
  }

  /** Rewrites thread `id` with `update(current)`; `undefined` from update deletes the whole thread. */
  async update(uri: vscode.Uri, id: string, title: string, update: (current: CommentThread) => ThreadData | undefined): Promise<boolean> {
    const document = await vscode.workspace.openTextDocument(uri);
    const doc = await this.live.modelFor(document);
    const current = doc && threadById(doc, id);
    if (!current) {
      void vscode.window.showWarningMessage('This comment thread is no longer in the file (it was edited or removed meanwhile).');
      return false;
    }
    const next = update(current);
    const text = document.getText();
    return this.apply(document, title, next ? replaceThreadEdit(text, current, next) : deleteThreadEdit(text, current));
  }
}
