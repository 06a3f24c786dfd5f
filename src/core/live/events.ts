/**
 * What the live engine listens to, in the style of vscode-markdown-languageservice's IWorkspace
 * and Foam's IWatcher: the editor's buffers, the files on disk, the configuration. The editor
 * adapter forwards VS Code's events; tests fire them by hand.
 */

export interface Disposable {
  dispose(): void;
}

/** Subscribes a listener; disposing the result unsubscribes it (VS Code's Event is one). */
export type Event<T> = (listener: (value: T) => void) => Disposable;

/** An editor buffer as the engine reads it: a snapshot, taken each time the engine looks. */
export interface OpenBuffer {
  /** Any spelling of the URI: the engine normalizes it. */
  readonly uri: string;
  readonly languageId: string;
  /** Grows with every edit: a model parsed from an older version is stale. */
  readonly version: number;
  /** Holds edits the disk does not have: its text wins over the file's. */
  readonly isDirty: boolean;
  readonly isClosed: boolean;
  getText(): string;
}

/**
 * A change of settings (`affects('prfaqTrace.include')`), or of the workspace itself (folders
 * added or removed, trust granted: everything is affected).
 */
export interface ConfigurationChange {
  affects(key: string): boolean;
}

export const workspaceChanged: ConfigurationChange = { affects: () => true };

/** The event source of the live engine; `D` is the host's document type (vscode.TextDocument in the editor). */
export interface LiveEvents<D> {
  readonly onDidOpenBuffer: Event<D>;
  readonly onDidChangeBuffer: Event<D>;
  readonly onDidSaveBuffer: Event<D>;
  readonly onDidCloseBuffer: Event<D>;
  /** File URIs created, changed or deleted on disk (a deleted folder arrives as one URI). */
  readonly onDidCreateFile: Event<string>;
  readonly onDidChangeFile: Event<string>;
  readonly onDidDeleteFile: Event<string>;
  readonly onDidChangeConfiguration: Event<ConfigurationChange>;
}
