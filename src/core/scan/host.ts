import type { Config } from '../config';
import type { DocModel } from '../model';
import type { ParseInput } from '../parse/parseDocument';

/** A file the host found, with its path relative to its workspace folder (what globs match). */
export interface WorkspaceFile {
  readonly uri: string;
  readonly path: string;
}

/**
 * What the core needs from its host (Node's fs in the CLI, vscode.workspace.fs in the editor,
 * a Map in tests). The core never touches a file system itself.
 */
export interface WorkspaceHost {
  /** Files under the workspace folders that the include/exclude globs admit. */
  listFiles(config: Config): Promise<readonly WorkspaceFile[]>;
  readFile(uri: string): Promise<Uint8Array>;
}

/**
 * Turns inputs into models. In-process for tests and the browser; a worker pool with a time
 * budget and a persistent cache on Node. Must give the same models as `parseDocument`.
 */
export interface DocumentParser {
  parse(inputs: readonly ParseInput[]): Promise<ReadonlyArray<DocModel | undefined>>;
  dispose?(): void;
}
