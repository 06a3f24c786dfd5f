import * as vscode from 'vscode';
import {
  deleteThreadEdit,
  findThread,
  insertThreadEdit,
  newThreadId,
  placeThread,
  RefusedEdit,
  replaceThreadEdit,
  type CommentThread,
  type TextEdit,
  type ThreadComment,
  type ThreadData,
} from '../../core/api';
import { applyEdits } from '../../host/applyEdits';
import type { LiveWorkspace } from '../../host/liveWorkspace';

/**
 * Writes thread changes into the markdown through WorkspaceEdits computed against the
 * document's current text (open buffer, unsaved edits included) and refused if it changes
 * before they apply. An edit the core refuses (it would not read back, the thread's ID is
 * ambiguous) is shown to the user and nothing is written; the draft comment stays.
 */
export class ThreadWriter {
  constructor(private readonly live: LiveWorkspace) {}

  private async apply(document: vscode.TextDocument, title: string, compute: () => TextEdit): Promise<boolean> {
    let change: TextEdit;
    try {
      change = compute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof RefusedEdit) void vscode.window.showWarningMessage(`${title}: ${message}`);
      else void vscode.window.showErrorMessage(`${title} failed: ${message}`);
      return false;
    }
    return applyEdits(title, [{ uri: document.uri.toString(), ...change }], { [document.uri.toString()]: document.version });
  }

  /** Starts a thread about `line` with its first comment; the thread gets an ID no thread of the file has. */
  async create(uri: vscode.Uri, line: number, first: ThreadComment): Promise<boolean> {
    const document = await vscode.workspace.openTextDocument(uri);
    const doc = await this.live.modelFor(document);
    const thread: ThreadData = { id: newThreadId(Math.random, new Set(doc?.threads.map((t) => t.id))), status: 'open', comments: [first] };
    const text = document.getText();
    return this.apply(document, 'Add comment', () => insertThreadEdit(text, placeThread(text, line), thread));
  }

  /** Rewrites thread `id` with `update(current)`; `undefined` from update deletes the whole thread. */
  async update(uri: vscode.Uri, id: string, title: string, update: (current: CommentThread) => ThreadData | undefined): Promise<boolean> {
    const document = await vscode.workspace.openTextDocument(uri);
    const doc = await this.live.modelFor(document);
    const found = doc ? findThread(doc, id) : { error: 'This file is no longer analysed.' };
    if ('error' in found) {
      void vscode.window.showWarningMessage(found.error);
      return false;
    }
    const next = update(found.thread);
    const text = document.getText();
    return this.apply(document, title, () => (next ? replaceThreadEdit(text, found.thread, next) : deleteThreadEdit(text, found.thread)));
  }
}
