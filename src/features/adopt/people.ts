import * as vscode from 'vscode';
import { authorOf, workspacePeople } from '../../core/api';
import type { IdentityService } from '../../host/identity';
import type { LiveWorkspace } from '../../host/liveWorkspace';

type PersonItem = vscode.QuickPickItem & { readonly person: string };

/**
 * Picks one person for a co-owner role: you (the prfaqTrace.me setting or git's identity)
 * first, then everyone the workspace names as an owner; typing a name, @handle or email
 * offers exactly that. Undefined when cancelled.
 */
export async function pickPerson(live: LiveWorkspace, identity: IdentityService, title: string): Promise<string | undefined> {
  const me = authorOf(await identity.get());
  const people = [...new Set([...(me ? [me] : []), ...workspacePeople(live.index.documents())])];
  const known: PersonItem[] = people.map((person) => ({ label: person, person, ...(person === me ? { description: 'you' } : {}) }));
  const quickPick = vscode.window.createQuickPick<PersonItem>();
  quickPick.title = title;
  quickPick.placeholder = 'Pick a person, or type a name, @handle or email';
  quickPick.ignoreFocusOut = true;
  quickPick.items = known;
  quickPick.onDidChangeValue((value) => {
    const typed = value.trim();
    // What was typed is always on offer, first, unless it is someone listed already.
    quickPick.items = typed && !people.includes(typed) ? [{ label: typed, description: 'as typed', person: typed, alwaysShow: true }, ...known] : known;
  });
  const picked = await new Promise<string | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.person);
      quickPick.hide();
    });
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  return picked;
}
