import * as vscode from 'vscode';
import { definitionsFor, hoverFor, referencesFor, type Location } from '../../core/language';
import { fromPosition, toRange, toUri } from '../../host/convert';
import type { DocModel } from '../../core/api';
import type { LiveWorkspace } from '../../host/liveWorkspace';

export const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export function toLocation(location: Location): vscode.Location {
  return new vscode.Location(toUri(location.uri), toRange(location.range));
}

type DocModelOf = (document: vscode.TextDocument) => Promise<DocModel | undefined>;

/** Hover and go to definition of IDs for the documents `selector` picks, on the models `modelOf` gives. */
export function registerIdHoverAndDefinition(live: LiveWorkspace, selector: vscode.DocumentSelector, modelOf: DocModelOf): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(document, position) {
        const doc = await modelOf(document);
        const hover = doc && hoverFor(live.index, doc, fromPosition(position));
        if (!hover) return undefined;
        const markdown = new vscode.MarkdownString(hover.markdown);
        markdown.supportHtml = false;
        markdown.isTrusted = false;
        return new vscode.Hover(markdown, toRange(hover.range));
      },
    }),
    vscode.languages.registerDefinitionProvider(selector, {
      async provideDefinition(document, position) {
        const doc = await modelOf(document);
        return doc ? definitionsFor(live.index, doc, fromPosition(position)).map(toLocation) : [];
      },
    }),
  );
}

/** Hover, go to definition and find references for requirement IDs, answered from the index. */
export function registerNavigation(live: LiveWorkspace): vscode.Disposable {
  return vscode.Disposable.from(
    registerIdHoverAndDefinition(live, MARKDOWN, (document) => live.modelFor(document)),
    vscode.languages.registerReferenceProvider(MARKDOWN, {
      async provideReferences(document, position, context) {
        const doc = await live.modelFor(document);
        return doc ? referencesFor(live.index, doc, fromPosition(position), context.includeDeclaration).map(toLocation) : [];
      },
    }),
  );
}
