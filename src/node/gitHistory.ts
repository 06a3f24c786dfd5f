import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import { decodeText, type FileHistory, type FileVersion } from '../core/api';
import { fsPathOf } from './fsHost';

/** Why git could not be asked (not installed, not a repository): the message says what to do. */
export class GitUnavailableError extends Error {}

const TIMEOUT_MS = 10_000;
/** Files over the parser's size limit are not analysed anyway; this keeps `git show` bounded. */
const MAX_BUFFER = 64 * 1024 * 1024;

function git(cwd: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, timeout: TIMEOUT_MS, maxBuffer: MAX_BUFFER, windowsHide: true, encoding: 'buffer' }, (error, stdout, stderr) => {
      if (!error) resolve(stdout);
      else if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new GitUnavailableError('git is not installed (or not on PATH)'));
      else reject(new Error(`git ${args[0]} failed: ${stderr.toString('utf8').trim().split('\n')[0] || error.message}`));
    });
  });
}

/** The commits that touched `path` (following renames), newest first, with the path it had in each. */
async function commitsOf(top: string, path: string, limit: number): Promise<Array<{ commit: string; date: string; path: string }>> {
  const log = (await git(top, ['log', `--max-count=${limit}`, '--follow', '--format=%x00%H %cI', '--name-only', '--', path])).toString('utf8');
  const out: Array<{ commit: string; date: string; path: string }> = [];
  for (const entry of log.split('\0').slice(1)) {
    const [head = '', ...rest] = entry.split('\n');
    const [commit = '', date = ''] = head.split(' ');
    const at = rest.find((line) => line.trim() !== '');
    if (commit && at) out.push({ commit, date, path: at });
  }
  return out;
}

/**
 * A file's committed versions from git, newest first: `git log --follow` for the commits that
 * touched it, `git show <commit>:<path>` for each text. For file: URIs in a git work tree;
 * GitUnavailableError when git is missing or the file is not in a repository.
 */
export function createGitHistory(): FileHistory {
  return {
    async *versions(uri: string, limit: number): AsyncIterable<FileVersion> {
      if (!uri.startsWith('file:')) throw new GitUnavailableError('the file is not on the local disk, so its git history is not available');
      // git prints the work tree's real path; compare like with like (symlinked temp folders).
      const file = await realpath(fsPathOf(uri)).catch(() => fsPathOf(uri));
      let top: string;
      try {
        top = (await git(dirname(file), ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
      } catch (error) {
        if (error instanceof GitUnavailableError) throw error;
        throw new GitUnavailableError(`${file} is not in a git repository`);
      }
      const path = relative(top, file).split(sep).join('/');
      for (const { commit, date, path: then } of await commitsOf(top, path, limit)) {
        let bytes: Buffer;
        try {
          bytes = await git(top, ['show', `${commit}:${then}`]);
        } catch {
          continue; // deleted in that commit
        }
        yield { commit, date, text: decodeText(bytes).text };
      }
    },
  };
}

