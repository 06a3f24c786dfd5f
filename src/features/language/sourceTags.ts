import * as vscode from 'vscode';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { registerIdHoverAndDefinition } from './navigation';

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
  return registerIdHoverAndDefinition(live, ANY_FILE, sourceModel);
}
