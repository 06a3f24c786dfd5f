import * as vscode from 'vscode';
import { coOwnedByMe, sectionOwnedByMe, type Identity } from '../../core/api';
import { openCommand } from '../../host/convert';
import type { IdentityService } from '../../host/identity';
import type { LiveWorkspace } from '../../host/liveWorkspace';

export type AssignmentNode =
  | { readonly kind: 'group'; readonly group: 'sections' | 'uncovered' }
  | { readonly kind: 'section'; readonly uri: string; readonly sectionIndex: number }
  | { readonly kind: 'requirement'; readonly uri: string; readonly id: string };

/** My Assignments: sections assigned to me, and uncovered requirements of the PR/FAQs I co-own. */
export class AssignmentsTreeProvider implements vscode.TreeDataProvider<AssignmentNode> {
  private readonly emitter = new vscode.EventEmitter<AssignmentNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private me: Identity = {};

  constructor(private readonly live: LiveWorkspace, identity: IdentityService) {
    void identity.get().then((me) => {
      this.me = me;
      this.refresh();
    });
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  get identity(): Identity {
    return this.me;
  }

  set identity(me: Identity) {
    this.me = me;
    this.refresh();
  }

  getChildren(node?: AssignmentNode): AssignmentNode[] {
    const index = this.live.index;
    if (!node) {
      if (!this.me.name && !this.me.email && !this.me.handle) return [];
      return [
        { kind: 'group', group: 'sections' },
        { kind: 'group', group: 'uncovered' },
      ];
    }
    if (node.kind !== 'group') return [];
    if (node.group === 'sections') {
      return index.documents().flatMap((doc) =>
        doc.sections.flatMap((_section, sectionIndex): AssignmentNode[] => (sectionOwnedByMe(doc, sectionIndex, this.me) ? [{ kind: 'section', uri: doc.uri, sectionIndex }] : [])),
      );
    }
    return index
      .prfaqs()
      .filter((doc) => coOwnedByMe(doc, this.me))
      .flatMap((doc) => [...new Set(doc.requirements.map((r) => r.id))].filter((id) => index.status(id) === 'uncovered').map((id): AssignmentNode => ({ kind: 'requirement', uri: doc.uri, id })));
  }

  getTreeItem(node: AssignmentNode): vscode.TreeItem {
    const index = this.live.index;
    switch (node.kind) {
      case 'group': {
        const count = this.getChildren(node).length;
        const item = new vscode.TreeItem(node.group === 'sections' ? 'Sections assigned to me' : 'Uncovered requirements of my PR/FAQs', vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${node.group}`;
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon(node.group === 'sections' ? 'person' : 'warning');
        return item;
      }
      case 'section': {
        const doc = index.get(node.uri);
        const section = doc?.sections[node.sectionIndex];
        const item = new vscode.TreeItem(section?.heading ?? '', vscode.TreeItemCollapsibleState.None);
        item.id = `mine-section:${node.uri}:${node.sectionIndex}`;
        item.description = `${doc?.title ?? ''}${doc?.kind === 'prfaq' ? ' (PR/FAQ)' : ''}`;
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.contextValue = 'section';
        if (section) item.command = openCommand(node.uri, section.range);
        return item;
      }
      case 'requirement': {
        const requirement = index.get(node.uri)?.requirements.find((r) => r.id === node.id);
        const item = new vscode.TreeItem(node.id, vscode.TreeItemCollapsibleState.None);
        item.id = `mine-requirement:${node.uri}:${node.id}`;
        item.description = `${requirement?.title ?? ''} — ${index.get(node.uri)?.title ?? ''}`;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.contextValue = 'requirement.uncovered';
        if (requirement) item.command = openCommand(node.uri, requirement.idRange);
        return item;
      }
    }
  }
}
