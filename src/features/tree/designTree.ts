import * as vscode from 'vscode';
import type { Range } from '../../core/api';
import { openCommand } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { coOwnersText, escape } from './labels';

export type DesignNode =
  | { readonly kind: 'design'; readonly uri: string }
  | { readonly kind: 'section'; readonly uri: string; readonly index: number }
  | { readonly kind: 'covered'; readonly uri: string; readonly id: string; readonly range: Range };

/** Design docs → their sections (nested as in the document) → the requirements each covers. */
export class DesignTreeProvider implements vscode.TreeDataProvider<DesignNode> {
  private readonly emitter = new vscode.EventEmitter<DesignNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly live: LiveWorkspace) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  getChildren(node?: DesignNode): DesignNode[] {
    const index = this.live.index;
    if (!node) return index.designs().map((doc) => ({ kind: 'design', uri: doc.uri }));
    const doc = index.get(node.uri);
    if (!doc) return [];
    if (node.kind === 'covered') return [];
    const parent = node.kind === 'design' ? -1 : node.index;
    const sections = doc.sections
      .map((section, i) => ({ section, i }))
      .filter(({ section }) => section.parent === parent)
      .map(({ i }): DesignNode => ({ kind: 'section', uri: doc.uri, index: i }));
    const covered = doc.covers
      .filter((cover) => cover.sectionIndex === parent)
      .map((cover): DesignNode => ({ kind: 'covered', uri: doc.uri, id: cover.id, range: cover.range }));
    return [...covered, ...sections];
  }

  getTreeItem(node: DesignNode): vscode.TreeItem {
    const index = this.live.index;
    const doc = index.get(node.uri);
    switch (node.kind) {
      case 'design': {
        const answers = (doc?.prfaqLinks ?? []).map((link) => index.get(link.target)?.title ?? link.path);
        const item = new vscode.TreeItem(doc?.title ?? node.uri, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `design:${node.uri}`;
        item.description = `${doc ? coOwnersText(doc) : ''}${answers.length ? ` — answers ${answers.join(', ')}` : ''}`;
        item.iconPath = new vscode.ThemeIcon('file-text');
        item.resourceUri = vscode.Uri.parse(node.uri);
        item.contextValue = 'design';
        item.tooltip = new vscode.MarkdownString(`**${escape(doc?.title ?? '')}**\n\n${escape(doc ? coOwnersText(doc) : '')}\n\nAnswers: ${escape(answers.join(', ') || 'no PR/FAQ linked')}`);
        item.command = openCommand(node.uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
        return item;
      }
      case 'section': {
        const section = doc?.sections[node.index];
        const hasChildren = !!doc && (doc.sections.some((s) => s.parent === node.index) || doc.covers.some((c) => c.sectionIndex === node.index));
        const item = new vscode.TreeItem(section?.heading ?? '', hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
        item.id = `section:${node.uri}:${node.index}:${section?.slug ?? ''}`;
        item.description = section?.owners.length ? section.owners.join(', ') : '';
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.contextValue = 'section';
        item.tooltip = section?.owners.length ? `Section owner: ${section.owners.join(', ')}` : 'No section owner';
        if (section) item.command = openCommand(node.uri, section.range);
        return item;
      }
      case 'covered': {
        const [definition] = index.definitions(node.id);
        const item = new vscode.TreeItem(node.id, vscode.TreeItemCollapsibleState.None);
        item.id = `covered:${node.uri}:${node.range.start.line}:${node.range.start.character}`;
        if (definition) {
          item.description = definition.requirement.title;
          item.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
          item.tooltip = new vscode.MarkdownString(`**${escape(node.id)}** ${escape(definition.requirement.title)}\n\n${escape(definition.requirement.text)}`);
          item.contextValue = 'covered';
        } else {
          item.description = 'unknown requirement';
          item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
          item.tooltip = `${node.id} is not defined in any PR/FAQ`;
          item.contextValue = 'covered.unknown';
        }
        item.command = openCommand(node.uri, node.range);
        return item;
      }
    }
  }

  getParent(node: DesignNode): DesignNode | undefined {
    if (node.kind === 'design') return undefined;
    const doc = this.live.index.get(node.uri);
    const parent = node.kind === 'section' ? doc?.sections[node.index]?.parent ?? -1 : (doc?.covers.find((c) => c.range.start.line === node.range.start.line && c.id === node.id)?.sectionIndex ?? -1);
    return parent >= 0 ? { kind: 'section', uri: node.uri, index: parent } : { kind: 'design', uri: node.uri };
  }
}
