import * as vscode from 'vscode';
import { approvalLabel, approvalStatus } from '../../core/api';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { approvalIcons } from './lenses';

/** The active PR/FAQ's or design doc's sign-off state, beside the coverage item. */
export function registerApprovalStatusBar(live: LiveWorkspace): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('prfaqTrace.approval', vscode.StatusBarAlignment.Left, 49);
  item.name = 'PR/FAQ approval';
  const update = () => {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const doc = active ? live.index.get(active) : undefined;
    if (!doc) {
      item.hide();
      return;
    }
    const status = approvalStatus(live.index, doc);
    item.text = `$(${approvalIcons[status.state]}) ${status.state.replace('-', ' ')}`;
    item.tooltip = `${doc.title}: ${approvalLabel(status)}`;
    item.show();
  };
  update();
  return vscode.Disposable.from(item, live.onDidChange(update), vscode.window.onDidChangeActiveTextEditor(update));
}
