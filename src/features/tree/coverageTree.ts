import * as vscode from 'vscode';
import { coOwnersLabel, hasMine, isCoOwnerRole, requirementIsMine, roleName, type DocModel, type Identity, type Range, type Requirement, type RequirementStatus } from '../../core/api';
import { openCommand } from '../../host/convert';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { DocumentNodes } from './documentNodes';
import { commentsItem, commentsSummary, threadItem } from './commentNodes';
import { escapeBlock } from '../../core/language';
import { coveringNodes, levelsDescription, levelsTooltip } from './traceNodes';
import { approvalSuffix, approvalTooltip, entryReviewAt, markStaleEntry } from './reviewMarks';

export type CoverageNode =
  | { readonly kind: 'prfaq'; readonly uri: string }
  | { readonly kind: 'owners'; readonly uri: string }
  | { readonly kind: 'role'; readonly uri: string; readonly role: string; readonly people: readonly string[] }
  | { readonly kind: 'requirement'; readonly uri: string; readonly id: string }
  | { readonly kind: 'comments'; readonly uri: string }
  | { readonly kind: 'thread'; readonly uri: string; readonly id: string }
  | {
      readonly kind: 'cover';
      readonly id: string;
      readonly uri: string;
      readonly range: Range;
      readonly label: string;
      readonly owners: readonly string[];
      /** The covering section (the Assign Section command takes it from the tree). */
      readonly sectionIndex: number;
      /** The covering OFT item or named tag: the node expands to what covers it (the next level). */
      readonly by?: string;
      /** The artifact type it covers with, and the kind of document it is in. */
      readonly type?: string;
      readonly docKind?: string;
      /** IDs from the PR/FAQ requirement down to this entry: keeps tree item IDs unique per path. */
      readonly trail?: string;
      readonly parent?: CoverageNode;
    }
  | { readonly kind: 'reference'; readonly id: string; readonly uri: string; readonly range: Range; readonly label: string; readonly how: 'mention' | 'link' };

const statusIcons: Readonly<Record<RequirementStatus, vscode.ThemeIcon>> = {
  covered: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  uncovered: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  waived: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
  suspect: new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground')),
};

/** PR/FAQs → co-owners and requirements → covering sections and references. */
export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageNode> {
  private readonly emitter = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private onlyUncoveredValue = false;
  /** Set to filter the view to my PR/FAQs and requirements in my sections. */
  onlyMine: Identity | undefined;

  private readonly topNodes: DocumentNodes<CoverageNode>;

  constructor(private readonly live: LiveWorkspace) {
    this.topNodes = new DocumentNodes<CoverageNode>(live, 'prfaq', (uri) => ({ kind: 'prfaq', uri }));
  }

  get onlyUncovered(): boolean {
    return this.onlyUncoveredValue;
  }

  set onlyUncovered(value: boolean) {
    this.onlyUncoveredValue = value;
    this.refresh();
  }


  /** Refreshes the given documents' nodes (after an edit), or the whole tree. */
  refresh(uris?: readonly string[]): void {
    this.topNodes.refresh(this.emitter, uris);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private requirementsOf(doc: DocModel): Requirement[] {
    const seen = new Set<string>();
    return doc.requirements.filter((r) => !seen.has(r.id) && seen.add(r.id));
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    const index = this.live.index;
    if (!node) {
      return index
        .prfaqs()
        .filter((doc) => !this.onlyUncoveredValue || index.summary(doc).uncovered > 0)
        .filter((doc) => !this.onlyMine || hasMine(doc, this.onlyMine))
        .map((doc) => this.topNodes.node(doc.uri));
    }
    const doc = index.get(node.uri);
    switch (node.kind) {
      case 'prfaq': {
        if (!doc) return [];
        const mine = this.onlyMine;
        const requirements = this.requirementsOf(doc)
          .filter((r) => !this.onlyUncoveredValue || index.status(r.id) === 'uncovered')
          .filter((r) => !mine || requirementIsMine(doc, r.sectionIndex, mine))
          .map((r): CoverageNode => ({ kind: 'requirement', uri: doc.uri, id: r.id }));
        const comments: CoverageNode[] = doc.threads.length > 0 ? [{ kind: 'comments', uri: doc.uri }] : [];
        return [{ kind: 'owners', uri: doc.uri }, ...comments, ...requirements];
      }
      case 'comments':
        return (doc?.threads ?? []).map((thread): CoverageNode => ({ kind: 'thread', uri: node.uri, id: thread.id }));
      case 'owners':
        return (doc?.owners.roles ?? []).map((role) => ({ kind: 'role', uri: node.uri, role: role.role, people: role.people }));
      case 'cover':
        // The next level: what covers the covering item (a req's dsn, a dsn's impl and utest tags).
        return node.by !== undefined ? coveringNodes(index, node.by, node) : [];
      case 'requirement': {
        const covers = coveringNodes(index, node.id, undefined);
        const references = index.references(node.id).map((r): CoverageNode => {
          const target = index.get(r.uri);
          const section = target?.sections[r.sectionIndex];
          return {
            kind: 'reference',
            id: node.id,
            uri: r.uri,
            range: r.range,
            label: `${target?.title ?? r.uri}${section ? ` › ${section.heading}` : ''}`,
            how: r.kind,
          };
        });
        return [...covers, ...references];
      }
      default:
        return [];
    }
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    const index = this.live.index;
    switch (node.kind) {
      case 'prfaq': {
        const doc = index.get(node.uri);
        const summary = doc ? index.summary(doc) : { total: 0, covered: 0, waived: 0, uncovered: 0, suspect: 0 };
        const item = new vscode.TreeItem(doc?.title ?? node.uri, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `prfaq:${node.uri}`;
        item.description = `${doc ? coOwnersLabel(doc) : ''} — ${summary.covered}/${summary.total} covered${summary.suspect > 0 ? `, ${summary.suspect} suspect` : ''}${doc ? commentsSummary(doc) : ''}${doc ? approvalSuffix(index, doc) : ''}`;
        item.iconPath = summary.uncovered > 0 ? statusIcons.uncovered : new vscode.ThemeIcon('book');
        item.contextValue = 'prfaq';
        item.resourceUri = vscode.Uri.parse(node.uri);
        item.tooltip = new vscode.MarkdownString(
          `**${escapeBlock(doc?.title ?? '')}**\n\n${summary.covered} covered, ${summary.waived} waived, ${summary.uncovered} uncovered${summary.suspect > 0 ? `, ${summary.suspect} suspect` : ''} of ${summary.total}\n\n${escapeBlock(doc ? coOwnersLabel(doc) : '')}${doc ? `\n\n${escapeBlock(approvalTooltip(index, doc))}` : ''}`,
        );
        if (doc) item.command = openCommand(doc.uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
        return item;
      }
      case 'owners': {
        const item = new vscode.TreeItem('Co-owners', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `owners:${node.uri}`;
        item.iconPath = new vscode.ThemeIcon('organization');
        const doc = index.get(node.uri);
        item.description = doc ? coOwnersLabel(doc) : '';
        if (doc) item.command = openCommand(doc.uri, doc.owners.range);
        return item;
      }
      case 'role': {
        const item = new vscode.TreeItem(roleName(node.role), vscode.TreeItemCollapsibleState.None);
        item.id = `role:${node.uri}:${node.role}`;
        item.description = node.people.join(', ');
        item.iconPath = new vscode.ThemeIcon(isCoOwnerRole(node.role) ? 'person' : 'account');
        const doc = index.get(node.uri);
        if (doc) item.command = openCommand(doc.uri, doc.owners.range);
        return item;
      }
      case 'requirement': {
        const doc = index.get(node.uri);
        const requirement = doc?.requirements.find((r) => r.id === node.id);
        const status = index.status(node.id);
        const coverCount = index.coverage(node.id).length;
        const referenceCount = index.references(node.id).length;
        const item = new vscode.TreeItem(
          node.id,
          coverCount + referenceCount > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `requirement:${node.uri}:${node.id}`;
        item.description = `${requirement?.title ?? ''}${status === 'covered' ? '' : ` — ${status}`}${levelsDescription(index, requirement)}`;
        item.iconPath = statusIcons[status];
        item.contextValue = `requirement.${status}`;
        const section = requirement && doc ? doc.sections[requirement.sectionIndex] : undefined;
        const reason = status === 'waived' ? index.waiverReason(node.id) : undefined;
        item.tooltip = new vscode.MarkdownString(
          [
            `**${escapeBlock(node.id)}** ${escapeBlock(requirement?.title ?? '')} — *${status}*${reason ? `: ${escapeBlock(reason)}` : ''}`,
            escapeBlock(requirement?.text ?? ''),
            levelsTooltip(index, requirement),
            `${escapeBlock(doc?.title ?? '')} · ${escapeBlock(doc ? coOwnersLabel(doc) : '')}${section?.owners.length ? ` · section owner ${escapeBlock(section.owners.join(', '))}` : ''}`,
          ]
            .filter(Boolean)
            .join('\n\n'),
        );
        if (requirement) item.command = openCommand(node.uri, requirement.idRange);
        return item;
      }
      case 'comments': {
        const doc = index.get(node.uri);
        return doc ? commentsItem(doc) : new vscode.TreeItem('Comments');
      }
      case 'thread': {
        const thread = index.get(node.uri)?.threads.find((t) => t.id === node.id);
        return thread ? threadItem(node.uri, thread) : new vscode.TreeItem(node.id);
      }
      case 'cover': {
        const expandable = node.by !== undefined && index.coverage(node.by).length > 0;
        const item = new vscode.TreeItem(node.label, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `cover:${node.trail ?? node.id}:${node.uri}:${node.range.start.line}:${node.range.start.character}`;
        const levels = node.by !== undefined ? levelsDescription(index, index.definitions(node.by)[0]?.requirement).replace(/^ — /, '') : '';
        item.description = [node.docKind === 'source' || node.by !== undefined ? node.type ?? '' : '', levels, node.owners.join(', ')].filter(Boolean).join(' · ');
        item.tooltip = `${node.by ?? (node.docKind === 'source' ? `This ${node.type ?? ''} tag` : 'This section')} covers ${node.id}${node.type && node.type !== 'design' ? ` as ${node.type}` : ''}${node.owners.length ? ` — section owner ${node.owners.join(', ')}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(node.docKind === 'source' ? 'file-code' : node.by !== undefined ? 'symbol-key' : 'symbol-file');
        markStaleEntry(item, entryReviewAt(index, index.get(node.uri), node.id, { sectionIndex: node.sectionIndex }));
        // A tag is no section: the Assign Section command (viewItem == cover) does not apply.
        item.contextValue = node.docKind === 'source' ? 'cover.source' : 'cover';
        item.command = openCommand(node.uri, node.range);
        return item;
      }
      case 'reference': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = `reference:${node.id}:${node.uri}:${node.range.start.line}:${node.range.start.character}:${node.how}`;
        item.description = node.how === 'link' ? 'links here' : 'mentions';
        item.tooltip = `${node.how === 'link' ? 'Links to' : 'Mentions'} ${node.id} (a reference, not coverage)`;
        item.iconPath = new vscode.ThemeIcon(node.how === 'link' ? 'link' : 'references');
        item.contextValue = 'reference';
        item.command = openCommand(node.uri, node.range);
        return item;
      }
    }
  }

  getParent(node: CoverageNode): CoverageNode | undefined {
    switch (node.kind) {
      case 'prfaq':
        return undefined;
      case 'owners':
      case 'requirement':
      case 'comments':
        return { kind: 'prfaq', uri: node.uri };
      case 'thread':
        return { kind: 'comments', uri: node.uri };
      case 'role':
        return { kind: 'owners', uri: node.uri };
      case 'cover':
      case 'reference': {
        // A deeper level's parent is the entry above it; a first level's, the requirement it covers.
        if (node.kind === 'cover' && node.parent) return node.parent;
        const [definition] = this.live.index.definitions(node.id);
        return definition ? { kind: 'requirement', uri: definition.doc.uri, id: node.id } : undefined;
      }
    }
  }
}
