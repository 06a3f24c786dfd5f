import { createCachingParser, type ChunkExtractor, type Config, type ParserFactory } from '../core/api';
import { FileModelStore, sha1 } from './fileModelStore';
import { createWorkerParser, type WorkerParser } from './workerParser';

export interface DesktopParsingOptions {
  /** Where parsed models persist between sessions (the extension's storage folder); no cache without it. */
  readonly storageDir?: string;
  /** The bundled worker script (defaults to parseWorker.js beside the running bundle). */
  readonly script?: string;
}

export interface DesktopParsing {
  readonly createParser: ParserFactory;
  readonly extractChunks: ChunkExtractor;
  dispose(): void;
}

/**
 * The live engine's parsing on Node (the desktop extension and the benchmark): a worker pool
 * per scan, with models cached in the storage folder, and a one-worker pool for large edits.
 */
export function desktopParsing(options: DesktopParsingOptions = {}): DesktopParsing {
  const script = options.script === undefined ? {} : { script: options.script };
  let editParser: { config: Config; parser: WorkerParser } | undefined;
  return {
    createParser(config) {
      const parser = createWorkerParser(config, script);
      if (!options.storageDir) return parser;
      const store = new FileModelStore(options.storageDir, config);
      return Object.assign(createCachingParser(parser, store, sha1), { save: () => store.save() });
    },
    extractChunks(config, texts) {
      if (editParser?.config !== config) {
        editParser?.parser.dispose();
        editParser = { config, parser: createWorkerParser(config, { workers: 1, ...script }) };
      }
      return editParser.parser.extractChunks(texts);
    },
    dispose: () => editParser?.parser.dispose(),
  };
}
