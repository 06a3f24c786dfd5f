import * as vscode from 'vscode';
import { toDiagnostic, toUri } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';

/** Every finding of every analysed document in the Problems panel, open or not. */
export function registerDiagnostics(live: LiveWorkspace): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('prfaq-trace');
  const update = (uris: readonly string[]) => {
    for (const uri of uris) {
      const findings = live.index.get(uri) ? live.index.findings(uri) : [];
      collection.set(toUri(uri), findings.map(toDiagnostic));
    }
  };
  const subscription = live.onDidChange((change) => update(change.uris));
  update(live.index.documents().map((doc) => doc.uri));
  return vscode.Disposable.from(collection, subscription);
}
