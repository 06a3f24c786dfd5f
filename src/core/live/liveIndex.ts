import type { Config } from '../config';
import type { IndexQueries } from '../index/indexQueries';
import type { IndexChange } from '../index/workspaceIndex';
import type { DocModel } from '../model';
import type { Event } from './events';

export type LiveState = 'scanning' | 'ready';

/**
 * What features see of the live index: queries, change events and the model of an open
 * document. Updating the index is the engine's business alone.
 */
export interface LiveIndex<D> {
  readonly index: IndexQueries;
  /** Fires (coalesced) with the documents whose findings or views may have changed. */
  readonly onDidChange: Event<IndexChange>;
  readonly onDidChangeState: Event<LiveState>;
  readonly state: LiveState;
  /** Settles when the latest scan has finished (the index then holds every file of the workspace). */
  readonly ready: Promise<void>;
  /** The configuration of the latest scan (the defaults before the first). */
  readonly config: Config;
  readonly configurationError: string | undefined;
  /** What restricted mode holds back (a workspace-defined ID pattern), shown in the Coverage view. */
  readonly restriction: string | undefined;
  /**
   * The model of an open document as it is now: a pending (debounced) parse of that document
   * is run first, so features never answer from stale positions. Undefined when the document
   * is not a PR/FAQ or design doc.
   */
  modelFor(document: D): Promise<DocModel | undefined>;
  /** Re-reads the configuration and every file (the Refresh command); settles when done. */
  rescan(): Promise<void>;
}
