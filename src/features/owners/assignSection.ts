import * as vscode from 'vscode';
import { assignSectionEdit, RefusedEdit, sectionAt, workspacePeople, type AssignMode, type DocModel, type TextEdit } from '../../core/api';
import { applyEdits } from '../../host/applyEdits';
import type { LiveWorkspace } from '../../host/liveWorkspace';

export const ASSIGN_SECTION_COMMAND = 'prfaqTrace.assignSection';

/** Arguments from the tree (a section node), the CodeLens (uri + section index) or tests. */
export interface AssignArgs {
  readonly uri?: string;
  readonly sectionIndex?: number;
  /** Given by tests and scripts: skips the pickers. */
  readonly people?: readonly string[];
  readonly mode?: AssignMode;
}

async function pickPeople(live: LiveWorkspace, doc: DocModel, current: readonly string[]): Promise<{ people: string[]; mode: AssignMode } | undefined> {
  const coOwners = doc.owners.roles.flatMap((role) => role.people.map((person) => ({ person, role: role.role })));
  const items: Array<vscode.QuickPickItem & { person?: string; action?: AssignMode | 'other' }> = [];
  items.push({ label: 'Co-owners of this document', kind: vscode.QuickPickItemKind.Separator });
  const seen = new Set<string>();
  for (const { person, role } of coOwners) {
    if (seen.has(person)) continue;
    seen.add(person);
    items.push({ label: person, description: role, picked: current.includes(person), person });
  }
  const others = workspacePeople(live.index.documents()).filter((person) => !seen.has(person));
  if (others.length > 0) items.push({ label: 'People in this workspace', kind: vscode.QuickPickItemKind.Separator });
  for (const person of others) items.push({ label: person, picked: current.includes(person), person });

  const quickPick = vscode.window.createQuickPick<(typeof items)[number]>();
  quickPick.title = 'Assign section';
  quickPick.placeholder = 'Pick owners, or type a name, @handle or email and press Enter';
  quickPick.canSelectMany = true;
  quickPick.items = items;
  quickPick.selectedItems = items.filter((item) => item.picked);
  const picked = await new Promise<string[] | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      const typed = quickPick.value.trim();
      const chosen = quickPick.selectedItems.flatMap((item) => (item.person ? [item.person] : []));
      resolve(typed && !chosen.includes(typed) ? [...chosen, ...typed.split(',').map((p) => p.trim()).filter(Boolean)] : chosen);
      quickPick.hide();
    });
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  if (picked === undefined) return undefined;
  if (picked.length === 0) return { people: [], mode: 'clear' };
  const added = picked.filter((p) => !current.includes(p));
  // Selecting a subset of the current owners replaces them; choosing only new people adds or replaces, as asked.
  if (current.length === 0 || picked.some((p) => current.includes(p))) return { people: picked, mode: 'replace' };
  const mode = await vscode.window.showQuickPick(
    [
      { label: `Add ${added.join(', ')}`, description: `keep ${current.join(', ')}`, mode: 'add' as const },
      { label: `Replace ${current.join(', ')}`, description: `with ${added.join(', ')}`, mode: 'replace' as const },
    ],
    { placeHolder: 'Add to the current owners or replace them?' },
  );
  return mode && { people: picked, mode: mode.mode };
}

/**
 * PR/FAQ: Assign Section… — writes the section's `<!-- owner: … -->` comment through a
 * WorkspaceEdit (undoable; applied to the open buffer, unsaved text kept; refused if the
 * document changes before it applies).
 */
export async function assignSection(live: LiveWorkspace, args: AssignArgs = {}): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const uri = args.uri ?? editor?.document.uri.toString();
  if (!uri) return false;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const doc = await live.modelFor(document);
  if (!doc) {
    void vscode.window.showInformationMessage('Sections can be assigned in PR/FAQs and design docs.');
    return false;
  }
  const sectionIndex = args.sectionIndex ?? (editor && editor.document.uri.toString() === uri ? sectionAt(doc, editor.selection.active.line) : -1);
  const section = doc.sections[sectionIndex];
  if (!section) {
    void vscode.window.showInformationMessage('Put the cursor in a section (under a heading) to assign it.');
    return false;
  }
  const choice = args.people !== undefined ? { people: [...args.people], mode: args.mode ?? 'replace' } : await pickPeople(live, doc, section.owners);
  if (!choice) return false;
  const current = (await live.modelFor(document)) ?? doc;
  let edit: TextEdit | undefined;
  try {
    edit = assignSectionEdit(current, document.getText(), sectionIndex, choice.people, choice.mode);
  } catch (error) {
    // The core refuses an owner comment that would not read back as the section's owners.
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RefusedEdit) void vscode.window.showWarningMessage(`Assign "${section.heading}": ${message}`);
    else void vscode.window.showErrorMessage(`Assign "${section.heading}" failed: ${message}`);
    return false;
  }
  if (!edit) return true;
  return applyEdits(`Assign "${section.heading}"`, [{ uri, ...edit }], { [uri]: document.version });
}
