import * as vscode from 'vscode';
import type { FileHistory } from './core/api';
import { registerAdopt } from './features/adopt/registerAdopt';
import { registerCommands } from './features/commands/registerCommands';
import { registerComments, type CommentThreads } from './features/comments/registerComments';
import { registerDiagnostics } from './features/diagnostics/registerDiagnostics';
import { registerLanguageFeatures } from './features/language/registerLanguageFeatures';
import { registerOwners } from './features/owners/registerOwners';
import { registerReview } from './features/review/registerReview';
import { registerStatusBar } from './features/statusBar/registerStatusBar';
import { registerTrees, type Trees } from './features/tree/registerTrees';
import { IdentityService, type GitIdentityReader } from './host/identity';
import { createLiveWorkspace, type LiveParsing, type LiveWorkspace } from './host/liveWorkspace';
import { disposeEditorLog, editorLog } from './host/log';

/** What the extension exposes to its own integration tests (and to other extensions). */
export interface PrfaqTraceApi {
  readonly live: LiveWorkspace;
  readonly trees: Trees;
  readonly identity: IdentityService;
  readonly comments: CommentThreads;
  /** For tests: runs pending parses now and settles scans, disk reads and change events. No feature waits for this. */
  whenIdle(): Promise<void>;
}

/** What differs between the desktop (Node) and the web extension host. */
export interface HostServices {
  readonly parsing?: LiveParsing & Partial<vscode.Disposable>;
  readonly readGit?: GitIdentityReader;
  /** Earlier versions of files (git on the desktop), for "Show what changed"; absent in the browser. */
  readonly fileHistory?: FileHistory;
}

/** The list of features, shared by the desktop and the web entry points. */
export function activateFeatures(context: vscode.ExtensionContext, services: HostServices): PrfaqTraceApi {
  const log = editorLog();
  const { engine, disposable: liveDisposable } = createLiveWorkspace(services.parsing ?? {}, log);
  // Features get the read-only view; only the engine updates the index.
  const live: LiveWorkspace = engine;
  const identity = new IdentityService(services.readGit);
  const { trees, disposable: treeDisposable } = registerTrees(live, identity);
  const { comments, disposable: commentsDisposable } = registerComments(live, identity);
  context.subscriptions.push(
    { dispose: disposeEditorLog },
    { dispose: () => services.parsing?.dispose?.() },
    liveDisposable,
    identity,
    treeDisposable,
    registerDiagnostics(live),
    registerStatusBar(live),
    registerCommands(live),
    registerLanguageFeatures(live),
    registerOwners(live),
    registerAdopt(live, identity),
    registerReview(live, identity, services.fileHistory),
    commentsDisposable,
  );
  engine.start();
  return { live, trees, identity, comments, whenIdle: () => engine.whenIdle() };
}
