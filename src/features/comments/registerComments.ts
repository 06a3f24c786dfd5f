import * as vscode from 'vscode';
import { authorOf, commentableLines, FindingCode, isMe, threadAuthor, threadBlockRanges, type CommentThread, type DocModel, type Identity } from '../../core/api';
import { toRange, toUri } from '../../host/convert';
import type { IdentityService } from '../../host/identity';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import { ThreadWriter } from './threadWriter';

/** A comment as VS Code shows it; `index` is its position in the stored thread. */
class StoredComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  body: vscode.MarkdownString | string;
  readonly savedBody: string;

  constructor(
    readonly thread: vscode.CommentThread,
    readonly index: number,
    readonly author: vscode.CommentAuthorInformation,
    readonly timestamp: Date,
    text: string,
    readonly contextValue: 'mine' | 'theirs',
  ) {
    this.savedBody = text;
    this.body = markdown(text);
  }
}

function markdown(text: string): vscode.MarkdownString {
  const body = new vscode.MarkdownString(text);
  body.isTrusted = false;
  body.supportHtml = false;
  return body;
}

interface ThreadKey {
  readonly uri: string;
  readonly id: string;
}

function bodyText(body: string | vscode.MarkdownString): string {
  return typeof body === 'string' ? body : body.value;
}

/**
 * Inline comment threads through VS Code's Comments API, stored in the markdown itself: every
 * thread in every analysed document is shown (and kept in sync with the file, a `git pull`
 * included); start, reply, edit, delete, resolve and reopen write the file through WorkspaceEdits.
 */
export interface CommentThreads {
  /** The threads the controller shows for a document (what the gutter and the Comments panel display). */
  threads(uri: string): vscode.CommentThread[];
}

export function registerComments(live: LiveWorkspace, identity: IdentityService): { comments: CommentThreads; disposable: vscode.Disposable } {
  const controller = vscode.comments.createCommentController('prfaq-trace', 'PR/FAQ comments');
  controller.options = { prompt: 'Comment on this block (stored in the file)', placeHolder: 'Write a comment (markdown)…' };
  controller.commentingRangeProvider = {
    // Asked when an editor opens (possibly before the first scan finished: wait for the model) and as it changes.
    async provideCommentingRanges(document) {
      const doc = await live.modelFor(document);
      if (!doc) return [];
      return commentableLines(document.lineCount, threadBlocksOf(doc, document)).map(([first, last]) => new vscode.Range(first, 0, last, 0));
    },
  };
  const writer = new ThreadWriter(live);
  const shown = new Map<string, { thread: vscode.CommentThread; signature: string }>();
  const keys = new WeakMap<vscode.CommentThread, ThreadKey>();
  let me: Identity = {};

  // A thread ID used twice in a file (reported as duplicate-comment-thread) still shows both threads.
  const keyOf = (uri: string, id: string, occurrence: number) => (occurrence === 0 ? `${uri}#${id}` : `${uri}#${id}#${occurrence + 1}`);
  const keysOf = (uri: string, threads: readonly CommentThread[]) => {
    const seen = new Map<string, number>();
    return threads.map((thread) => {
      const occurrence = seen.get(thread.id) ?? 0;
      seen.set(thread.id, occurrence + 1);
      return keyOf(uri, thread.id, occurrence);
    });
  };

  const show = (uri: string, model: CommentThread, key: string) => {
    const signature = JSON.stringify([model.status, model.anchor, model.comments]);
    const existing = shown.get(key);
    if (existing?.signature === signature) return;
    const thread = existing?.thread ?? controller.createCommentThread(toUri(uri), toRange(model.anchor), []);
    keys.set(thread, { uri, id: model.id });
    thread.range = toRange(model.anchor);
    thread.label = model.status === 'resolved' ? 'Resolved' : `${model.comments.length} comment${model.comments.length === 1 ? '' : 's'}`;
    thread.state = model.status === 'resolved' ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
    thread.contextValue = model.status === 'resolved' ? 'prfaqThread.resolved' : 'prfaqThread.open';
    thread.canReply = true;
    thread.comments = model.comments.map(
      (c, i) => new StoredComment(thread, i, { name: c.author }, new Date(c.time), c.body, isMe(me, c.author) ? 'mine' : 'theirs'),
    );
    if (!existing) thread.collapsibleState = model.status === 'open' ? vscode.CommentThreadCollapsibleState.Expanded : vscode.CommentThreadCollapsibleState.Collapsed;
    shown.set(key, { thread, signature });
  };

  const sync = (uris: readonly string[]) => {
    for (const uri of uris) {
      const threads = live.index.get(uri)?.threads ?? [];
      const current = keysOf(uri, threads);
      const kept = new Set(current);
      for (const [key, entry] of shown) {
        if (key.startsWith(`${uri}#`) && !kept.has(key)) {
          entry.thread.dispose();
          shown.delete(key);
        }
      }
      threads.forEach((thread, i) => show(uri, thread, current[i] as string));
    }
  };

  void identity.get().then((identityValue) => {
    me = identityValue;
    for (const entry of shown.values()) entry.signature = '';
    sync(live.index.documents().map((d) => d.uri));
  });
  sync(live.index.documents().map((d) => d.uri));

  const now = () => new Date().toISOString();
  const author = async () => {
    const identityValue = await identity.require();
    const name = identityValue ? authorOf(identityValue) : undefined;
    // A line break (U+2028 too) or control character in a git user.name would not read back: spaces instead.
    return name === undefined ? undefined : threadAuthor(name);
  };
  const threadKeyOf = (thread: vscode.CommentThread) => keys.get(thread);

  const commands: Array<[string, (...args: never[]) => unknown]> = [
    [
      'prfaqTrace.comment.create',
      async (reply: vscode.CommentReply) => {
        const name = await author();
        if (!name || !reply.text.trim()) return false;
        const line = reply.thread.range?.start.line ?? 0;
        const ok = await writer.create(reply.thread.uri, line, { author: name, time: now(), body: reply.text });
        // The thread VS Code drew for the draft goes; the stored one appears once the file is re-read.
        if (ok) reply.thread.dispose();
        return ok;
      },
    ],
    [
      'prfaqTrace.comment.reply',
      async (reply: vscode.CommentReply) => {
        const key = threadKeyOf(reply.thread);
        const name = await author();
        if (!key || !name || !reply.text.trim()) return false;
        const ok = await writer.update(toUri(key.uri), key.id, 'Reply', (t) => ({ ...t, comments: [...t.comments, { author: name, time: now(), body: reply.text }] }));
        return ok;
      },
    ],
    ['prfaqTrace.comment.resolve', (thread: vscode.CommentThread) => setStatus(thread, 'resolved')],
    ['prfaqTrace.comment.reopen', (thread: vscode.CommentThread) => setStatus(thread, 'open')],
    [
      'prfaqTrace.comment.deleteThread',
      async (thread: vscode.CommentThread) => {
        const key = threadKeyOf(thread);
        if (!key) return false;
        const ok = await writer.update(toUri(key.uri), key.id, 'Delete thread', () => undefined);
        return ok;
      },
    ],
    [
      'prfaqTrace.comment.delete',
      async (comment: StoredComment) => {
        const key = threadKeyOf(comment.thread);
        if (!key) return false;
        const ok = await writer.update(toUri(key.uri), key.id, 'Delete comment', (t) =>
          t.comments.length <= 1 ? undefined : { ...t, comments: t.comments.filter((_c, i) => i !== comment.index) },
        );
        return ok;
      },
    ],
    [
      'prfaqTrace.comment.edit',
      (comment: StoredComment) => {
        comment.mode = vscode.CommentMode.Editing;
        comment.body = comment.savedBody;
        comment.thread.comments = [...comment.thread.comments];
      },
    ],
    [
      'prfaqTrace.comment.cancelEdit',
      (comment: StoredComment) => {
        comment.mode = vscode.CommentMode.Preview;
        comment.body = markdown(comment.savedBody);
        comment.thread.comments = [...comment.thread.comments];
      },
    ],
    [
      'prfaqTrace.comment.saveEdit',
      async (comment: StoredComment) => {
        const key = threadKeyOf(comment.thread);
        if (!key) return false;
        const text = bodyText(comment.body);
        const ok = await writer.update(toUri(key.uri), key.id, 'Edit comment', (t) => ({
          ...t,
          comments: t.comments.map((c, i) => (i === comment.index ? { ...c, body: text } : c)),
        }));
        comment.mode = vscode.CommentMode.Preview;
        return ok;
      },
    ],
  ];

  async function setStatus(thread: vscode.CommentThread, status: 'open' | 'resolved'): Promise<boolean> {
    const key = threadKeyOf(thread);
    if (!key) return false;
    const ok = await writer.update(toUri(key.uri), key.id, status === 'resolved' ? 'Resolve thread' : 'Reopen thread', (t) => ({ ...t, status }));
    return ok;
  }

  /** The thread blocks of a document: its threads, and the malformed blocks (read from the text only when there are some). */
  function threadBlocksOf(doc: DocModel, document: vscode.TextDocument) {
    const malformed = doc.findings.some((f) => f.code === FindingCode.malformedCommentThread);
    return malformed ? threadBlockRanges(document.getText()) : doc.threads.map((thread) => thread.range);
  }

  const comments: CommentThreads = {
    threads: (uri) => [...shown.entries()].filter(([key]) => key.startsWith(`${uri}#`)).map(([, entry]) => entry.thread),
  };
  const disposable = vscode.Disposable.from(
    controller,
    live.onDidChange((change) => sync(change.uris)),
    ...commands.map(([id, handler]) => vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown)),
    {
      dispose: () => {
        for (const entry of shown.values()) entry.thread.dispose();
        shown.clear();
      },
    },
  );
  return { comments, disposable };
}
