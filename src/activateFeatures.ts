import * as vscode from 'vscode';
import { registerCommands } from './features/commands/registerCommands';
import { registerComments, type CommentThreads } from './features/comments/registerComments';
import { registerDiagnostics } from './features/diagnostics/registerDiagnostics';
import { registerLanguageFeatures } from './features/language/registerLanguageFeatures';
import { registerOwners } from './features/owners/registerOwners';
import { registerStatusBar } from './features/statusBar/registerStatusBar';
import { registerTrees, type Trees } from './features/tree/registerTrees';
import { IdentityService, type GitIdentityReader } from './host/identity';
import { LiveWorkspace, type LiveWorkspaceOptions } from './host/liveWorkspace';

/** What the extension exposes to its own integration tests (and to other extensions). */
export interface PrfaqTraceApi {
  readonly live: LiveWorkspace;
  readonly trees: Trees;
  readonly identity: IdentityService;
  readonly comments: CommentThreads;
  whenIdle(): Promise<void>;
}

/** What differs between the desktop (Node) and the web extension host. */
export interface HostServices {
  readonly parsing?: LiveWorkspaceOptions & Partial<vscode.Disposable>;
  readonly readGit?: GitIdentityReader;
}

/** The list of features, shared by the desktop and the web entry points. */
export function activateFeatures(context: vscode.ExtensionContext, services: HostServices): PrfaqTraceApi {
  const live = new LiveWorkspace(services.parsing);
  const identity = new IdentityService(services.readGit);
  const { trees, disposable: treeDisposable } = registerTrees(live, identity);
  const { comments, disposable: commentsDisposable } = registerComments(live, identity);
  context.subscriptions.push(
    { dispose: () => services.parsing?.dispose?.() },
    live,
    identity,
    treeDisposable,
    registerDiagnostics(live),
    registerStatusBar(live),
    registerCommands(live),
    registerLanguageFeatures(live),
    registerOwners(live),
    commentsDisposable,
  );
  live.start();
  return { live, trees, identity, comments, whenIdle: () => live.whenIdle() };
}
