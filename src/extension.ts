import * as vscode from 'vscode';
import { createCachingParser, type Config } from './core/api';
import { registerCommands } from './features/commands/registerCommands';
import { registerDiagnostics } from './features/diagnostics/registerDiagnostics';
import { registerComments, type CommentThreads } from './features/comments/registerComments';
import { registerLanguageFeatures } from './features/language/registerLanguageFeatures';
import { registerOwners } from './features/owners/registerOwners';
import { registerStatusBar } from './features/statusBar/registerStatusBar';
import { registerTrees, type Trees } from './features/tree/registerTrees';
import { IdentityService } from './host/identity';
import { LiveWorkspace } from './host/liveWorkspace';
import { FileModelStore, sha1 } from './node/fileModelStore';
import { gitIdentity } from './node/gitIdentity';
import { createWorkerParser, type WorkerParser } from './node/workerParser';

/** What the extension exposes to its own integration tests (and to other extensions). */
export interface PrfaqTraceApi {
  readonly live: LiveWorkspace;
  readonly trees: Trees;
  readonly identity: IdentityService;
  readonly comments: CommentThreads;
  whenIdle(): Promise<void>;
}

/** Parsing off the extension host's thread, with models cached in the workspace's storage. */
function desktopParsing(context: vscode.ExtensionContext): vscode.Disposable & ConstructorParameters<typeof LiveWorkspace>[0] {
  let editParser: { config: Config; parser: WorkerParser } | undefined;
  const storage = context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : undefined;
  return {
    createParser(config) {
      const parser = createWorkerParser(config);
      if (!storage) return parser;
      const store = new FileModelStore(storage, config);
      return Object.assign(createCachingParser(parser, store, sha1), { save: () => store.save() });
    },
    extractChunks(config, texts) {
      if (editParser?.config !== config) {
        editParser?.parser.dispose();
        editParser = { config, parser: createWorkerParser(config, { workers: 1 }) };
      }
      return editParser.parser.extractChunks(texts);
    },
    dispose: () => editParser?.parser.dispose(),
  };
}

export function activate(context: vscode.ExtensionContext): PrfaqTraceApi {
  const parsing = desktopParsing(context);
  const live = new LiveWorkspace(parsing);
  const identity = new IdentityService(gitIdentity);
  const { trees, disposable: treeDisposable } = registerTrees(live, identity);
  const { comments, disposable: commentsDisposable } = registerComments(live, identity);
  context.subscriptions.push(
    parsing,
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

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
