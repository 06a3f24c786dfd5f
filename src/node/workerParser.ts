import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Config, DocModel, DocumentParser, ParseInput } from '../core/api';
import { sniffedKind, unparsedModel, type ChunkModel } from '../core/parsing';
import { TaskTimeoutError, WORKER_HEAP_MB, WorkerOutOfMemoryError, WorkerPool } from './workerPool';
import type { WorkerRequest } from './workerProtocol';

/** A document whose parse takes longer than this is abandoned with a parse-failed finding. */
export const DEFAULT_PARSE_BUDGET_MS = 10_000;

export interface WorkerParserOptions {
  readonly workers?: number;
  readonly budgetMs?: number;
  /** Heap limit of each worker in MB (default WORKER_HEAP_MB). */
  readonly heapMb?: number;
  /** The bundled worker script; defaults to parseWorker.js beside the running bundle. */
  readonly script?: string;
}

/**
 * At most this many workers by default, whatever the core count: each may use WORKER_HEAP_MB,
 * so the scan's peak memory is bounded (4 × 512 MB) instead of growing with the machine.
 */
export const MAX_DEFAULT_WORKERS = 4;

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), MAX_DEFAULT_WORKERS));
}

export function defaultWorkerScript(): string {
  return join(__dirname, 'parseWorker.js');
}

export interface WorkerParser extends DocumentParser {
  /** Extracts chunk models off the main thread (the editor's path for large edits). */
  extractChunks(texts: readonly string[]): Promise<ChunkModel[]>;
  dispose(): void;
}

/** Parses in worker threads sized to the cores, each document within a time budget. */
export function createWorkerParser(config: Config, options: WorkerParserOptions = {}): WorkerParser {
  const heapMb = options.heapMb ?? WORKER_HEAP_MB;
  const pool = new WorkerPool(options.script ?? defaultWorkerScript(), options.workers ?? defaultWorkerCount(), { maxOldGenerationSizeMb: heapMb });
  const budget = options.budgetMs ?? DEFAULT_PARSE_BUDGET_MS;
  const parseOne = async (input: ParseInput): Promise<DocModel | undefined> => {
    const request: WorkerRequest = { op: 'parse', input, idPattern: config.idPattern, maxFileSize: config.maxFileSize };
    try {
      return await pool.run<DocModel | undefined>(request, budget);
    } catch (error) {
      const kind = sniffedKind(input);
      if (!kind) return undefined;
      const why =
        error instanceof TaskTimeoutError
          ? `parsing took longer than ${budget / 1000} s and was abandoned (the document may be pathologically nested or huge)`
          : error instanceof WorkerOutOfMemoryError
            ? `parsing needed more than ${heapMb} MB of memory and was abandoned (the document may be pathologically dense)`
            : `could not parse this document: ${(error as Error).message}`;
      return unparsedModel(input, kind, why);
    }
  };
  return {
    parse: (inputs) => Promise.all(inputs.map(parseOne)),
    extractChunks: (texts) => pool.run<ChunkModel[]>({ op: 'chunks', texts, idPattern: config.idPattern } satisfies WorkerRequest, budget),
    dispose: () => pool.dispose(),
  };
}
