import * as vscode from 'vscode';
import { buildReport, renderMarkdown } from '../../core/api';
import type { LiveWorkspace } from '../../host/liveWorkspace';

const SCHEME = 'prfaq-trace-report';
export const REPORT_URI = vscode.Uri.from({ scheme: SCHEME, path: '/Coverage Report.md' });

/** The CLI's markdown report as a read-only virtual document, kept current, shown in the markdown preview. */
export function registerCoverageReport(live: LiveWorkspace): vscode.Disposable {
  const emitter = new vscode.EventEmitter<vscode.Uri>();
  const render = () => {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? 'file:///';
    return renderMarkdown(buildReport(live.index, base));
  };
  const provider: vscode.TextDocumentContentProvider = { onDidChange: emitter.event, provideTextDocumentContent: render };
  return vscode.Disposable.from(
    emitter,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    live.onDidChange(() => emitter.fire(REPORT_URI)),
    vscode.commands.registerCommand('prfaqTrace.showReport', async () => {
      // The report covers the whole workspace: it waits for the scan, not for edits being typed.
      await live.ready;
      const document = await vscode.workspace.openTextDocument(REPORT_URI);
      await vscode.commands.executeCommand('markdown.showPreview', REPORT_URI);
      return document.getText();
    }),
  );
}
