import * as vscode from 'vscode';
import {
  createIdMatcher,
  idPrefixFor,
  idPrefixOf,
  numberCommitments,
  prefixProblem,
  saveIdPrefix,
  type AssignedId,
  type DocModel,
  type DocumentEdit,
  type NumberingScope,
} from '../../core/api';
import { applyEdits } from '../../host/applyEdits';
import type { LiveWorkspace } from '../../host/liveWorkspace';

export const NUMBER_COMMAND = 'prfaqTrace.numberCommitments';
export const MAKE_PRFAQ_COMMAND = 'prfaqTrace.makePrfaq';

/** Arguments from the quick fix, menus and tests; what is given is not asked. */
export interface NumberArgs {
  readonly uri?: string;
  /** The ID prefix; default: the frontmatter's idPrefix, else asked (and saved there). */
  readonly prefix?: string;
  /** Number under the heading on this 0-based line. */
  readonly headingLine?: number;
  /** Number the items whose first line is in this range of 0-based lines (inclusive). */
  readonly lines?: { readonly from: number; readonly to: number };
}

/** The selection of the editor showing `document`, as whole lines, when it is not empty. */
function selectedLines(document: vscode.TextDocument): { from: number; to: number } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document !== document || editor.selection.isEmpty) return undefined;
  const { start, end } = editor.selection;
  // A selection that ends at the start of a line does not take that line.
  return { from: start.line, to: end.character === 0 && end.line > start.line ? end.line - 1 : end.line };
}

async function pickHeading(doc: DocModel, document: vscode.TextDocument): Promise<number | undefined> {
  if (doc.sections.length === 0) {
    void vscode.window.showInformationMessage('This document has no headings: select the list items to number, then run "Number Commitments" again.');
    return undefined;
  }
  const cursor = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor.selection.active.line : -1;
  const items = doc.sections.map((section) => ({
    label: `${'  '.repeat(Math.max(0, section.level - 1))}${section.heading}`,
    description: `line ${section.range.start.line + 1}`,
    line: section.range.start.line,
    contains: section.range.start.line <= cursor && cursor <= section.endLine,
  }));
  const quickPick = vscode.window.createQuickPick<(typeof items)[number]>();
  quickPick.title = 'Number commitments';
  quickPick.placeholder = 'Number the list items and headings under which heading?';
  quickPick.items = items;
  const here = [...items].reverse().find((item) => item.contains);
  if (here) quickPick.activeItems = [here];
  const picked = await new Promise<number | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.line);
      quickPick.hide();
    });
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  return picked;
}

async function askPrefix(doc: DocModel, ids: ReturnType<typeof createIdMatcher>): Promise<string | undefined> {
  const suggested = idPrefixFor(doc.title);
  const answer = await vscode.window.showInputBox({
    title: 'Number commitments',
    prompt: `ID prefix for the requirements of "${doc.title}" (saved as idPrefix in its frontmatter)`,
    value: prefixProblem(suggested, ids) ? '' : suggested,
    placeHolder: 'CHK',
    ignoreFocusOut: true,
    validateInput: (value) => prefixProblem(value.trim(), ids),
  });
  return answer?.trim() || undefined;
}

/**
 * PR/FAQ: Number Commitments — inserts the next free IDs with the document's prefix at the
 * start of the selected list items and headings (or those under a chosen heading) that carry
 * no ID yet, and saves a prefix it had to ask for as `idPrefix:`; one undoable edit, refused
 * when the document changed meanwhile. Returns the IDs it assigned.
 */
export async function numberCommitmentsCommand(live: LiveWorkspace, args: NumberArgs = {}): Promise<readonly AssignedId[] | undefined> {
  const uri = args.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!uri) return undefined;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const doc = await live.modelFor(document);
  if (doc?.kind !== 'prfaq') {
    const make = 'Make This a PR/FAQ';
    void vscode.window.showInformationMessage('Requirements are numbered in PR/FAQs: this document is not one yet.', make).then((choice) => {
      if (choice === make) void vscode.commands.executeCommand(MAKE_PRFAQ_COMMAND, { uri });
    });
    return undefined;
  }
  const lines = args.lines ?? (args.headingLine === undefined ? selectedLines(document) : undefined);
  let scope: NumberingScope;
  if (lines) scope = { kind: 'lines', ...lines };
  else {
    const headingLine = args.headingLine ?? (await pickHeading(doc, document));
    if (headingLine === undefined) return undefined;
    scope = { kind: 'under', headingLines: [headingLine] };
  }
  const ids = createIdMatcher(live.config.idPattern);
  const saved = idPrefixOf(document.getText());
  const prefix = args.prefix ?? saved ?? (await askPrefix(doc, ids));
  if (!prefix) return undefined;

  // Computed against the text as it is now, and applied only to this version.
  const text = document.getText();
  const version = document.version;
  const result = numberCommitments(text, { prefix, ids, scope, usedIds: live.index.requirementIds() });
  if ('problem' in result) {
    void vscode.window.showWarningMessage(`Number Commitments: ${result.problem}`);
    return undefined;
  }
  const edits: DocumentEdit[] = result.edits.map((edit) => ({ uri, ...edit }));
  if (idPrefixOf(text) === undefined) {
    const save = saveIdPrefix(text, prefix);
    if ('problem' in save) void vscode.window.showWarningMessage(`The prefix ${prefix} was not saved as idPrefix: ${save.problem}`);
    else edits.unshift(...save.edits.map((edit) => ({ uri, ...edit })));
  }
  if (result.assigned.length === 0) {
    const already = result.alreadyNumbered > 0 ? `: ${result.alreadyNumbered} already carry an ID` : ': no list items or headings there';
    void vscode.window.showInformationMessage(`Nothing to number${already}.`);
    if (edits.length > 0) await applyEdits('Save the ID prefix', edits, { [uri]: version });
    return [];
  }
  const first = result.assigned[0]?.id;
  const last = result.assigned[result.assigned.length - 1]?.id;
  const title = `Number ${result.assigned.length} commitment${result.assigned.length === 1 ? '' : 's'} (${first === last ? first : `${first}–${last}`})`;
  if (!(await applyEdits(title, edits, { [uri]: version }))) return undefined;
  void vscode.window.setStatusBarMessage(`${title}.`, 5000);
  return result.assigned;
}
