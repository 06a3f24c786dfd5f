import * as vscode from 'vscode';
import { definitionsFor, hoverFor, referencesFor, type Location } from '../../core/language';
import { fromPosition, toRange, toUri } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';

export const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export function toLocation(location: Location): vscode.Location {
  return new vscode.Location(toUri(location.uri), toRange(location.range));
}

/** Hover, go to definition and find references for requirement IDs, answered from the index. */
export function registerNavigation(live: LiveWorkspace): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(MARKDOWN, {
      async provideHover(document, position) {
        const doc = await live.modelFor(document);
        const hover = doc && hoverFor(live.index, doc, fromPosition(position));
        if (!hover) return undefined;
        const markdown = new vscode.MarkdownString(hover.markdown);
        markdown.supportHtml = false;
        markdown.isTrusted = false;
        return new vscode.Hover(markdown, toRange(hover.range));
      },
    }),
    vscode.languages.registerDefinitionProvider(MARKDOWN, {
      async provideDefinition(document, position) {
        const doc = await live.modelFor(document);
        return doc ? definitionsFor(live.index, doc, fromPosition(position)).map(toLocation) : [];
      },
    }),
    vscode.languages.registerReferenceProvider(MARKDOWN, {
      async provideReferences(document, position, context) {
        const doc = await live.modelFor(document);
        return doc ? referencesFor(live.index, doc, fromPosition(position), context.includeDeclaration).map(toLocation) : [];
      },
    }),
  );
}
