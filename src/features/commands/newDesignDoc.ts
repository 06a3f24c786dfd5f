import * as vscode from 'vscode';
import { designTemplate, documentRelativePath, fileStem, type DocModel } from '../../core/api';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { createAndOpen, freeUri } from './createDocument';

/** The PR/FAQ a command is about: a tree node or URI argument, the active editor, or a pick. */
async function choosePrfaq(live: LiveWorkspace, arg: unknown): Promise<DocModel | undefined> {
  const fromArg =
    arg instanceof vscode.Uri ? arg.toString() : typeof arg === 'object' && arg !== null && 'uri' in arg ? String((arg as { uri: unknown }).uri) : undefined;
  const candidates = [fromArg, vscode.window.activeTextEditor?.document.uri.toString()];
  await live.ready;
  for (const uri of candidates) {
    // An open PR/FAQ is taken as its editor holds it now (it may have just been created or typed into).
    const open = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
    const doc = open ? await live.modelFor(open) : uri ? live.index.get(uri) : undefined;
    if (doc?.kind === 'prfaq') return doc;
  }
  const prfaqs = live.index.prfaqs();
  if (prfaqs.length === 0) {
    void vscode.window.showInformationMessage('There is no PR/FAQ in this workspace yet. Create one with "PR/FAQ: New PR/FAQ".');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    prfaqs.map((doc) => ({ label: doc.title, description: vscode.workspace.asRelativePath(vscode.Uri.parse(doc.uri)), doc })),
    { placeHolder: 'Which PR/FAQ does the design doc answer?' },
  );
  return picked?.doc;
}

/** PR/FAQ: New Design Doc for this PR/FAQ — prfaq: link, co-owners, one section per requirement. */
export async function newDesignDoc(live: LiveWorkspace, arg?: unknown): Promise<vscode.Uri | undefined> {
  const prfaq = await choosePrfaq(live, arg);
  if (!prfaq) return undefined;
  const prfaqUri = vscode.Uri.parse(prfaq.uri);
  const prfaqFolder = vscode.Uri.joinPath(prfaqUri, '..');
  // prfaq/x.md → design/x-design.md beside it; otherwise next to the PR/FAQ.
  const folder = prfaqFolder.path.endsWith('/prfaq') ? vscode.Uri.joinPath(prfaqFolder, '..', 'design') : prfaqFolder;
  const stem = fileStem(prfaq.uri);
  const uri = await freeUri(folder, `${stem}-design`);
  await createAndOpen(uri, designTemplate(prfaq, documentRelativePath(uri.toString(), prfaq.uri)));
  return uri;
}
