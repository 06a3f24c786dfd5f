import * as vscode from 'vscode';
import { coOwnersLabel, hasMine, type Identity, type Range } from '../../core/api';
import { openCommand } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { DocumentNodes } from './documentNodes';
import { commentsItem, commentsSummary, threadItem } from './commentNodes';
import { escapeBlock } from '../../core/language';
import { approvalSuffix, approvalTooltip, entryReviewAt, markStaleEntry } from './reviewMarks';
import { levelsDescription, levelsTooltip } from './traceNodes';

export type DesignNode =
  | { readonly kind: 'design'; readonly uri: string }
  | { readonly kind: 'section'; readonly uri: string; readonly sectionIndex: number }
  | { readonly kind: 'comments'; readonly uri: string }
  | { readonly kind: 'thread'; readonly uri: string; readonly id: string }
  | { readonly kind: 'covered'; readonly uri: string; readonly id: string; readonly range: Range }
  /** An OpenFastTrace item the design doc defines (`dsn~…`), with its levels; expands to what covers it. */
  | { readonly kind: 'item'; readonly uri: string; readonly id: string; readonly range: Range }
  /** What covers an item: a section or item of another document, or a source tag. */
  | { readonly kind: 'coveredBy'; readonly uri: string; readonly item: string; readonly itemUri: string; readonly range: Range; readonly label: string; readonly type: string; readonly source: boolean };

const itemIcons = {
  covered: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  uncovered: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  waived: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
  suspect: new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground')),
} as const;

/** Design docs → their sections (nested as in the document) → the items they define (→ what covers those) and the requirements each covers. */
export class DesignTreeProvider implements vscode.TreeDataProvider<DesignNode> {
  private readonly emitter = new vscode.EventEmitter<DesignNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** Set to show only design docs I co-own or hold sections of. */
  onlyMine: Identity | undefined;

  private readonly topNodes: DocumentNodes<DesignNode>;

  constructor(private readonly live: LiveWorkspace) {
    this.topNodes = new DocumentNodes<DesignNode>(live, 'design', (uri) => ({ kind: 'design', uri }));
  }


  /** Refreshes the given documents' nodes (after an edit), or the whole tree. */
  refresh(uris?: readonly string[]): void {
    this.topNodes.refresh(this.emitter, uris);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  getChildren(node?: DesignNode): DesignNode[] {
    const index = this.live.index;
    if (!node) {
      const mine = this.onlyMine;
      return index
        .designs()
        .filter((doc) => !mine || hasMine(doc, mine))
        .map((doc) => this.topNodes.node(doc.uri));
    }
    const doc = index.get(node.uri);
    if (!doc) return [];
    if (node.kind === 'covered' || node.kind === 'thread' || node.kind === 'coveredBy') return [];
    if (node.kind === 'item') {
      return index.coverage(node.id).map((c): DesignNode => {
        const source = c.doc.kind === 'source';
        const where = source ? `${c.doc.title}:${c.cover.range.start.line + 1}` : `${c.doc.title} › ${c.section?.heading ?? '(document)'}`;
        return {
          kind: 'coveredBy',
          uri: c.doc.uri,
          item: node.id,
          itemUri: node.uri,
          range: source ? c.cover.range : (c.section?.range ?? c.cover.range),
          label: c.cover.by !== undefined && !source ? `${c.cover.by} (${where})` : where,
          type: c.cover.type,
          source,
        };
      });
    }
    if (node.kind === 'comments') return doc.threads.map((thread): DesignNode => ({ kind: 'thread', uri: doc.uri, id: thread.id }));
    const parent = node.kind === 'design' ? -1 : node.sectionIndex;
    const sections = doc.sections
      .map((section, i) => ({ section, i }))
      .filter(({ section }) => section.parent === parent)
      .map(({ i }): DesignNode => ({ kind: 'section', uri: doc.uri, sectionIndex: i }));
    const covered = doc.covers
      .filter((cover) => cover.sectionIndex === parent)
      .map((cover): DesignNode => ({ kind: 'covered', uri: doc.uri, id: cover.id, range: cover.range }));
    const items = doc.requirements
      .filter((requirement) => requirement.sectionIndex === parent)
      .map((requirement): DesignNode => ({ kind: 'item', uri: doc.uri, id: requirement.id, range: requirement.idRange }));
    const comments: DesignNode[] = node.kind === 'design' && doc.threads.length > 0 ? [{ kind: 'comments', uri: doc.uri }] : [];
    return [...comments, ...items, ...covered, ...sections];
  }

  getTreeItem(node: DesignNode): vscode.TreeItem {
    const index = this.live.index;
    const doc = index.get(node.uri);
    switch (node.kind) {
      case 'design': {
        const answers = (doc?.prfaqLinks ?? []).map((link) => index.get(link.target)?.title ?? link.path);
        const item = new vscode.TreeItem(doc?.title ?? node.uri, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `design:${node.uri}`;
        item.description = `${doc ? coOwnersLabel(doc) : ''}${answers.length ? ` — answers ${answers.join(', ')}` : ''}${doc ? commentsSummary(doc) : ''}${doc ? approvalSuffix(index, doc) : ''}`;
        item.iconPath = new vscode.ThemeIcon('file-text');
        item.resourceUri = vscode.Uri.parse(node.uri);
        item.contextValue = 'design';
        item.tooltip = new vscode.MarkdownString(`**${escapeBlock(doc?.title ?? '')}**\n\n${escapeBlock(doc ? coOwnersLabel(doc) : '')}\n\nAnswers: ${escapeBlock(answers.join(', ') || 'no PR/FAQ linked')}${doc ? `\n\n${escapeBlock(approvalTooltip(index, doc))}` : ''}`);
        item.command = openCommand(node.uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
        return item;
      }
      case 'comments':
        return doc ? commentsItem(doc) : new vscode.TreeItem('Comments');
      case 'thread': {
        const thread = doc?.threads.find((t) => t.id === node.id);
        return thread ? threadItem(node.uri, thread) : new vscode.TreeItem(node.id);
      }
      case 'section': {
        const section = doc?.sections[node.sectionIndex];
        const hasChildren =
          !!doc && (doc.sections.some((s) => s.parent === node.sectionIndex) || doc.covers.some((c) => c.sectionIndex === node.sectionIndex) || doc.requirements.some((r) => r.sectionIndex === node.sectionIndex));
        const item = new vscode.TreeItem(section?.heading ?? '', hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
        item.id = `section:${node.uri}:${node.sectionIndex}:${section?.slug ?? ''}`;
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
          item.tooltip = new vscode.MarkdownString(`**${escapeBlock(node.id)}** ${escapeBlock(definition.requirement.title)}\n\n${escapeBlock(definition.requirement.text)}`);
          item.contextValue = 'covered';
          markStaleEntry(item, entryReviewAt(index, doc, node.id, { range: node.range }));
        } else {
          item.description = 'unknown requirement';
          item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
          item.tooltip = `${node.id} is not defined in any PR/FAQ or design doc`;
          item.contextValue = 'covered.unknown';
        }
        item.command = openCommand(node.uri, node.range);
        return item;
      }
      case 'item': {
        const requirement = doc?.requirements.find((r) => r.id === node.id && r.idRange.start.line === node.range.start.line);
        const status = index.status(node.id);
        const item = new vscode.TreeItem(node.id, index.coverage(node.id).length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `item:${node.uri}:${node.range.start.line}:${node.id}`;
        item.description = `${requirement?.title ?? ''}${status === 'covered' ? '' : ` — ${status}`}${levelsDescription(index, requirement)}`;
        item.iconPath = itemIcons[status];
        item.contextValue = `item.${status}`;
        item.tooltip = new vscode.MarkdownString(
          [`**${escapeBlock(node.id)}** ${escapeBlock(requirement?.title ?? '')} — *${status}*`, escapeBlock(requirement?.text ?? ''), levelsTooltip(index, requirement)].filter(Boolean).join('\n\n'),
        );
        item.command = openCommand(node.uri, node.range);
        return item;
      }
      case 'coveredBy': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = `coveredBy:${node.item}:${node.uri}:${node.range.start.line}:${node.range.start.character}`;
        item.description = node.type;
        item.tooltip = `Covers ${node.item} as ${node.type}`;
        item.iconPath = new vscode.ThemeIcon(node.source ? 'file-code' : 'symbol-key');
        item.contextValue = node.source ? 'coveredBy.source' : 'coveredBy';
        item.command = openCommand(node.uri, node.range);
        return item;
      }
    }
  }

  getParent(node: DesignNode): DesignNode | undefined {
    if (node.kind === 'design') return undefined;
    if (node.kind === 'comments') return { kind: 'design', uri: node.uri };
    if (node.kind === 'thread') return { kind: 'comments', uri: node.uri };
    if (node.kind === 'coveredBy') {
      const requirement = this.live.index.get(node.itemUri)?.requirements.find((r) => r.id === node.item);
      return requirement ? { kind: 'item', uri: node.itemUri, id: node.item, range: requirement.idRange } : { kind: 'design', uri: node.itemUri };
    }
    const doc = this.live.index.get(node.uri);
    if (node.kind === 'item') {
      const section = doc?.requirements.find((r) => r.id === node.id)?.sectionIndex ?? -1;
      return section >= 0 ? { kind: 'section', uri: node.uri, sectionIndex: section } : { kind: 'design', uri: node.uri };
    }
    const parent = node.kind === 'section' ? doc?.sections[node.sectionIndex]?.parent ?? -1 : (doc?.covers.find((c) => c.range.start.line === node.range.start.line && c.id === node.id)?.sectionIndex ?? -1);
    return parent >= 0 ? { kind: 'section', uri: node.uri, sectionIndex: parent } : { kind: 'design', uri: node.uri };
  }
}
