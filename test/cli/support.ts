// Helpers shared by the CLI tests: files written into a temporary root, and the built CLI (dist/cli.js) run on it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const builtCli = join(__dirname, '..', '..', 'dist', 'cli.js');

/** Writes each `path: text` under root (creating folders) and returns root. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Runs the built CLI with args in cwd. */
export function runBuiltCli(args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [builtCli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
