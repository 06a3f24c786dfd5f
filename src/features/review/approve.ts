import * as vscode from 'vscode';
import { approveEdits, authorOf, isoNow, myOwnerEntry, newApproval, ownersAsWritten } from '../../core/api';
import { applyEdits } from '../../host/applyEdits';
import type { IdentityService } from '../../host/identity';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import type { ApproveArgs } from './commands';

/**
 * Approve as me: records my approval (bound to the document's fingerprint; for a PR/FAQ, with the
 * covering sections' fingerprints) at the top of the document. Only co-owners may; anyone else
 * gets a message saying who can.
 */
export async function approve(live: LiveWorkspace, identity: IdentityService, args: ApproveArgs = {}): Promise<boolean> {
  const uri = args.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!uri) {
    void vscode.window.showInformationMessage('Open a PR/FAQ or design doc to approve it.');
    return false;
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const first = await live.modelFor(document);
  if (!first) {
    void vscode.window.showInformationMessage('Only PR/FAQs and design docs are approved.');
    return false;
  }
  const me = await identity.require();
  if (!me) return false;
  const person = myOwnerEntry(first, me);
  if (!person) {
    void vscode.window.showWarningMessage(`You (${authorOf(me) ?? 'unknown'}) are not a co-owner of "${first.title}" (${ownersAsWritten(first.owners.roles)}). Only its co-owners approve it.`);
    return false;
  }
  // A PR/FAQ approval records the sections covering it: the whole workspace must be indexed.
  await live.ready;
  const doc = (await live.modelFor(document)) ?? first;
  const approval = newApproval(live.index, doc, person, isoNow());
  if (!approval) return false;
  let edits;
  try {
    edits = approveEdits(document.getText(), doc, approval).map((edit) => ({ uri, ...edit }));
  } catch (error) {
    void vscode.window.showWarningMessage(`"${doc.title}" was not approved: ${(error as Error).message}`);
    return false;
  }
  return applyEdits(`Approve "${doc.title}"`, edits, { [uri]: document.version });
}
