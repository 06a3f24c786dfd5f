import * as vscode from 'vscode';
import type { FileHistory } from '../../core/api';
import type { IdentityService } from '../../host/identity';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { approve } from './approve';
import { APPROVE_COMMAND, MARK_REVIEWED_COMMAND, SHOW_WHAT_CHANGED_COMMAND, type ApproveArgs, type EntryArgs } from './commands';
import { reviewLenses } from './lenses';
import { markReviewed } from './markReviewed';
import { reviewQuickFixes } from './quickFixes';
import { registerApprovalStatusBar } from './statusBar';
import { REVIEW_SCHEME, ReviewTexts, showWhatChanged } from './showWhatChanged';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/**
 * Review stamps and co-owner sign-off in the editor: Mark reviewed, Show what changed (a diff from
 * the file history when there is one) and Approve as me, as CodeLenses, quick fixes and commands,
 * and the approval state in the status bar. `history` is git on the desktop, absent in the browser.
 */
export function registerReview(live: LiveWorkspace, identity: IdentityService, history?: FileHistory): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const texts = new ReviewTexts();
  return vscode.Disposable.from(
    changed,
    live.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('prfaqTrace.me')) changed.fire();
    }),
    vscode.workspace.registerTextDocumentContentProvider(REVIEW_SCHEME, texts),
    vscode.commands.registerCommand(MARK_REVIEWED_COMMAND, (args: EntryArgs) => markReviewed(live, identity, args)),
    vscode.commands.registerCommand(SHOW_WHAT_CHANGED_COMMAND, (args: EntryArgs) => showWhatChanged(live, texts, history, args)),
    vscode.commands.registerCommand(APPROVE_COMMAND, (args?: ApproveArgs) => approve(live, identity, args ?? {})),
    vscode.languages.registerCodeLensProvider(MARKDOWN, {
      onDidChangeCodeLenses: changed.event,
      async provideCodeLenses(document) {
        const doc = await live.modelFor(document);
        return doc ? reviewLenses(live.index, doc, await identity.get()) : [];
      },
    }),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, reviewQuickFixes(live), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    registerApprovalStatusBar(live),
  );
}
