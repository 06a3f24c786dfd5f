import * as vscode from 'vscode';
import { adoptEdits, documentRelativePath, fileStem, type DocKind, type DocumentEdit } from '../../core/api';
import { applyEdits } from '../../host/applyEdits';
import type { IdentityService } from '../../host/identity';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { pickPerson } from './people';

/** Arguments from menus (a URI) and tests; what is given is not asked. */
export interface MakeArgs {
  readonly uri?: string;
  readonly pm?: string;
  readonly engineer?: string;
  /** For a design doc: the PR/FAQ it answers (a URI, or a path relative to the design doc); '' for none. */
  readonly prfaq?: string;
}

function uriOf(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri) return arg.toString();
  if (typeof arg === 'object' && arg !== null && 'uri' in arg && typeof (arg as { uri: unknown }).uri === 'string') return (arg as { uri: string }).uri;
  return vscode.window.activeTextEditor?.document.uri.toString();
}

async function pickPrfaq(live: LiveWorkspace, design: vscode.Uri): Promise<string | undefined> {
  const none = { label: 'No PR/FAQ link', description: 'add prfaq: later', path: '' };
  const items = [
    ...live.index.prfaqs().map((doc) => ({ label: doc.title, description: vscode.workspace.asRelativePath(vscode.Uri.parse(doc.uri)), path: documentRelativePath(design.toString(), doc.uri) })),
    none,
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Make this a design doc', placeHolder: 'Which PR/FAQ does it answer?', ignoreFocusOut: true });
  return picked?.path;
}

/**
 * PR/FAQ: Make This a PR/FAQ / Make This a Design Doc — adds the frontmatter (type, the first
 * heading as title, both co-owners, the PR/FAQ a design doc answers) to any markdown file as
 * one undoable edit; nothing else in the file changes.
 */
export async function makeDocument(live: LiveWorkspace, identity: IdentityService, kind: DocKind, arg?: unknown): Promise<boolean> {
  const uri = uriOf(arg);
  if (!uri) return false;
  const args: MakeArgs = typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) ? (arg as MakeArgs) : {};
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  if (document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Only markdown files can be PR/FAQs and design docs.');
    return false;
  }
  const what = kind === 'prfaq' ? 'PR/FAQ' : 'design doc';
  const pm = args.pm ?? (await pickPerson(live, identity, `Make this a ${what}: product manager (co-owner)`));
  if (!pm) return false;
  const engineer = args.engineer ?? (await pickPerson(live, identity, `Make this a ${what}: lead engineer (co-owner)`));
  if (!engineer) return false;
  let prfaq: string | undefined;
  if (kind === 'design') {
    prfaq = args.prfaq === undefined ? await pickPrfaq(live, document.uri) : /^[a-z][a-z0-9+.-]*:/i.test(args.prfaq) ? documentRelativePath(document.uri.toString(), args.prfaq) : args.prfaq;
    if (prfaq === undefined) return false;
  }
  const text = document.getText();
  const version = document.version;
  const stem = fileStem(document.uri.toString());
  const result = adoptEdits(text, { kind, pm, engineer, ...(prfaq ? { prfaq } : {}), fallbackTitle: stem });
  if ('problem' in result) {
    void vscode.window.showWarningMessage(`Make this a ${what}: ${result.problem}`);
    return false;
  }
  if (result.edits.length === 0) {
    void vscode.window.showInformationMessage(`This is a ${what} already.`);
    return true;
  }
  const edits: DocumentEdit[] = result.edits.map((edit) => ({ uri, ...edit }));
  return applyEdits(`Make this a ${what}`, edits, { [uri]: version });
}
