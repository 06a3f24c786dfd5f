import * as vscode from 'vscode';
import { StructureCode, structureFix, structureRules, type CodeAction, type Finding } from '../../core/api';
import { APPLY_EDITS_COMMAND, versionsOf } from '../../host/applyEdits';
import { DIAGNOSTIC_SOURCE } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { NUMBER_COMMAND, type NumberArgs } from './numberCommand';

const structureCodes = new Set<string>(structureRules.map((rule) => rule.code));

function findingOf(live: LiveWorkspace, uri: string, diagnostic: vscode.Diagnostic): Finding | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  if (typeof code !== 'string' || !structureCodes.has(code)) return undefined;
  return live.index
    .findings(uri)
    .find((f) => f.code === code && f.range.start.line === diagnostic.range.start.line && f.range.start.character === diagnostic.range.start.character);
}

function toCodeAction(action: CodeAction, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const result = new vscode.CodeAction(action.title, vscode.CodeActionKind.QuickFix);
  // Applied through the command that refuses edits computed against an older version.
  result.command = { title: action.title, command: APPLY_EDITS_COMMAND, arguments: [action.title, action.edits, versionsOf(action.edits.map((e) => e.uri))] };
  result.diagnostics = [diagnostic];
  return result;
}

/** Quick fixes of the structure lint: start numbering for no-requirements, insert a missing part from the template. */
export function registerStructureFixes(live: LiveWorkspace): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context) {
      const diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      if (diagnostics.length === 0) return [];
      const doc = await live.modelFor(document);
      if (!doc) return [];
      const uri = document.uri.toString();
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of diagnostics) {
        const finding = findingOf(live, uri, diagnostic);
        if (!finding) continue;
        if (finding.code === StructureCode.noRequirements) {
          const action = new vscode.CodeAction('Number the commitments (list items and headings under a heading)…', vscode.CodeActionKind.QuickFix);
          action.command = { title: action.title, command: NUMBER_COMMAND, arguments: [{ uri } satisfies NumberArgs] };
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          actions.push(action);
          continue;
        }
        const fix = structureFix(doc, document.getText(), finding);
        if (fix) actions.push(toCodeAction(fix, diagnostic));
      }
      return actions;
    },
  };
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}
