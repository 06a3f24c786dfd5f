import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'vscode-uri';
import { isCandidate, isScanned, type Config, type WorkspaceFile, type WorkspaceHost } from '../core/api';

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** The normalized URI string of a file path (the same spelling the core's normalizeUri gives). */
export function fileUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

export function fsPathOf(uri: string): string {
  return fileURLToPath(uri);
}

/** A directory is skipped when anything inside it would be excluded (prunes node_modules, .git). */
function directoryExcluded(relativeDir: string, config: Config): boolean {
  return !isScanned(`${relativeDir}/x.md`, { ...config, include: ['**'] });
}

/**
 * The Node file system as a workspace: each root is a folder (walked, symlinked folders not
 * followed) or a single file. Paths for globs are relative to the root folder.
 */
export function createFsHost(roots: readonly string[]): WorkspaceHost {
  return {
    async listFiles(config: Config): Promise<WorkspaceFile[]> {
      const files: WorkspaceFile[] = [];
      for (const root of roots) {
        const info = await stat(root);
        if (info.isFile()) {
          files.push({ uri: fileUri(root), path: toPosix(root.split(sep).pop() ?? root) });
          continue;
        }
        const pending = [root];
        while (pending.length > 0) {
          const dir = pending.pop() as string;
          const entries = await readdir(dir, { withFileTypes: true });
          for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
            const full = join(dir, entry.name);
            const rel = toPosix(relative(root, full));
            if (entry.isDirectory()) {
              if (!directoryExcluded(rel, config)) pending.push(full);
            } else if (entry.isFile() && isCandidate(rel, config)) {
              files.push({ uri: fileUri(full), path: rel });
            }
          }
        }
      }
      return files;
    },
    // A synchronous read is twice as fast as libuv's thread pool for many small files; the scan
    // reads in batches, so the thread is held for one batch at a time.
    async readFile(uri: string): Promise<Uint8Array> {
      return readFileSync(fsPathOf(uri));
    },
  };
}
