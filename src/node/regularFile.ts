import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** A file refused without reading: not a regular file (a FIFO, a device, a socket, a folder), or too large. */
export class RefusedFileError extends Error {}

/** The kind of a non-regular file, for messages. */
export function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** One line for an fs error: "permission denied (EACCES)" instead of a stack or an absolute path. */
export function describeFsError(error: unknown): string {
  if (error instanceof RefusedFileError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Readonly<Record<string, string>> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ELOOP: 'too many levels of symbolic links (a symbolic link loop)',
    ENAMETOOLONG: 'the path is too long',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'is a folder',
    EIO: 'input/output error',
    EMFILE: 'too many open files',
  };
  const reason = code ? reasons[code] : undefined;
  if (reason) return `${reason} (${code})`;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 200);
}

export interface FileHead {
  readonly head: Uint8Array;
  /** The file's size when it was opened. */
  readonly size: number;
}

/**
 * Reads the first `length` bytes of a regular file and its size. The file is opened with
 * O_NONBLOCK and its type is checked on the open handle, so a FIFO or device never blocks the
 * thread and cannot be swapped in between a check and the read. Throws RefusedFileError for
 * anything that is not a regular file.
 */
export function readFileHead(path: string, length: number): FileHead {
  // O_NONBLOCK is undefined on Windows, where opening a pipe by path does not block.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new RefusedFileError(`${kindOf(info)}, not a regular file`);
    const wanted = Math.max(0, Math.min(length, info.size));
    const head = new Uint8Array(wanted);
    let read = 0;
    while (read < wanted) {
      const n = readSync(fd, head, read, wanted - read, read);
      if (n === 0) break; // the file shrank since fstat
      read += n;
    }
    return { head: read === wanted ? head : head.subarray(0, read), size: info.size };
  } finally {
    closeSync(fd);
  }
}

/** Reads a whole regular file, refusing one over `maxBytes` (and FIFOs and devices, see readFileHead). */
export function readRegularFile(path: string, maxBytes = Number.MAX_SAFE_INTEGER): Uint8Array {
  const { head, size } = readFileHead(path, maxBytes);
  if (size > maxBytes) throw new RefusedFileError(`${size} bytes, over the ${maxBytes}-byte limit`);
  return head;
}
