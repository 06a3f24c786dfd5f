import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'vscode-uri';
import { isCandidate, isScanned, type Config, type WorkspaceFile, type WorkspaceHost } from '../core/api';
import type { FileHead } from '../core/scan/host';
import { describeFsError, readFileHead, readRegularFile } from './regularFile';

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
 * followed) or a single file. Paths for globs are relative to the root folder. A folder that
 * cannot be listed (permissions, removed during the scan, a path beyond PATH_MAX) is returned
 * as an unreadable entry and the walk goes on; FIFOs, devices and sockets are never opened.
 */
export function createFsHost(roots: readonly string[]): WorkspaceHost {
  return {
    async listFiles(config: Config): Promise<WorkspaceFile[]> {
      const files: WorkspaceFile[] = [];
      for (const root of roots) {
        let info;
        try {
          info = await stat(root);
        } catch (error) {
          files.push({ uri: fileUri(root), path: toPosix(basename(root)), unreadable: `could not be read: ${describeFsError(error)}` });
          continue;
        }
        if (!info.isDirectory()) {
          files.push({ uri: fileUri(root), path: toPosix(basename(root)) });
          continue;
        }
        const pending = [root];
        while (pending.length > 0) {
          const dir = pending.pop() as string;
          let entries;
          try {
            entries = await readdir(dir, { withFileTypes: true });
          } catch (error) {
            const rel = toPosix(relative(root, dir)) || '.';
            files.push({ uri: fileUri(dir), path: rel, unreadable: `folder could not be listed, its files are not analysed: ${describeFsError(error)}` });
            continue;
          }
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
    // Synchronous reads are twice as fast as libuv's thread pool for many small files; the scan
    // reads in batches, so the thread is held for one batch at a time. Both open the file
    // without blocking and refuse anything but a regular file (a FIFO would hang the read).
    async readFile(uri: string): Promise<Uint8Array> {
      return readAll(uri);
    },
    async readHead(uri: string, length: number): Promise<FileHead> {
      return readHeadOf(uri, length);
    },
  };
}

function readAll(uri: string): Uint8Array {
  try {
    return readRegularFile(fsPathOf(uri));
  } catch (error) {
    throw new Error(describeFsError(error));
  }
}

function readHeadOf(uri: string, length: number): FileHead {
  try {
    return readFileHead(fsPathOf(uri), length);
  } catch (error) {
    throw new Error(describeFsError(error));
  }
}
