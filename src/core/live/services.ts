import type { ChunkModel } from '../parse/chunkModel';
import type { Config } from '../config';
import type { DocumentParser, WorkspaceHost } from '../scan/host';
import type { OpenBuffer } from './events';

/** Timers for debouncing and coalescing; tests pass a fake clock. */
export interface Scheduler {
  /** Runs `callback` once after `ms` milliseconds; calling the result cancels it. */
  schedule(callback: () => void, ms: number): () => void;
}

export const timerScheduler: Scheduler = {
  schedule(callback, ms) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

/** Where the engine says what went wrong (the editor's Output channel "PR/FAQ Trace"); VS Code's LogOutputChannel is one. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The configuration as the host resolves it (the CLI's file, the editor's settings over it). */
export interface LoadedConfig {
  readonly config: Config;
  /** A problem with the file or the settings; the defaults (or the file alone) are used meanwhile. */
  readonly error?: string;
  /** What restricted mode holds back (a workspace-defined ID pattern), shown to the user. */
  readonly restricted?: string;
}

/** Files on disk and the editor's buffers, as the engine needs them. */
export interface LiveWorkspaceHost<D> extends WorkspaceHost {
  /** Path of a URI relative to its workspace folder (what globs match); undefined outside every folder. */
  relativePath(uri: string): string | undefined;
  /** The buffers open now. */
  buffers(): Iterable<D>;
  /** Reads a document of the host's type as the engine sees it. */
  bufferOf(document: D): OpenBuffer;
  loadConfig(): Promise<LoadedConfig>;
}

/** A parser for scans and files changed on disk: a worker pool with a persistent cache on desktop, in-process in the browser. */
export type ParserFactory = (config: Config) => DocumentParser & { save?(): Promise<void> };

/** Extracts chunk models off the calling thread (a worker on desktop), for edits that leave much to re-parse. */
export type ChunkExtractor = (config: Config, texts: readonly string[]) => Promise<ChunkModel[]>;

export interface LiveServices<D> {
  readonly workspace: LiveWorkspaceHost<D>;
  readonly logger: Logger;
  /** Defaults to the in-process parser. */
  readonly createParser?: ParserFactory;
  /** Without it, every edit is parsed on the calling thread. */
  readonly extractChunks?: ChunkExtractor;
  /** Defaults to setTimeout. */
  readonly scheduler?: Scheduler;
  /** Tells the user (a notification); the log has the details. */
  readonly alert?: (severity: 'warning' | 'error', message: string) => void;
}
