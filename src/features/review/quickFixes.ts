import * as vscode from 'vscode';
import { ReviewCode } from '../../core/api';
import { DIAGNOSTIC_SOURCE } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { APPROVE_COMMAND, MARK_REVIEWED_COMMAND, SHOW_WHAT_CHANGED_COMMAND, type ApproveArgs, type EntryArgs } from './commands';

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

function fix(title: string, command: string, args: unknown, diagnostic: vscode.Diagnostic, preferred = false): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = { title, command, arguments: [args] };
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}

/** Quick fixes on review findings: Mark reviewed and Show what changed on suspect coverage; Approve as me on stale approvals. */
export function reviewQuickFixes(live: LiveWorkspace): vscode.CodeActionProvider {
  return {
    async provideCodeActions(document, _range, context) {
      const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      if (ours.length === 0) return [];
      const doc = await live.modelFor(document);
      if (!doc) return [];
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of ours) {
        const code = codeOf(diagnostic);
        if (code === ReviewCode.suspectCoverage) {
          const cover = doc.covers.find((c) => c.range.start.line === diagnostic.range.start.line && c.range.start.character === diagnostic.range.start.character);
          if (!cover) continue;
          const args: EntryArgs = { uri: doc.uri, id: cover.id, sectionIndex: cover.sectionIndex };
          actions.push(fix(`Mark ${cover.id} reviewed`, MARK_REVIEWED_COMMAND, args, diagnostic, true));
          if (doc.reviewStamps.some((s) => s.id === cover.id && s.sectionIndex === cover.sectionIndex)) actions.push(fix('Show what changed', SHOW_WHAT_CHANGED_COMMAND, args, diagnostic));
        } else if (code === ReviewCode.staleApproval || code === ReviewCode.coveringSectionChanged || code === ReviewCode.missingApproval) {
          actions.push(fix('Approve as me', APPROVE_COMMAND, { uri: doc.uri } satisfies ApproveArgs, diagnostic));
        }
      }
      return actions;
    },
  };
}
