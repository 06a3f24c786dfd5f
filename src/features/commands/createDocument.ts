import * as vscode from 'vscode';

/** A URI in `folder` named `stem.md`, or `stem-2.md`, … when taken. */
export async function freeUri(folder: vscode.Uri, stem: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, `${stem}${n === 1 ? '' : `-${n}`}.md`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

/** Creates the file through a WorkspaceEdit (undoable, never overwrites) and opens it. */
export async function createAndOpen(uri: vscode.Uri, text: string): Promise<vscode.TextEditor> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: false, overwrite: false, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not create ${uri.fsPath || uri.toString()}`);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}
