import * as vscode from 'vscode';
import { completionsFor } from '../../core/language';
import { fromPosition, toRange } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { MARKDOWN } from './navigation';

/** Requirement IDs after `Covers:` (inline or in its list) and as keys of `waived:`. */
export function registerCompletion(live: LiveWorkspace): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    MARKDOWN,
    {
      async provideCompletionItems(document, position) {
        const doc = await live.modelFor(document);
        if (!doc) return undefined;
        const items = completionsFor(live.index, doc, fromPosition(position), document.lineAt(position.line).text, document.getText());
        if (!items) return undefined;
        return items.map((item) => {
          const completion = new vscode.CompletionItem({ label: item.label, description: item.detail }, vscode.CompletionItemKind.Reference);
          completion.detail = item.detail;
          completion.documentation = new vscode.MarkdownString(item.documentation);
          completion.sortText = item.sortText;
          completion.filterText = item.filterText;
          completion.insertText = item.insertText;
          completion.range = toRange(item.replaceRange);
          if (item.preselect) completion.preselect = true;
          if (item.status === 'waived') completion.tags = [vscode.CompletionItemTag.Deprecated];
          return completion;
        });
      },
    },
    '-',
    ' ',
    ',',
    ':',
  );
}
