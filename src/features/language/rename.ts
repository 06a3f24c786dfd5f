import * as vscode from 'vscode';
import { createIdMatcher } from '../../core/api';
import { occurrencesOf, prepareRename, renameEdits } from '../../core/language';
import { fromPosition, toRange, toUri } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { MARKDOWN } from './navigation';
import { loadTexts } from './textOf';

const RENAME_ANYWAY = 'Rename Anyway';

/** F2 on a requirement ID: every definition, Covers entry, waiver key, mention and anchor link, in one WorkspaceEdit (after a modal confirm when the new name is already used but undefined). */
export function registerRename(live: LiveWorkspace): vscode.Disposable {
  return vscode.languages.registerRenameProvider(MARKDOWN, {
    async prepareRename(document, position) {
      const doc = await live.modelFor(document);
      if (!doc) throw new Error('Only requirement IDs in PR/FAQs and design docs can be renamed here.');
      const result = prepareRename(live.index, doc, fromPosition(position));
      if ('error' in result) throw new Error(result.error);
      return { range: toRange(result.range), placeholder: result.placeholder };
    },
    async provideRenameEdits(document, position, newName) {
      const doc = await live.modelFor(document);
      if (!doc) return undefined;
      const prepared = prepareRename(live.index, doc, fromPosition(position));
      if ('error' in prepared) throw new Error(prepared.error);
      const id = prepared.placeholder;
      const textOf = await loadTexts(occurrencesOf(live.index, id).map((o) => o.uri));
      const result = renameEdits(live.index, id, newName.trim(), createIdMatcher(live.config.idPattern), { textOf });
      const edit = new vscode.WorkspaceEdit();
      if ('error' in result) {
        // Throwing would hand the rename to the next provider (the built-in one renames the heading):
        // refuse with an empty edit and say why.
        void vscode.window.showErrorMessage(`Cannot rename ${id}: ${result.error}`);
        return edit;
      }
      // The new name is undefined but already used: applying would silently hand its stale Covers
      // entries and waivers to this requirement. Ask first; anything but "Rename Anyway" renames nothing.
      if (result.warning !== undefined) {
        const choice = await vscode.window.showWarningMessage(`Rename ${id} to ${newName.trim()}?`, { modal: true, detail: result.warning }, RENAME_ANYWAY);
        if (choice !== RENAME_ANYWAY) return edit;
      }
      for (const [uri, edits] of Object.entries(result.edits)) {
        for (const e of edits) edit.replace(toUri(uri), toRange(e.range), e.newText);
      }
      return edit;
    },
  });
}
