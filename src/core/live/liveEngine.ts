import { CONFIG_FILE_NAME, defaultConfig, type Config } from '../config';
import { createIdMatcher, type IdMatcher } from '../ids';
import type { IndexQueries } from '../index/indexQueries';
import { WorkspaceIndex, type IndexChange } from '../index/workspaceIndex';
import type { DocModel } from '../model';
import type { ChunkModel } from '../parse/chunkModel';
import { classify, isCandidate, kindByPath } from '../parse/classify';
import { uncachedChunks, unparsedModel, type ParseInput } from '../parse/parseDocument';
import { RetainingChunkCache } from '../parse/retainingChunkCache';
import type { DocumentParser, WorkspaceHost } from '../scan/host';
import { createInProcessParser, safeParse } from '../scan/inProcessParser';
import { indexWorkspace } from '../scan/indexWorkspace';
import { inputFor } from '../scan/inputFor';
import { decodeText } from '../text/decode';
import { fileNameOf, normalizeUri } from '../text/uri';
import { ChangeCoalescer } from './coalescer';
import { Emitter } from './emitter';
import type { Disposable, Event, LiveEvents, OpenBuffer } from './events';
import type { LiveIndex, LiveState } from './liveIndex';
import { timerScheduler, type LiveServices, type LiveWorkspaceHost, type LoadedConfig, type Logger, type Scheduler } from './services';
import { affectsIndex } from './settings';

/** Typing pauses shorter than this do not re-parse. */
export const TYPING_DEBOUNCE_MS = 150;
/** Index changes are coalesced over this window so views update once per burst. */
export const CHANGE_COALESCE_MS = 30;
/** Re-parsing up to this many characters on the calling thread stays well under 50 ms; more goes to the chunk extractor. */
export const OFFLOAD_CHARS = 8_000;

type DiskParser = DocumentParser & { save?(): Promise<void> };

interface PendingParse<D> {
  readonly document: D;
  readonly cancel: () => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isMarkdownFile(uri: string): boolean {
  return /\.(md|markdown)$/i.test(fileNameOf(uri));
}

function isConfigFile(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

/**
 * The index kept current with the workspace, without any editor API: files on disk (a scan,
 * then file events), open buffers (unsaved text wins over the disk) re-parsed per edit with their
 * own chunk cache, so a keystroke re-parses one chunk of one document. Every URI is normalized
 * once on the way in; every ParseInput comes from `inputFor`.
 */
export class LiveEngine<D> implements LiveIndex<D>, Disposable {
  private readonly store = new WorkspaceIndex();
  private readonly host: LiveWorkspaceHost<D>;
  private readonly logger: Logger;
  private readonly scheduler: Scheduler;
  private loaded: LoadedConfig | undefined;
  private readonly chunkCaches = new Map<string, RetainingChunkCache>();
  /** The buffer version each open document's model was parsed from. */
  private readonly parsedVersions = new Map<string, number>();
  private readonly debounces = new Map<string, PendingParse<D>>();
  private readonly inflight = new Set<Promise<unknown>>();
  /** Pending work per document, so one document's slow parse never delays another's features. */
  private readonly inflightByUri = new Map<string, Promise<unknown>>();
  private resolveFirstScan!: () => void;
  private scan = new Promise<void>((resolve) => (this.resolveFirstScan = resolve));
  private generation = 0;
  private stateValue: LiveState = 'scanning';
  private diskParser: DiskParser | undefined;
  private idsCache: { readonly pattern: string; readonly matcher: IdMatcher } | undefined;
  private readonly changes: ChangeCoalescer;
  private readonly changeEmitter: Emitter<IndexChange>;
  private readonly stateEmitter: Emitter<LiveState>;
  private readonly subscriptions: Disposable[];

  readonly onDidChange: Event<IndexChange>;
  readonly onDidChangeState: Event<LiveState>;

  constructor(
    events: LiveEvents<D>,
    private readonly services: LiveServices<D>,
  ) {
    this.host = services.workspace;
    this.logger = services.logger;
    this.scheduler = services.scheduler ?? timerScheduler;
    const listenerFailed = (error: unknown) => this.logger.error(`A view failed to update: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    this.changeEmitter = new Emitter(listenerFailed);
    this.stateEmitter = new Emitter(listenerFailed);
    this.onDidChange = this.changeEmitter.event;
    this.onDidChangeState = this.stateEmitter.event;
    this.changes = new ChangeCoalescer(this.scheduler, CHANGE_COALESCE_MS, (change) => this.changeEmitter.fire(change));
    const unsubscribe = this.store.onDidChange((change) => this.changes.add(change));
    this.subscriptions = [
      { dispose: () => void unsubscribe() },
      events.onDidOpenBuffer((document) => this.schedule(document, 0)),
      events.onDidChangeBuffer((document) => this.schedule(document, TYPING_DEBOUNCE_MS)),
      events.onDidSaveBuffer((document) => this.onSaved(document)),
      events.onDidCloseBuffer((document) => this.onClosed(document)),
      events.onDidCreateFile((uri) => this.onDiskChange(uri)),
      events.onDidChangeFile((uri) => this.onDiskChange(uri)),
      events.onDidDeleteFile((uri) => this.onDiskDelete(uri)),
      events.onDidChangeConfiguration((change) => {
        if (affectsIndex(change)) void this.rescan();
      }),
    ];
  }

  get index(): IndexQueries {
    return this.store;
  }

  get state(): LiveState {
    return this.stateValue;
  }

  get ready(): Promise<void> {
    return this.settled();
  }

  get config(): Config {
    return this.loaded?.config ?? defaultConfig;
  }

  get configurationError(): string | undefined {
    return this.loaded?.error;
  }

  get restriction(): string | undefined {
    return this.loaded?.restricted;
  }

  /** Starts the first scan without waiting for it (activation must not block on it). */
  start(): void {
    void this.rescan();
  }

  rescan(): Promise<void> {
    const generation = ++this.generation;
    this.setState('scanning');
    const scan = this.runScan(generation).catch((error: unknown) => {
      this.logger.error(`Could not index the workspace: ${messageOf(error)}`);
      this.services.alert?.('error', `PR/FAQ Trace could not index the workspace: ${messageOf(error)}`);
      if (generation === this.generation) this.setState('ready');
    });
    this.scan = scan;
    void scan.then(this.resolveFirstScan);
    return scan.then(() => this.settled());
  }

  /** Resolves once the latest scan has finished (a scan started meanwhile is waited for too). */
  private async settled(): Promise<void> {
    for (let scan = this.scan; ; scan = this.scan) {
      await scan;
      if (scan === this.scan) return;
    }
  }

  private async runScan(generation: number): Promise<void> {
    const loaded = await this.host.loadConfig();
    if (generation !== this.generation) return;
    this.loaded = loaded;
    const { config, error } = loaded;
    if (error) {
      this.logger.warn(`Configuration: ${error}`);
      this.services.alert?.('warning', `PR/FAQ Trace configuration: ${error}`);
    }
    if (loaded.restricted) this.logger.info(loaded.restricted);
    this.store.setStructureSettings(config.structure);
    this.store.setSeverities(config.severities);
    this.store.setReviewPolicy(config);
    this.store.clear();
    this.chunkCaches.clear();
    // One parser (worker threads with a time budget on desktop) for the scan and for later changes on disk.
    this.diskParser?.dispose?.();
    const parser: DiskParser = this.services.createParser?.(config) ?? createInProcessParser(config);
    this.diskParser = parser;
    const started = Date.now();
    const result = await indexWorkspace(this.scanHost(), config, this.scanParser(parser, generation), this.store);
    parser.save?.().catch((saveError: unknown) => this.logger.warn(`Could not save the model cache: ${messageOf(saveError)}`));
    if (generation !== this.generation) return;
    this.logger.info(`Indexed ${result.analysed} PR/FAQs and design docs among ${result.files} files in ${Date.now() - started} ms.`);
    // Unsaved text wins over the files just read; clean buffers hold what the disk holds.
    for (const document of this.host.buffers()) if (this.host.bufferOf(document).isDirty) this.parseOpen(document);
    this.setState('ready');
  }

  /** The host's files, with every read that fails during a scan logged (the user can find out why a document is missing). */
  private scanHost(): WorkspaceHost {
    return {
      listFiles: (config) => this.host.listFiles(config),
      readFile: (uri) =>
        this.host.readFile(uri).catch((error: unknown) => {
          this.logger.warn(`${uri} could not be read and is not indexed: ${messageOf(error)}`);
          throw error;
        }),
    };
  }

  /** A scan superseded by a newer one must not write its (old-configuration) models into the index. */
  private scanParser(parser: DocumentParser, generation: number): DocumentParser {
    return {
      parse: async (inputs) => {
        const models = await parser.parse(inputs);
        return generation === this.generation ? models : [];
      },
    };
  }

  private setState(state: LiveState): void {
    this.stateValue = state;
    this.stateEmitter.fire(state);
  }

  private openBuffer(key: string): OpenBuffer | undefined {
    for (const document of this.host.buffers()) {
      const buffer = this.host.bufferOf(document);
      if (normalizeUri(buffer.uri) === key) return buffer;
    }
    return undefined;
  }

  /** Unsaved text wins over the disk: the file's content may replace a model only when no open buffer holds edits. */
  private diskMayWin(key: string): boolean {
    const buffer = this.openBuffer(key);
    return !buffer || buffer.isClosed || !buffer.isDirty;
  }

  private onDiskChange(uri: string): void {
    const key = normalizeUri(uri);
    if (isConfigFile(key)) {
      this.logger.info(`${key} changed: re-indexing.`);
      void this.rescan();
      return;
    }
    const config = this.loaded?.config;
    // Before the first configuration is loaded, the first scan reads the file anyway.
    if (!config || !this.diskMayWin(key)) return;
    const path = this.host.relativePath(key);
    if (path === undefined || !isCandidate(path, config)) return;
    this.track(this.readFromDisk(key, path, config), key);
  }

  private onDiskDelete(uri: string): void {
    const key = normalizeUri(uri);
    if (isConfigFile(key)) {
      this.logger.info(`${key} was deleted: re-indexing.`);
      void this.rescan();
      return;
    }
    if (this.store.get(key)) {
      if (this.diskMayWin(key)) this.store.delete(key);
      return;
    }
    // A deleted folder: drop everything under it (but the text of open buffers with unsaved edits).
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const doc of this.store.documents()) {
      if (doc.uri.startsWith(prefix) && this.diskMayWin(doc.uri)) this.store.delete(doc.uri);
    }
  }

  private async readFromDisk(key: string, path: string, config: Config): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await this.host.readFile(key);
    } catch (error) {
      this.logger.info(`${key} could not be read (${messageOf(error)}): removed from the index.`);
      if (this.diskMayWin(key)) this.store.delete(key);
      return;
    }
    if (!this.diskMayWin(key)) return;
    const { text } = decodeText(bytes);
    const parser = this.diskParser;
    // A file that arrives on disk (a git pull) may be hostile: it goes to the scan's parser (workers, with their budget).
    const [model] = classify(text, path, config) && parser ? await parser.parse([inputFor({ uri: key, path }, text, config, bytes.byteLength)]) : [undefined];
    if (config !== this.loaded?.config || !this.diskMayWin(key)) return;
    if (model) this.store.set(model);
    else this.store.delete(key);
  }

  private isTracked(buffer: OpenBuffer): boolean {
    const config = this.loaded?.config;
    if (!config) return false;
    const key = normalizeUri(buffer.uri);
    const path = this.host.relativePath(key);
    // Source files (sourceGlobs) are followed too: their tags move as they are edited.
    const source = path !== undefined && kindByPath(path, config) === 'source';
    if (!source && !isMarkdownFile(key) && buffer.languageId !== 'markdown') return false;
    return path !== undefined && isCandidate(path, config);
  }

  private schedule(document: D, delay: number): void {
    // Before the first configuration is loaded nothing is tracked: the first scan applies dirty buffers when it ends.
    const buffer = this.host.bufferOf(document);
    if (!this.isTracked(buffer)) return;
    const key = normalizeUri(buffer.uri);
    this.debounces.get(key)?.cancel();
    const cancel = this.scheduler.schedule(() => {
      this.debounces.delete(key);
      this.parseOpen(document);
    }, delay);
    this.debounces.set(key, { document, cancel });
  }

  private cancelPending(key: string): PendingParse<D> | undefined {
    const pending = this.debounces.get(key);
    pending?.cancel();
    this.debounces.delete(key);
    return pending;
  }

  private ids(config: Config): IdMatcher {
    if (this.idsCache?.pattern !== config.idPattern) this.idsCache = { pattern: config.idPattern, matcher: createIdMatcher(config.idPattern) };
    return this.idsCache.matcher;
  }

  private chunkCacheOf(key: string): RetainingChunkCache {
    let cache = this.chunkCaches.get(key);
    if (!cache) this.chunkCaches.set(key, (cache = new RetainingChunkCache()));
    return cache;
  }

  /** Whether the buffer still holds the version a parse started from (version guard). */
  private stillAt(document: D, version: number): boolean {
    const buffer = this.host.bufferOf(document);
    return !buffer.isClosed && buffer.version === version;
  }

  private parseOpen(document: D): void {
    const buffer = this.host.bufferOf(document);
    if (buffer.isClosed || !this.isTracked(buffer)) return;
    const config = this.config;
    const key = normalizeUri(buffer.uri);
    const cache = this.chunkCacheOf(key);
    const path = this.host.relativePath(key) ?? '';
    const input = inputFor({ uri: key, path }, buffer.getText(), config);
    const version = buffer.version;
    const missing = uncachedChunks(input, { ids: this.ids(config), maxFileSize: config.maxFileSize, chunkCache: cache });
    const extract = this.services.extractChunks;
    if (!extract || missing.reduce((sum, chunk) => sum + chunk.length, 0) <= OFFLOAD_CHARS) {
      this.applyOpen(input, path, cache, config);
      this.parsedVersions.set(key, version);
      return;
    }
    // Large re-parse: extract the changed chunks off this thread, then assemble from the cache here.
    const extracted = extract(config, missing).then(
      (models: readonly ChunkModel[]) => {
        missing.forEach((chunk, i) => cache.set(chunk, models[i] as ChunkModel));
        if (!this.stillAt(document, version) || config !== this.loaded?.config) return;
        this.applyOpen(input, path, cache, config);
        this.parsedVersions.set(key, version);
      },
      (error: unknown) => {
        this.logger.warn(`${key}: the changed chunks could not be parsed: ${messageOf(error)}`);
        if (!this.stillAt(document, version)) return;
        const kind = classify(input.text, path, config);
        if (kind) this.store.set(unparsedModel(input, kind, `could not parse this document: ${messageOf(error)}`));
      },
    );
    this.track(extracted, key);
  }

  /** Parses an open buffer's text here, from its chunk cache, and puts the model in the index. */
  private applyOpen(input: ParseInput, path: string, cache: RetainingChunkCache, config: Config): void {
    const model = classify(input.text, path, config) ? safeParse(input, { ids: this.ids(config), maxFileSize: config.maxFileSize, chunkCache: cache }) : undefined;
    cache.sweep();
    if (model) this.store.set(model);
    else this.store.delete(input.uri);
  }

  /** Saved text is final: a pending parse runs now instead of after the typing pause. */
  private onSaved(document: D): void {
    const key = normalizeUri(this.host.bufferOf(document).uri);
    if (this.cancelPending(key)) this.parseOpen(document);
  }

  private onClosed(document: D): void {
    const buffer = this.host.bufferOf(document);
    const key = normalizeUri(buffer.uri);
    this.cancelPending(key);
    this.chunkCaches.delete(key);
    this.parsedVersions.delete(key);
    if (!this.isTracked(buffer)) return;
    // Unsaved edits are gone with the editor: the file on disk is the truth again.
    this.track(this.readFromDisk(key, this.host.relativePath(key) ?? '', this.config), key);
  }

  private track(work: Promise<unknown>, key: string): void {
    this.inflight.add(work);
    this.inflightByUri.set(key, work);
    void work.finally(() => {
      this.inflight.delete(work);
      if (this.inflightByUri.get(key) === work) this.inflightByUri.delete(key);
    });
  }

  async modelFor(document: D): Promise<DocModel | undefined> {
    await this.settled();
    const buffer = this.host.bufferOf(document);
    const key = normalizeUri(buffer.uri);
    if (this.isTracked(buffer) && this.parsedVersions.get(key) !== buffer.version) {
      this.cancelPending(key);
      this.parseOpen(document);
    }
    await this.inflightByUri.get(key);
    return this.store.get(key);
  }

  /**
   * For tests and the benchmark only (no feature waits for idleness): runs pending parses now,
   * waits for scans, disk reads and extractions, and delivers the coalesced change.
   */
  async whenIdle(): Promise<void> {
    for (;;) {
      await this.settled();
      for (const [key, pending] of [...this.debounces]) {
        this.cancelPending(key);
        this.parseOpen(pending.document);
      }
      await Promise.all([...this.inflight]);
      this.changes.flush();
      if (this.debounces.size === 0 && this.inflight.size === 0 && this.stateValue === 'ready') return;
    }
  }

  dispose(): void {
    this.diskParser?.dispose?.();
    for (const pending of this.debounces.values()) pending.cancel();
    this.debounces.clear();
    this.changes.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changeEmitter.dispose();
    this.stateEmitter.dispose();
  }
}
