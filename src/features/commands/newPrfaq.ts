import * as vscode from 'vscode';
import { fileSlug, prfaqTemplate } from '../../core/api';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { createAndOpen, freeUri } from './createDocument';

export interface NewPrfaqArgs {
  readonly title?: string;
  readonly pm?: string;
  readonly engineer?: string;
  /** Folder to create the file in; default: where the workspace's PR/FAQs are, else `prfaq/`. */
  readonly folder?: vscode.Uri;
}

async function ask(value: string | undefined, prompt: string, placeHolder: string): Promise<string | undefined> {
  if (value?.trim()) return value.trim();
  const answer = await vscode.window.showInputBox({
    prompt,
    placeHolder,
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() ? undefined : 'Required'),
  });
  return answer?.trim() || undefined;
}

/** PR/FAQ: New PR/FAQ — a working-backwards template with co-owners and a Commitments section. */
export async function newPrfaq(live: LiveWorkspace, args: NewPrfaqArgs = {}): Promise<vscode.Uri | undefined> {
  const root = vscode.workspace.workspaceFolders?.[0];
  if (!root && !args.folder) {
    void vscode.window.showErrorMessage('Open a folder to create a PR/FAQ in.');
    return undefined;
  }
  const title = await ask(args.title, 'Title of the PR/FAQ (the product, as customers will know it)', 'One-Click Checkout');
  if (!title) return undefined;
  const pm = await ask(args.pm, 'Product manager (co-owner)', '@priya or Priya Raman <priya@example.com>');
  if (!pm) return undefined;
  const engineer = await ask(args.engineer, 'Lead engineer (co-owner)', '@marco');
  if (!engineer) return undefined;
  const existing = live.index.prfaqs()[0];
  const folder =
    args.folder ??
    (existing ? vscode.Uri.joinPath(vscode.Uri.parse(existing.uri), '..') : vscode.Uri.joinPath((root as vscode.WorkspaceFolder).uri, 'prfaq'));
  const uri = await freeUri(folder, fileSlug(title));
  await createAndOpen(uri, prfaqTemplate({ title, pm, engineer }));
  return uri;
}
