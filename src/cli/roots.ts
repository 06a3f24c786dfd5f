import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { ConfigError } from '../core/api';
import { describeFsError, kindOf } from '../node/regularFile';

export type RootKind = 'dir' | 'file';

/**
 * What each path argument is: a folder to walk or a file to check. Anything else (a FIFO, a
 * device, a socket, a missing path, a symbolic link loop) is a one-line ConfigError naming it.
 */
export async function rootKinds(roots: readonly string[], cwd: string): Promise<RootKind[]> {
  return Promise.all(
    roots.map(async (root) => {
      const shown = relative(cwd, root) || root;
      let info;
      try {
        info = await stat(root);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ConfigError(`no such file or folder: ${shown}`);
        throw new ConfigError(`cannot check ${shown}: ${describeFsError(error)}`);
      }
      if (info.isDirectory()) return 'dir';
      if (info.isFile()) return 'file';
      throw new ConfigError(`cannot check ${shown}: it is ${kindOf(info)}, not a file or folder`);
    }),
  );
}
