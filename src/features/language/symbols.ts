import * as vscode from 'vscode';
import { documentLinks, documentSymbols, workspaceSymbols, type DocumentSymbol } from '../../core/language';
import { toRange, toUri } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { MARKDOWN } from './navigation';

function toDocumentSymbol(symbol: DocumentSymbol): vscode.DocumentSymbol {
  const result = new vscode.DocumentSymbol(
    symbol.name,
    symbol.detail,
    symbol.kind === 'requirement' ? vscode.SymbolKind.Key : vscode.SymbolKind.String,
    toRange(symbol.range),
    toRange(symbol.selectionRange),
  );
  result.children = symbol.children.map(toDocumentSymbol);
  return result;
}

/** Document links on Covers: IDs, the outline (sections and requirements), and Ctrl+T over requirements. */
export function registerSymbols(live: LiveWorkspace): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDocumentLinkProvider(MARKDOWN, {
      async provideDocumentLinks(document) {
        const doc = await live.modelFor(document);
        if (!doc) return [];
        return documentLinks(live.index, doc).map((link) => {
          const target = toUri(link.target.uri).with({ fragment: `L${link.target.range.start.line + 1},${link.target.range.start.character + 1}` });
          const result = new vscode.DocumentLink(toRange(link.range), target);
          result.tooltip = 'Go to the requirement';
          return result;
        });
      },
    }),
    vscode.languages.registerDocumentSymbolProvider(
      MARKDOWN,
      {
        async provideDocumentSymbols(document) {
          const doc = await live.modelFor(document);
          return doc ? documentSymbols(doc, document.getText()).map(toDocumentSymbol) : [];
        },
      },
      { label: 'PR/FAQ' },
    ),
    vscode.languages.registerWorkspaceSymbolProvider({
      async provideWorkspaceSymbols(query) {
        await live.ready;
        return workspaceSymbols(live.index, query).map(
          (symbol) =>
            new vscode.SymbolInformation(symbol.name, vscode.SymbolKind.Key, symbol.containerName, new vscode.Location(toUri(symbol.location.uri), toRange(symbol.location.range))),
        );
      },
    }),
  );
}
