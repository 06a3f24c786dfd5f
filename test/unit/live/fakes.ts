// A fake event source, a fake clock and an in-memory workspace for the live engine's specs.
import {
  defaultConfig,
  Emitter,
  isCandidate,
  LiveEngine,
  resolveConfig,
  type ChunkExtractor,
  type Config,
  type ConfigurationChange,
  type LiveEvents,
  type LoadedConfig,
  type Logger,
  type OpenBuffer,
  type ParserFactory,
  type Scheduler,
  type WorkspaceFile,
} from '../../../src/core/api';

export const ROOT = 'file:///ws';

/** Timers that run only when the test advances time. */
export class FakeClock implements Scheduler {
  private now = 0;
  private nextId = 0;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  schedule(callback: () => void, ms: number): () => void {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + ms, callback });
    return () => this.timers.delete(id);
  }

  /** Moves time forward, running every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = until;
  }

  get pending(): number {
    return this.timers.size;
  }
}

/** An editor buffer; every getText() is counted (one per parse of the buffer). */
export class FakeBuffer implements OpenBuffer {
  version = 1;
  isDirty = false;
  isClosed = false;
  reads = 0;

  constructor(
    readonly uri: string,
    private text: string,
    readonly languageId = 'markdown',
  ) {}

  getText(): string {
    this.reads++;
    return this.text;
  }

  /** An edit the disk does not have yet. */
  edit(text: string): void {
    this.text = text;
    this.version++;
    this.isDirty = true;
  }
}

interface Deferred {
  readonly promise: Promise<void>;
  release(): void;
}

function deferred(): Deferred {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

/** Lines the engine logged, by level. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(`info: ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn: ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error: ${message}`);
  }
}

/** Files on disk (path → text, or an Error for an unreadable file), open buffers, the configuration and the events. */
export class FakeWorkspace implements LiveEvents<FakeBuffer> {
  readonly files = new Map<string, string | Error>();
  readonly buffers = new Set<FakeBuffer>();
  settings: unknown = undefined;
  configLoads = 0;
  listings = 0;
  /** Reads of these paths wait until the test releases them. */
  private readonly gates = new Map<string, Deferred>();

  private readonly open = new Emitter<FakeBuffer>();
  private readonly change = new Emitter<FakeBuffer>();
  private readonly save = new Emitter<FakeBuffer>();
  private readonly close = new Emitter<FakeBuffer>();
  private readonly created = new Emitter<string>();
  private readonly changed = new Emitter<string>();
  private readonly deleted = new Emitter<string>();
  private readonly configuration = new Emitter<ConfigurationChange>();

  readonly onDidOpenBuffer = this.open.event;
  readonly onDidChangeBuffer = this.change.event;
  readonly onDidSaveBuffer = this.save.event;
  readonly onDidCloseBuffer = this.close.event;
  readonly onDidCreateFile = this.created.event;
  readonly onDidChangeFile = this.changed.event;
  readonly onDidDeleteFile = this.deleted.event;
  readonly onDidChangeConfiguration = this.configuration.event;

  constructor(files: Readonly<Record<string, string | Error>> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  uri(path: string): string {
    return `${ROOT}/${path}`;
  }

  host() {
    return {
      relativePath: (uri: string) => (uri.startsWith(`${ROOT}/`) ? decodeURIComponent(uri.slice(ROOT.length + 1)) : undefined),
      buffers: () => this.buffers,
      bufferOf: (buffer: FakeBuffer) => buffer,
      loadConfig: async (): Promise<LoadedConfig> => {
        this.configLoads++;
        return { config: resolveConfig(this.settings, defaultConfig) };
      },
      listFiles: async (config: Config): Promise<WorkspaceFile[]> => {
        this.listings++;
        return [...this.files.keys()].filter((path) => isCandidate(path, config)).map((path) => ({ uri: this.uri(path), path }));
      },
      readFile: async (uri: string): Promise<Uint8Array> => {
        const path = decodeURIComponent(uri.slice(ROOT.length + 1));
        await this.gates.get(path)?.promise;
        const content = this.files.get(path);
        if (content === undefined) throw new Error(`ENOENT: ${path}`);
        if (content instanceof Error) throw content;
        return new TextEncoder().encode(content);
      },
    };
  }

  /** Holds reads of `path` until the returned function is called. */
  gate(path: string): () => void {
    const gate = deferred();
    this.gates.set(path, gate);
    return () => {
      this.gates.delete(path);
      gate.release();
    };
  }

  openBuffer(path: string, text: string): FakeBuffer {
    const buffer = new FakeBuffer(this.uri(path), text);
    this.buffers.add(buffer);
    this.open.fire(buffer);
    return buffer;
  }

  editBuffer(buffer: FakeBuffer, text: string): void {
    buffer.edit(text);
    this.change.fire(buffer);
  }

  closeBuffer(buffer: FakeBuffer): void {
    buffer.isClosed = true;
    this.buffers.delete(buffer);
    this.close.fire(buffer);
  }

  /** Writes a file and reports it, as a file watcher would. */
  writeFile(path: string, text: string): void {
    const existed = this.files.has(path);
    this.files.set(path, text);
    (existed ? this.changed : this.created).fire(this.uri(path));
  }

  deleteFile(path: string): void {
    this.files.delete(path);
    this.deleted.fire(this.uri(path));
  }

  /** Deletes a folder: its files go, and the watcher reports only the folder. */
  deleteFolder(path: string): void {
    for (const file of [...this.files.keys()]) if (file.startsWith(`${path}/`)) this.files.delete(file);
    this.deleted.fire(this.uri(path));
  }

  /** Settings changed: `keys` are full keys such as prfaqTrace.include. */
  changeSettings(keys: readonly string[], settings?: unknown): void {
    if (settings !== undefined) this.settings = settings;
    this.configuration.fire({ affects: (key) => keys.some((k) => k === key || k.startsWith(`${key}.`)) });
  }
}

export interface EngineOptions {
  readonly extractChunks?: ChunkExtractor;
  readonly createParser?: ParserFactory;
}

/** An engine over the fake workspace with the fake clock, started. */
export function startEngine(workspace: FakeWorkspace, options: EngineOptions = {}) {
  const clock = new FakeClock();
  const logger = new RecordingLogger();
  const engine = new LiveEngine(workspace, { workspace: workspace.host(), logger, scheduler: clock, ...options });
  engine.start();
  return { engine, clock, logger };
}

/** Lets every promise and real timer (the scan's yields) run; fake time does not move. */
export async function drain(): Promise<void> {
  for (let i = 0; i < 30; i++) await new Promise((resolve) => setImmediate(resolve));
}
