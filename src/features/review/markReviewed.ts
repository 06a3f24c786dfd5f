import * as vscode from 'vscode';
import { authorOf, isoNow, markReviewedEdits, newStamp, type CoverEntry, type DocModel } from '../../core/api';
import { applyEdits } from '../../host/applyEdits';
import type { IdentityService } from '../../host/identity';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import type { EntryArgs } from './commands';

/** The entry the arguments name in the document as it is now, or a message saying why it is gone. */
export async function entryOf(live: LiveWorkspace, args: EntryArgs): Promise<{ document: vscode.TextDocument; doc: DocModel; cover: CoverEntry } | string> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const doc = await live.modelFor(document);
  const cover = doc?.covers.find((c) => c.id === args.id && c.sectionIndex === args.sectionIndex);
  if (!doc || !cover) return `${vscode.workspace.asRelativePath(document.uri)} no longer has this "Covers: ${args.id}" (it was edited meanwhile).`;
  return { document, doc, cover };
}

/**
 * Mark reviewed: writes (or rewrites) the entry's review stamp as me, with the requirement's
 * fingerprint as it reads now — one undoable edit, refused if the document changes meanwhile.
 */
export async function markReviewed(live: LiveWorkspace, identity: IdentityService, args: EntryArgs): Promise<boolean> {
  const me = await identity.require();
  const reviewer = me && authorOf(me);
  if (!reviewer) return false;
  const found = await entryOf(live, args);
  if (typeof found === 'string') {
    void vscode.window.showWarningMessage(found);
    return false;
  }
  const { document, doc, cover } = found;
  const stamp = newStamp(live.index, cover, reviewer, isoNow());
  if (!stamp) {
    void vscode.window.showWarningMessage(`${cover.id} is not a requirement of any PR/FAQ: there is nothing to review.`);
    return false;
  }
  const uri = document.uri.toString();
  const edits = markReviewedEdits(document.getText(), doc, cover, stamp).map((edit) => ({ uri, ...edit }));
  return applyEdits(`Mark ${cover.id} reviewed`, edits, { [uri]: document.version });
}
