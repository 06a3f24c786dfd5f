import type { CacheStats } from '../core/scan/cachingParser';
import type { FileModelStore } from '../node/fileModelStore';
import { describeFsError } from '../node/regularFile';

/**
 * Writes the model cache after a run. A cache is an optimisation: failing to write it (a
 * read-only folder, a file where the folder should be, a full disk) is a warning on stderr,
 * never a reason to throw away the finished report or change the exit code.
 */
export async function saveCache(store: FileModelStore, stats: CacheStats, dir: string, warn: (line: string) => void): Promise<void> {
  if (stats.rejected > 0) {
    warn(`prfaq-trace: warning: ${stats.rejected} model cache ${stats.rejected === 1 ? 'entry was' : 'entries were'} invalid and parsed again; the cache in ${dir} is rewritten`);
  }
  try {
    await store.save();
  } catch (error) {
    warn(`prfaq-trace: warning: could not save the model cache in ${dir}: ${describeFsError(error)}`);
  }
}
