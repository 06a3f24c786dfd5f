import type { Config } from '../config';
import type { DocModel } from '../model';
import type { ParseInput } from '../parse/parseDocument';

/** A file the host found, with its path relative to its workspace folder (what globs match). */
export interface WorkspaceFile {
  readonly uri: string;
  readonly path: string;
  /**
   * Why this entry (a file, or a folder whose files are unknown) could not be listed or read: it
   * is reported as `unreadable-file` instead of being read, and the scan goes on.
   */
  readonly unreadable?: string;
}

/** The first bytes of a file and its whole size, read without reading the rest. */
export interface FileHead {
  readonly head: Uint8Array;
  readonly size: number;
}

/**
 * What the core needs from its host (Node's fs in the CLI, vscode.workspace.fs in the editor,
 * a Map in tests). The core never touches a file system itself.
 */
export interface WorkspaceHost {
  /** Files under the workspace folders that the include/exclude globs admit. */
  listFiles(config: Config): Promise<readonly WorkspaceFile[]>;
  readFile(uri: string): Promise<Uint8Array>;
  /**
   * Optional: the file's first `length` bytes and its size. With it, a scan decides from the
   * head whether a file is a PR/FAQ or design doc and reads the rest only when it is one that
   * is not over the size limit; without it, files are read whole.
   */
  readHead?(uri: string, length: number): Promise<FileHead>;
}

/**
 * Turns inputs into models. In-process for tests and the browser; a worker pool with a time
 * budget and a persistent cache on Node. Must give the same models as `parseDocument`.
 */
export interface DocumentParser {
  parse(inputs: readonly ParseInput[]): Promise<ReadonlyArray<DocModel | undefined>>;
  dispose?(): void;
}
