import { execFile } from 'node:child_process';

function gitConfig(cwd: string, key: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', key], { cwd, timeout: 3000, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });
}

/** git's user.name / user.email as seen from a folder (its repository's config, then the global one). */
export async function gitIdentity(cwd: string): Promise<{ name?: string; email?: string }> {
  const [name, email] = await Promise.all([gitConfig(cwd, 'user.name'), gitConfig(cwd, 'user.email')]);
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}
