/**
 * The core live engine (src/core/live) on a generated workspace, as the extension runs it but
 * on Node's file system: the desktop parsing services (worker pools, model cache), one editor
 * buffer driven by hand, and the tests' fake clock, so the deliberate typing debounce and
 * change coalescing are skipped rather than waited for.
 */
import { relative, sep } from 'node:path';
import { Emitter, LiveEngine, type LiveEvents, type Logger, type OpenBuffer } from '../src/core/api';
import { desktopParsing } from '../src/node/desktopParsing';
import { createFsHost, fsPathOf } from '../src/node/fsHost';
import { loadConfig } from '../src/node/loadConfig';
import { FakeClock } from '../test/unit/live/fakes';

/** An editor buffer typed into by the benchmark. */
export class BenchBuffer implements OpenBuffer {
  version = 1;
  isDirty = false;
  readonly isClosed = false;
  readonly languageId = 'markdown';

  constructor(
    readonly uri: string,
    private text: string,
  ) {}

  getText(): string {
    return this.text;
  }

  edit(text: string): void {
    this.text = text;
    this.version++;
    this.isDirty = true;
  }
}

/** The editor's events, fired by the benchmark (only buffer events are used). */
export class BenchEvents implements LiveEvents<BenchBuffer> {
  readonly opened = new Emitter<BenchBuffer>();
  readonly changed = new Emitter<BenchBuffer>();
  private readonly none = new Emitter<never>();
  readonly onDidOpenBuffer = this.opened.event;
  readonly onDidChangeBuffer = this.changed.event;
  readonly onDidSaveBuffer = this.none.event;
  readonly onDidCloseBuffer = this.none.event;
  readonly onDidCreateFile = this.none.event;
  readonly onDidChangeFile = this.none.event;
  readonly onDidDeleteFile = this.none.event;
  readonly onDidChangeConfiguration = this.none.event;
}

/** Warnings and errors of the engine: the phase fails when there are any (a file not read, a cache not saved). */
function recordingLogger(problems: string[]): Logger {
  return {
    info: () => undefined,
    warn: (message) => problems.push(`warning: ${message}`),
    error: (message) => problems.push(`error: ${message}`),
  };
}

export interface ParserStats {
  readonly hits: number;
  readonly misses: number;
}

export interface BenchEngineOptions {
  readonly root: string;
  readonly cacheDir: string;
  /** The worker script of `npm run build` (dist/parseWorker.js). */
  readonly script: string;
  /** Called when the chunk extractor starts and when its worker answers (offloaded edits). */
  readonly onExtract?: (event: 'start' | 'answer') => void;
}

/** A started live engine over `root`, plus what the benchmark reports about its parsing. */
export function benchEngine(options: BenchEngineOptions) {
  const parsing = desktopParsing({ storageDir: options.cacheDir, script: options.script });
  const events = new BenchEvents();
  const clock = new FakeClock();
  const buffers = new Set<BenchBuffer>();
  const measured = { files: 0, storeLoadMs: 0, saveMs: Number.NaN, stats: undefined as ParserStats | undefined, saved: Promise.resolve() };
  const fs = createFsHost([options.root]);
  const problems: string[] = [];
  const engine = new LiveEngine(events, {
    workspace: {
      listFiles: async (config) => {
        const files = await fs.listFiles(config);
        measured.files = files.length;
        return files;
      },
      readFile: (uri) => fs.readFile(uri),
      relativePath: (uri) => relative(options.root, fsPathOf(uri)).split(sep).join('/'),
      buffers: () => buffers,
      bufferOf: (buffer) => buffer,
      loadConfig: async () => ({ config: await loadConfig(options.root) }),
    },
    logger: recordingLogger(problems),
    scheduler: clock,
    createParser: (config) => {
      const start = performance.now();
      const parser = parsing.createParser(config) as ReturnType<typeof parsing.createParser> & { stats?: ParserStats };
      measured.storeLoadMs = performance.now() - start;
      measured.stats = parser.stats;
      const save = parser.save?.bind(parser);
      return Object.assign(parser, {
        save: async () => {
          const t = performance.now();
          measured.saved = save ? save() : Promise.resolve();
          await measured.saved;
          measured.saveMs = performance.now() - t;
        },
      });
    },
    extractChunks: async (config, texts) => {
      options.onExtract?.('start');
      const models = await parsing.extractChunks(config, texts);
      options.onExtract?.('answer');
      return models;
    },
  });
  engine.start();
  return {
    engine,
    events,
    clock,
    measured,
    /** Throws when the engine logged a warning or an error. */
    checkLog() {
      if (problems.length > 0) throw new Error(`the live engine reported problems:\n${problems.join('\n')}`);
    },
    open(buffer: BenchBuffer) {
      buffers.add(buffer);
      events.opened.fire(buffer);
    },
    dispose() {
      engine.dispose();
      parsing.dispose();
    },
  };
}
