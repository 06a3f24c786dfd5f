import * as vscode from 'vscode';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { registerApplyEdits } from '../../host/applyEdits';
import { registerCodeLens } from './codeLens';
import { registerCompletion } from './completion';
import { registerNavigation } from './navigation';
import { registerSourceTagNavigation } from './sourceTags';
import { registerQuickFixes } from './quickFixes';
import { registerRename } from './rename';
import { registerSymbols } from './symbols';

/** Requirement IDs as symbols in markdown: hover, go to, references, rename, completion, lenses, fixes, links. */
export function registerLanguageFeatures(live: LiveWorkspace): vscode.Disposable {
  return vscode.Disposable.from(
    registerApplyEdits(),
    registerNavigation(live),
    registerSourceTagNavigation(live),
    registerRename(live),
    registerCompletion(live),
    registerCodeLens(live),
    registerQuickFixes(live),
    registerSymbols(live),
  );
}
