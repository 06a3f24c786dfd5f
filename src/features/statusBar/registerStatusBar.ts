import * as vscode from 'vscode';
import type { CoverageSummary } from '../../core/api';
import type { LiveWorkspace } from '../../host/liveWorkspace';

/** Coverage of the active PR/FAQ (or of the whole workspace); a click opens the Coverage view. */
export function registerStatusBar(live: LiveWorkspace): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('prfaqTrace.coverage', vscode.StatusBarAlignment.Left, 50);
  item.name = 'PR/FAQ coverage';
  item.command = 'prfaqTrace.coverage.focus';

  const update = () => {
    const index = live.index;
    const prfaqCount = index.count('prfaq');
    if (prfaqCount === 0) {
      item.hide();
      return;
    }
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const activeDoc = active ? index.get(active) : undefined;
    let summary: CoverageSummary;
    let scope: string;
    if (activeDoc?.kind === 'prfaq') {
      summary = index.summary(activeDoc);
      scope = activeDoc.title;
    } else {
      summary = index.totals();
      scope = `${prfaqCount} PR/FAQ${prfaqCount === 1 ? '' : 's'}`;
    }
    item.text = `$(${summary.uncovered > 0 ? 'warning' : 'pass'}) ${summary.covered}/${summary.total} covered`;
    item.tooltip = `${scope}: ${summary.covered} covered, ${summary.waived} waived, ${summary.uncovered} uncovered — open the Coverage view`;
    item.show();
  };
  update();
  return vscode.Disposable.from(item, live.onDidChange(update), vscode.window.onDidChangeActiveTextEditor(update));
}
