import * as vscode from 'vscode';
import type { CommentThread, DocModel } from '../../core/api';
import { escapeBlock } from '../../core/language';
import { openCommand } from '../../host/convert';

export function openThreads(doc: DocModel): number {
  return doc.threads.filter((thread) => thread.status === 'open').length;
}

export function commentsSummary(doc: DocModel): string {
  const open = openThreads(doc);
  return open > 0 ? ` · ${open} open comment${open === 1 ? '' : 's'}` : '';
}

/** The "Comments" node of a document. */
export function commentsItem(doc: DocModel): vscode.TreeItem {
  const open = openThreads(doc);
  const item = new vscode.TreeItem('Comments', vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `comments:${doc.uri}`;
  item.description = `${open} open, ${doc.threads.length - open} resolved`;
  item.iconPath = new vscode.ThemeIcon('comment-discussion');
  item.contextValue = 'comments';
  return item;
}

/** One thread: its first words, author and replies; a click opens the document at the block it is about. */
export function threadItem(uri: string, thread: CommentThread): vscode.TreeItem {
  const first = thread.comments[0];
  const text = (first?.body ?? '').replace(/\s+/g, ' ').trim();
  const item = new vscode.TreeItem(text.length > 60 ? `${text.slice(0, 59)}…` : text || '(empty comment)', vscode.TreeItemCollapsibleState.None);
  item.id = `thread:${uri}:${thread.id}`;
  const replies = thread.comments.length - 1;
  item.description = `${first?.author ?? ''}${replies > 0 ? ` · ${replies} repl${replies === 1 ? 'y' : 'ies'}` : ''}${thread.status === 'resolved' ? ' · resolved' : ''}`;
  item.iconPath = new vscode.ThemeIcon(thread.status === 'open' ? 'comment-unresolved' : 'comment');
  item.tooltip = new vscode.MarkdownString(thread.comments.map((c) => `**${escapeBlock(c.author)}** ${escapeBlock(c.time)}\n\n${escapeBlock(c.body)}`).join('\n\n---\n\n'));
  item.contextValue = `thread.${thread.status}`;
  item.command = openCommand(uri, thread.anchor);
  return item;
}

