import * as vscode from 'vscode';
import { FindingCode, type Finding } from '../../core/api';
import { addToExistingSection, designDocsAnswering, mentionActions, quickFixesFor, type CodeAction } from '../../core/language';
import { DIAGNOSTIC_SOURCE, fromPosition } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { APPLY_EDITS_COMMAND, applyEdits, versionsOf } from '../../host/applyEdits';
import { MARKDOWN } from './navigation';
import { loadTexts } from './textOf';

export const ADD_COVERAGE_COMMAND = 'prfaqTrace.addCoverage';

function toCodeAction(action: CodeAction, diagnostic?: vscode.Diagnostic): vscode.CodeAction {
  const result = new vscode.CodeAction(action.title, vscode.CodeActionKind.QuickFix);
  // Applied through a command that refuses if a document changed after the edits were computed.
  result.command = { title: action.title, command: APPLY_EDITS_COMMAND, arguments: [action.title, action.edits, versionsOf(action.edits.map((e) => e.uri))] };
  if (diagnostic) result.diagnostics = [diagnostic];
  if (action.isPreferred) result.isPreferred = true;
  return result;
}

function findingOf(live: LiveWorkspace, uri: string, diagnostic: vscode.Diagnostic): Finding | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return live.index
    .findings(uri)
    .find((f) => f.code === code && f.range.start.line === diagnostic.range.start.line && f.range.start.character === diagnostic.range.start.character);
}

/** Quick fixes for prfaq-trace's diagnostics, and "mark this section as covering it" on a mention. */
export function registerQuickFixes(live: LiveWorkspace): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, range, context) {
      const doc = await live.modelFor(document);
      if (!doc) return [];
      const uri = document.uri.toString();
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        const finding = findingOf(live, uri, diagnostic);
        if (!finding) continue;
        const designs = finding.code === FindingCode.uncoveredRequirement ? designDocsAnswering(live.index, uri).map((d) => d.uri) : [];
        const textOf = await loadTexts([uri, ...designs]);
        actions.push(...quickFixesFor(live.index, finding, textOf).map((action) => toCodeAction(action, diagnostic)));
        if (finding.code === FindingCode.uncoveredRequirement && finding.subject) {
          const pick = new vscode.CodeAction(`Cover ${finding.subject} in an existing design section…`, vscode.CodeActionKind.QuickFix);
          pick.command = { title: pick.title, command: ADD_COVERAGE_COMMAND, arguments: [finding.subject, uri] };
          pick.diagnostics = [diagnostic];
          actions.push(pick);
        }
      }
      actions.push(...mentionActions(live.index, doc, fromPosition(range.start), document.getText()).map((action) => toCodeAction(action)));
      return actions;
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(MARKDOWN, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(ADD_COVERAGE_COMMAND, (id: string, prfaqUri?: string, designUri?: string, sectionIndex?: number) =>
      addCoverage(live, id, prfaqUri, designUri, sectionIndex),
    ),
  );
}

/** Picks a design doc (those answering the PR/FAQ first) and a section, then declares the ID there. */
async function addCoverage(live: LiveWorkspace, id: string, prfaqUri?: string, designUri?: string, sectionIndex?: number): Promise<boolean> {
  await live.ready;
  const answering = new Set(prfaqUri ? designDocsAnswering(live.index, prfaqUri).map((d) => d.uri) : []);
  let design = designUri ? live.index.get(designUri) : undefined;
  if (!design) {
    const designs = live.index.designs().sort((a, b) => Number(answering.has(b.uri)) - Number(answering.has(a.uri)));
    if (designs.length === 0) {
      void vscode.window.showInformationMessage('There is no design doc yet: create one with "PR/FAQ: New Design Doc for this PR/FAQ".');
      return false;
    }
    const picked = await vscode.window.showQuickPick(
      designs.map((d) => ({ label: d.title, description: answering.has(d.uri) ? 'answers this PR/FAQ' : vscode.workspace.asRelativePath(vscode.Uri.parse(d.uri)), doc: d })),
      { placeHolder: `Which design doc covers ${id}?` },
    );
    design = picked?.doc;
  }
  if (!design) return false;
  let section = sectionIndex;
  if (section === undefined) {
    const picked = await vscode.window.showQuickPick(
      design.sections.map((s, i) => ({ label: `${'  '.repeat(Math.max(0, s.level - 1))}${s.heading}`, description: s.owners.join(', '), index: i })),
      { placeHolder: `Which section of ${design.title} covers ${id}?` },
    );
    section = picked?.index;
  }
  if (section === undefined) return false;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(design.uri));
  const current = (await live.modelFor(document)) ?? design;
  const action = addToExistingSection(live.index, current, section, id, document.getText());
  if (!action) return false;
  return applyEdits(action.title, action.edits, versionsOf([design.uri]));
}
