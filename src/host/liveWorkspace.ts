import * as vscode from 'vscode';
import {
  LiveEngine,
  workspaceChanged,
  type ChunkExtractor,
  type ConfigurationChange,
  type Event,
  type LiveEvents,
  type LiveIndex,
  type Logger,
  type OpenBuffer,
  type ParserFactory,
} from '../core/api';
import { configurationChange, loadEditorConfig } from './settings';
import { createVscodeWorkspaceHost, workspaceRelativePath } from './vscodeWorkspaceHost';

/** What features see of the live index: queries, change events, the model of an open document. Never the engine. */
export type LiveWorkspace = LiveIndex<vscode.TextDocument>;

/** How the host parses: worker threads and a model cache on desktop, nothing (in-process) in the browser. */
export interface LiveParsing {
  readonly createParser?: ParserFactory;
  readonly extractChunks?: ChunkExtractor;
}

function bufferOf(document: vscode.TextDocument): OpenBuffer {
  return {
    uri: document.uri.toString(),
    languageId: document.languageId,
    version: document.version,
    isDirty: document.isDirty,
    isClosed: document.isClosed,
    getText: () => document.getText(),
  };
}

/** VS Code's document, file and configuration events as the engine's event source; one file watcher per workspace folder. */
class EditorEvents implements LiveEvents<vscode.TextDocument>, vscode.Disposable {
  private readonly created = new vscode.EventEmitter<string>();
  private readonly changed = new vscode.EventEmitter<string>();
  private readonly deleted = new vscode.EventEmitter<string>();
  private watchers: vscode.Disposable[] = [];
  // Registered before the engine's listener, so the watchers cover the new folders when it re-scans.
  private readonly folders = vscode.workspace.onDidChangeWorkspaceFolders(() => this.watch());

  readonly onDidOpenBuffer = vscode.workspace.onDidOpenTextDocument;
  readonly onDidChangeBuffer: Event<vscode.TextDocument> = (listener) => vscode.workspace.onDidChangeTextDocument((event) => listener(event.document));
  readonly onDidSaveBuffer = vscode.workspace.onDidSaveTextDocument;
  readonly onDidCloseBuffer = vscode.workspace.onDidCloseTextDocument;
  readonly onDidCreateFile = this.created.event;
  readonly onDidChangeFile = this.changed.event;
  readonly onDidDeleteFile = this.deleted.event;
  readonly onDidChangeConfiguration: Event<ConfigurationChange> = (listener) =>
    vscode.Disposable.from(
      vscode.workspace.onDidChangeConfiguration((event) => listener(configurationChange(event))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => listener(workspaceChanged)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => listener(workspaceChanged)),
    );

  constructor() {
    this.watch();
  }

  private watch(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
      return vscode.Disposable.from(
        watcher,
        watcher.onDidCreate((uri) => this.created.fire(uri.toString())),
        watcher.onDidChange((uri) => this.changed.fire(uri.toString())),
        watcher.onDidDelete((uri) => this.deleted.fire(uri.toString())),
      );
    });
  }

  dispose(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.folders.dispose();
    this.created.dispose();
    this.changed.dispose();
    this.deleted.dispose();
  }
}

/**
 * The core's live engine on VS Code: its files, buffers, settings and notifications, with the
 * Coverage view's progress bar while a scan runs. Not started: call `engine.start()`.
 */
export function createLiveWorkspace(parsing: LiveParsing, logger: Logger): { engine: LiveEngine<vscode.TextDocument>; disposable: vscode.Disposable } {
  const events = new EditorEvents();
  const engine = new LiveEngine(events, {
    workspace: {
      ...createVscodeWorkspaceHost(),
      relativePath: (uri) => workspaceRelativePath(vscode.Uri.parse(uri)),
      buffers: () => vscode.workspace.textDocuments,
      bufferOf,
      loadConfig: loadEditorConfig,
    },
    logger,
    alert: (severity, message) => void (severity === 'error' ? vscode.window.showErrorMessage(message) : vscode.window.showWarningMessage(message)),
    createParser: parsing.createParser,
    extractChunks: parsing.extractChunks,
  });
  const progress = engine.onDidChangeState((state) => {
    if (state !== 'scanning') return;
    void vscode.window.withProgress({ location: { viewId: 'prfaqTrace.coverage' }, title: 'Indexing PR/FAQs and design docs' }, () => engine.ready);
  });
  return { engine, disposable: vscode.Disposable.from(progress, engine, events) };
}
