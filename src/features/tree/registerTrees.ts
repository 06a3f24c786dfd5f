import * as vscode from 'vscode';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { CoverageTreeProvider } from './coverageTree';
import { DesignTreeProvider } from './designTree';

export interface Trees {
  readonly coverage: CoverageTreeProvider;
  readonly designs: DesignTreeProvider;
  readonly coverageView: vscode.TreeView<unknown>;
}

/** The two views of the PR/FAQ container, the uncovered badge, the filter and the welcome state. */
export function registerTrees(live: LiveWorkspace): { trees: Trees; disposable: vscode.Disposable } {
  const coverage = new CoverageTreeProvider(live);
  const designs = new DesignTreeProvider(live);
  const coverageView = vscode.window.createTreeView('prfaqTrace.coverage', { treeDataProvider: coverage, showCollapseAll: true });
  const designView = vscode.window.createTreeView('prfaqTrace.designs', { treeDataProvider: designs, showCollapseAll: true });

  const update = () => {
    const index = live.index;
    const prfaqs = index.prfaqs();
    const uncovered = prfaqs.reduce((sum, doc) => sum + index.summary(doc).uncovered, 0);
    coverageView.badge = uncovered > 0 ? { value: uncovered, tooltip: `${uncovered} uncovered requirement${uncovered === 1 ? '' : 's'}` } : undefined;
    coverageView.message =
      live.state === 'scanning'
        ? 'Indexing…'
        : [live.restriction, coverage.onlyUncovered ? 'Showing only uncovered requirements.' : undefined].filter(Boolean).join(' ') || undefined;
    void vscode.commands.executeCommand('setContext', 'prfaqTrace.hasPrfaqs', prfaqs.length > 0);
    void vscode.commands.executeCommand('setContext', 'prfaqTrace.ready', live.state === 'ready');
    coverage.refresh();
    designs.refresh();
  };
  const setFilter = (value: boolean) => {
    coverage.onlyUncovered = value;
    void vscode.commands.executeCommand('setContext', 'prfaqTrace.onlyUncovered', value);
    update();
  };
  void vscode.commands.executeCommand('setContext', 'prfaqTrace.onlyUncovered', false);
  update();

  const disposable = vscode.Disposable.from(
    coverage,
    designs,
    coverageView,
    designView,
    live.onDidChange(update),
    live.onDidChangeState(update),
    vscode.commands.registerCommand('prfaqTrace.showOnlyUncovered', () => setFilter(true)),
    vscode.commands.registerCommand('prfaqTrace.showAllRequirements', () => setFilter(false)),
  );
  return { trees: { coverage, designs, coverageView: coverageView as vscode.TreeView<unknown> }, disposable };
}
