import * as vscode from 'vscode';
import {
  classify,
  createInProcessParser,
  decodeText,
  indexWorkspace,
  isCandidate,
  kindByPath,
  safeParse,
  createIdMatcher,
  RetainingChunkCache,
  WorkspaceIndex,
  uncachedChunks,
  unparsedModel,
  type ChunkModel,
  type Config,
  type DocModel,
  type DocumentParser,
  type IndexChange,
  type ParseInput,
} from '../core/api';
import { loadEditorConfig } from './editorConfig';
import { createVscodeWorkspaceHost, workspaceRelativePath } from './vscodeWorkspaceHost';

/** Typing pauses shorter than this do not re-parse. */
const TYPING_DEBOUNCE_MS = 150;
/** Index change events are coalesced over this window so views update once per burst. */
const CHANGE_COALESCE_MS = 30;

export type LiveState = 'scanning' | 'ready';

export interface LiveWorkspaceOptions {
  /** Parses batches during scans (a worker pool with a persistent cache on desktop, in-process in the browser). */
  readonly createParser?: (config: Config) => DocumentParser & { save?(): Promise<void> };
  /** Extracts chunk models off the main thread; edits that leave more than OFFLOAD_CHARS to re-parse use it. */
  readonly extractChunks?: (config: Config, texts: readonly string[]) => Promise<ChunkModel[]>;
}

/** Re-parsing up to this many characters on the extension host's thread stays well under 50 ms. */
const OFFLOAD_CHARS = 8_000;

function isMarkdownUri(uri: vscode.Uri): boolean {
  return /\.(md|markdown)$/i.test(uri.path);
}

/**
 * The index kept current with the workspace: files on disk through vscode.workspace.fs and a
 * file watcher, open editors (unsaved text wins over disk) re-parsed per edit with their own
 * chunk cache, so a keystroke re-parses one chunk of one document.
 */
export class LiveWorkspace implements vscode.Disposable {
  readonly index = new WorkspaceIndex();
  private config!: Config;
  private configError: string | undefined;
  private readonly host = createVscodeWorkspaceHost();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly chunkCaches = new Map<string, RetainingChunkCache>();
  /** The editor version each open document's model was parsed from. */
  private readonly parsedVersions = new Map<string, number>();
  private readonly debounces = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly inflight = new Set<Promise<unknown>>();
  /** Pending work per document, so one document's slow parse never delays another's features. */
  private readonly inflightByUri = new Map<string, Promise<unknown>>();
  private scan: Promise<void> = Promise.resolve();
  private generation = 0;
  private pendingChange: { uris: Set<string>; ids: Set<string> } | undefined;
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<IndexChange>();
  private readonly stateEmitter = new vscode.EventEmitter<LiveState>();
  private stateValue: LiveState = 'scanning';
  private watchers: vscode.FileSystemWatcher[] = [];
  private diskParser: (DocumentParser & { save?(): Promise<void> }) | undefined;

  /** Fires (coalesced) with the documents whose findings or views may have changed. */
  readonly onDidChange = this.changeEmitter.event;
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(private readonly options: LiveWorkspaceOptions = {}) {
    this.disposables.push(
      this.changeEmitter,
      this.stateEmitter,
      { dispose: this.index.onDidChange((change) => this.queueChange(change)) },
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidCloseTextDocument((document) => this.onClosed(document)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescan()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.rescan()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('prfaqTrace')) this.rescan();
      }),
    );
  }

  get state(): LiveState {
    return this.stateValue;
  }

  get currentConfig(): Config {
    return this.config;
  }

  get configurationError(): string | undefined {
    return this.configError;
  }

  /** What restricted mode holds back (a workspace-defined ID pattern), shown in the Coverage view. */
  get restriction(): string | undefined {
    return this.restrictedValue;
  }
  private restrictedValue: string | undefined;

  /** Starts the initial scan without waiting for it (activation must not block on it). */
  start(): void {
    void this.rescan();
  }

  /** Re-reads configuration and every file, then re-applies open editors. */
  rescan(): Promise<void> {
    const generation = ++this.generation;
    this.setState('scanning');
    this.scan = this.runScan(generation).catch((error: unknown) => {
      void vscode.window.showErrorMessage(`PR/FAQ Trace could not index the workspace: ${(error as Error).message}`);
    });
    return this.scan;
  }

  private async runScan(generation: number): Promise<void> {
    const { config, error, restricted } = await loadEditorConfig();
    if (generation !== this.generation) return;
    this.config = config;
    this.configError = error;
    this.restrictedValue = restricted;
    if (error) void vscode.window.showWarningMessage(`PR/FAQ Trace configuration: ${error}`);
    this.index.setStructureSettings(config.structure);
    this.index.setSeverities(config.severities);
    this.index.clear();
    this.chunkCaches.clear();
    this.watch();
    // One parser (worker threads with a time budget on desktop) for the scan and for later changes on disk.
    this.diskParser?.dispose?.();
    const parser: DocumentParser & { save?(): Promise<void> } = this.options.createParser?.(config) ?? createInProcessParser(config);
    this.diskParser = parser;
    await vscode.window.withProgress(
      { location: { viewId: 'prfaqTrace.coverage' }, title: 'Indexing PR/FAQs and design docs' },
      () => indexWorkspace(this.host, config, parser, this.index),
    );
    void parser.save?.().catch(() => undefined);
    if (generation !== this.generation) return;
    // Unsaved text wins over the files just read; clean buffers hold what the disk holds.
    for (const document of vscode.workspace.textDocuments) if (document.isDirty) this.parseOpen(document);
    this.setState('ready');
  }

  private setState(state: LiveState): void {
    this.stateValue = state;
    this.stateEmitter.fire(state);
  }

  private watch(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
      watcher.onDidCreate((uri) => this.onDiskChange(uri));
      watcher.onDidChange((uri) => this.onDiskChange(uri));
      watcher.onDidDelete((uri) => this.onDiskDelete(uri));
      return watcher;
    });
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
  }

  private onDiskChange(uri: vscode.Uri): void {
    if (uri.path.endsWith('/.prfaq-trace.json')) {
      void this.rescan();
      return;
    }
    // Unsaved text wins over the disk. (A clean buffer may be a closed editor's lingering document: read the file.)
    if (this.openDocument(uri)?.isDirty) return;
    const path = workspaceRelativePath(uri);
    if (path === undefined || !isCandidate(path, this.config)) return;
    this.track(this.readFromDisk(uri, path), uri.toString());
  }

  private onDiskDelete(uri: vscode.Uri): void {
    if (this.openDocument(uri)?.isDirty) return;
    const key = uri.toString();
    if (this.index.get(key)) {
      this.index.delete(key);
      return;
    }
    // A deleted folder: drop everything under it.
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const doc of this.index.documents()) if (doc.uri.startsWith(prefix)) this.index.delete(doc.uri);
  }

  private async readFromDisk(uri: vscode.Uri, path: string): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      this.index.delete(uri.toString());
      return;
    }
    if (this.openDocument(uri)?.isDirty) return;
    const { text } = decodeText(bytes);
    const config = this.config;
    const byPath = kindByPath(path, config);
    const key = uri.toString();
    // A file that arrives on disk (a git pull) may be hostile: it is parsed off this thread, within the budget.
    const [model] = classify(text, path, config) && this.diskParser
      ? await this.diskParser.parse([{ uri: key, text, byteLength: bytes.byteLength, ...(byPath ? { kindByPath: byPath } : {}) }])
      : [undefined];
    if (config !== this.config || this.openDocument(uri)?.isDirty) return;
    if (model) this.index.set(model);
    else this.index.delete(key);
  }

  private schedule(document: vscode.TextDocument, delay = TYPING_DEBOUNCE_MS): void {
    if (!this.config || !this.isTracked(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.debounces.get(key));
    this.debounces.set(
      key,
      setTimeout(() => {
        this.debounces.delete(key);
        this.parseOpen(document);
      }, delay),
    );
  }

  private isTracked(document: vscode.TextDocument): boolean {
    if (!isMarkdownUri(document.uri) && document.languageId !== 'markdown') return false;
    const path = workspaceRelativePath(document.uri);
    return path !== undefined && isCandidate(path, this.config);
  }

  private parseOpen(document: vscode.TextDocument): void {
    if (document.isClosed || !this.isTracked(document)) return;
    const key = document.uri.toString();
    let cache = this.chunkCaches.get(key);
    if (!cache) this.chunkCaches.set(key, (cache = new RetainingChunkCache()));
    const path = workspaceRelativePath(document.uri) ?? '';
    const text = document.getText();
    const config = this.config;
    const byPath = kindByPath(path, config);
    const input: ParseInput = { uri: key, text, ...(byPath ? { kindByPath: byPath } : {}) };
    const missing = uncachedChunks(input, { ids: this.ids(config), maxFileSize: config.maxFileSize, chunkCache: cache });
    const missingChars = missing.reduce((sum, chunk) => sum + chunk.length, 0);
    const version = document.version;
    if (!this.options.extractChunks || missingChars <= OFFLOAD_CHARS) {
      this.applyOpen(input, path, cache);
      this.parsedVersions.set(key, version);
      return;
    }
    // Large re-parse: extract the changed chunks in a worker, then assemble from the cache here.
    const chunkCache = cache;
    this.track(
      this.options.extractChunks(config, missing).then(
        (models) => {
          missing.forEach((chunk, i) => chunkCache.set(chunk, models[i] as ChunkModel));
          if (document.isClosed || document.version !== version || config !== this.config) return;
          this.applyOpen(input, path, chunkCache);
          this.parsedVersions.set(key, version);
        },
        (error: unknown) => {
          if (document.isClosed || document.version !== version) return;
          const kind = classify(text, path, config);
          if (kind) this.index.set(unparsedModel(input, kind, `could not parse this document: ${(error as Error).message}`));
        },
      ),
      key,
    );
  }

  /** Parses an open document's text here, from its chunk cache, and puts the model in the index. */
  private applyOpen(input: ParseInput, path: string, cache: RetainingChunkCache): void {
    const config = this.config;
    const model = classify(input.text, path, config)
      ? safeParse(input, { ids: this.ids(config), maxFileSize: config.maxFileSize, chunkCache: cache })
      : undefined;
    cache.sweep();
    if (model) this.index.set(model);
    else this.index.delete(input.uri);
  }

  private idsCache: { pattern: string; matcher: ReturnType<typeof createIdMatcher> } | undefined;
  private ids(config: Config): ReturnType<typeof createIdMatcher> {
    if (this.idsCache?.pattern !== config.idPattern) this.idsCache = { pattern: config.idPattern, matcher: createIdMatcher(config.idPattern) };
    return this.idsCache.matcher;
  }

  private onClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.debounces.get(key));
    this.debounces.delete(key);
    this.chunkCaches.delete(key);
    this.parsedVersions.delete(key);
    if (!this.config || !this.isTracked(document) || document.uri.scheme === 'untitled') return;
    // Unsaved edits are gone with the editor: the file on disk is the truth again.
    this.track(this.readFromDisk(document.uri, workspaceRelativePath(document.uri) ?? ''), key);
  }

  private track(work: Promise<unknown>, uri: string): void {
    this.inflight.add(work);
    this.inflightByUri.set(uri, work);
    void work.finally(() => {
      this.inflight.delete(work);
      if (this.inflightByUri.get(uri) === work) this.inflightByUri.delete(uri);
    });
  }

  private queueChange(change: IndexChange): void {
    if (!this.pendingChange) this.pendingChange = { uris: new Set(), ids: new Set() };
    for (const uri of change.uris) this.pendingChange.uris.add(uri);
    for (const id of change.ids) this.pendingChange.ids.add(id);
    if (this.pendingTimer) return;
    this.pendingTimer = setTimeout(() => this.flushChange(), CHANGE_COALESCE_MS);
  }

  private flushChange(): void {
    this.pendingTimer = undefined;
    const pending = this.pendingChange;
    this.pendingChange = undefined;
    if (pending) this.changeEmitter.fire({ uris: [...pending.uris], ids: [...pending.ids] });
  }

  /**
   * The model of an open document as its editor holds it now: a pending (debounced) parse of
   * that one document is run first, so editor features never answer from stale positions.
   */
  async modelFor(document: vscode.TextDocument): Promise<DocModel | undefined> {
    await this.scan;
    const key = document.uri.toString();
    if (this.isTracked(document) && this.parsedVersions.get(key) !== document.version) {
      clearTimeout(this.debounces.get(key));
      this.debounces.delete(key);
      this.parseOpen(document);
    }
    await this.inflightByUri.get(key);
    return this.index.get(key);
  }

  /** Whether the model of an open document reflects this editor version (checked before applying edits). */
  isCurrent(document: vscode.TextDocument): boolean {
    return !this.isTracked(document) || this.parsedVersions.get(document.uri.toString()) === document.version;
  }

  /** Resolves once the scan, pending edits, disk reads and change events have all settled (tests, commands). */
  async whenIdle(): Promise<void> {
    for (;;) {
      await this.scan;
      for (const [key, timer] of this.debounces) {
        clearTimeout(timer);
        this.debounces.delete(key);
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        if (document) this.parseOpen(document);
      }
      await Promise.all([...this.inflight]);
      if (this.pendingTimer) {
        clearTimeout(this.pendingTimer);
        this.flushChange();
      }
      if (this.debounces.size === 0 && this.inflight.size === 0 && this.stateValue === 'ready') return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  dispose(): void {
    this.diskParser?.dispose?.();
    for (const timer of this.debounces.values()) clearTimeout(timer);
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    for (const watcher of this.watchers) watcher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
