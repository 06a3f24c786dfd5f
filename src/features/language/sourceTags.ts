import * as vscode from 'vscode';
import { definitionsFor, hoverFor } from '../../core/language';
import { fromPosition, toRange } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { toLocation } from './navigation';

/**
 * Hover and go to definition on OpenFastTrace tags (`[impl->dsn~x~1]`) in source files, whatever
 * their language: the files `sourceGlobs` names. Markdown has its own providers (navigation.ts):
 * these answer only for documents whose model is a source file's.
 */
const ANY_FILE: vscode.DocumentSelector = [{ pattern: '**/*' }];

export function registerSourceTagNavigation(live: LiveWorkspace): vscode.Disposable {
  const sourceModel = async (document: vscode.TextDocument) => {
    if (document.languageId === 'markdown') return undefined;
    const doc = await live.modelFor(document);
    return doc?.kind === 'source' ? doc : undefined;
  };
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(ANY_FILE, {
      async provideHover(document, position) {
        const doc = await sourceModel(document);
        const hover = doc && hoverFor(live.index, doc, fromPosition(position));
        if (!hover) return undefined;
        const markdown = new vscode.MarkdownString(hover.markdown);
        markdown.supportHtml = false;
        markdown.isTrusted = false;
        return new vscode.Hover(markdown, toRange(hover.range));
      },
    }),
    vscode.languages.registerDefinitionProvider(ANY_FILE, {
      async provideDefinition(document, position) {
        const doc = await sourceModel(document);
        return doc ? definitionsFor(live.index, doc, fromPosition(position)).map(toLocation) : [];
      },
    }),
  );
}
