import * as vscode from 'vscode';
import type { IndexChange } from '../../core/api';
import type { IdentityService } from '../../host/identity';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { onDidChangeViewSettings } from '../../host/settings';
import { AssignmentsTreeProvider } from './assignmentsTree';
import { CoverageTreeProvider } from './coverageTree';
import { DesignTreeProvider } from './designTree';

export interface Trees {
  readonly coverage: CoverageTreeProvider;
  readonly designs: DesignTreeProvider;
  readonly assignments: AssignmentsTreeProvider;
  readonly coverageView: vscode.TreeView<unknown>;
}

/** The two views of the PR/FAQ container, the uncovered badge, the filter and the welcome state. */
export function registerTrees(live: LiveWorkspace, identity: IdentityService): { trees: Trees; disposable: vscode.Disposable } {
  const coverage = new CoverageTreeProvider(live);
  const designs = new DesignTreeProvider(live);
  const assignments = new AssignmentsTreeProvider(live, identity);
  const assignmentsView = vscode.window.createTreeView('prfaqTrace.assignments', { treeDataProvider: assignments });
  const coverageView = vscode.window.createTreeView('prfaqTrace.coverage', { treeDataProvider: coverage, showCollapseAll: true });
  const designView = vscode.window.createTreeView('prfaqTrace.designs', { treeDataProvider: designs, showCollapseAll: true });

  let counts = '';
  /** After an edit, refreshes only the documents it touched; when documents come or go, the whole trees. */
  const update = (change?: IndexChange) => {
    const index = live.index;
    // Constant-time totals: this runs after every edit.
    const uncovered = index.totals().uncovered;
    coverageView.badge = uncovered > 0 ? { value: uncovered, tooltip: `${uncovered} uncovered requirement${uncovered === 1 ? '' : 's'}` } : undefined;
    coverageView.message =
      live.state === 'scanning'
        ? 'Indexing…'
        : [live.restriction, coverage.onlyUncovered ? 'Showing only uncovered requirements.' : undefined].filter(Boolean).join(' ') || undefined;
    void vscode.commands.executeCommand('setContext', 'prfaqTrace.hasPrfaqs', index.count('prfaq') > 0);
    void vscode.commands.executeCommand('setContext', 'prfaqTrace.ready', live.state === 'ready');
    const now = `${index.count('prfaq')}/${index.count('design')}`;
    const partial = change && now === counts && !coverage.onlyUncovered && !coverage.onlyMine && !designs.onlyMine;
    counts = now;
    coverage.refresh(partial ? change.uris : undefined);
    designs.refresh(partial ? change.uris : undefined);
    assignments.refresh();
  };
  const setFilter = (value: boolean) => {
    coverage.onlyUncovered = value;
    void vscode.commands.executeCommand('setContext', 'prfaqTrace.onlyUncovered', value);
    update();
  };
  const setMine = async (value: boolean) => {
    const me = value ? await identity.require() : undefined;
    coverage.onlyMine = me;
    designs.onlyMine = me;
    void vscode.commands.executeCommand('setContext', 'prfaqTrace.onlyMine', !!me);
    update();
  };
  void vscode.commands.executeCommand('setContext', 'prfaqTrace.onlyUncovered', false);
  void vscode.commands.executeCommand('setContext', 'prfaqTrace.onlyMine', false);
  update();

  const disposable = vscode.Disposable.from(
    coverage,
    designs,
    assignments,
    coverageView,
    designView,
    assignmentsView,
    onDidChangeViewSettings(async (settings) => {
      if (!settings.includes('me')) return;
      assignments.identity = await identity.get();
      if (coverage.onlyMine) await setMine(true);
    }),
    vscode.commands.registerCommand('prfaqTrace.showOnlyMine', () => setMine(true)),
    vscode.commands.registerCommand('prfaqTrace.showEveryone', () => setMine(false)),
    live.onDidChange((change) => update(change)),
    live.onDidChangeState(() => update()),
    vscode.commands.registerCommand('prfaqTrace.showOnlyUncovered', () => setFilter(true)),
    vscode.commands.registerCommand('prfaqTrace.showAllRequirements', () => setFilter(false)),
  );
  return { trees: { coverage, designs, assignments, coverageView: coverageView as vscode.TreeView<unknown> }, disposable };
}
