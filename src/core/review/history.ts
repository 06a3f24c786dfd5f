import type { DocModel } from '../model';
import { requirementSource } from './requirementSource';

/** One committed version of a file. */
export interface FileVersion {
  readonly commit: string;
  /** Commit time, ISO 8601. */
  readonly date: string;
  readonly text: string;
}

/**
 * Earlier versions of files, newest first: git on the desktop and in the CLI (src/node/gitHistory.ts);
 * absent in the browser, where "Show what changed" shows the current text and the stamp's date.
 */
export interface FileHistory {
  versions(uri: string, limit: number): AsyncIterable<FileVersion>;
}

export interface ReviewedText {
  readonly version: FileVersion;
  /** The requirement's source in that version (requirementSource). */
  readonly source: string;
}

/**
 * The requirement `id` as it read when it had `fingerprint` (a review stamp's): the newest version
 * of the PR/FAQ in `history` whose parse gives the requirement that fingerprint. `parse` is the
 * host's parser with the workspace's configuration.
 */
export async function findReviewedText(
  history: FileHistory,
  uri: string,
  id: string,
  fingerprint: string,
  parse: (text: string) => DocModel | undefined,
  limit = 200,
): Promise<ReviewedText | undefined> {
  for await (const version of history.versions(uri, limit)) {
    const doc = parse(version.text);
    const requirement = doc?.requirements.find((r) => r.id === id);
    if (!doc || requirement?.fingerprint !== fingerprint) continue;
    const source = requirementSource(version.text, doc, id);
    if (source !== undefined) return { version, source };
  }
  return undefined;
}
