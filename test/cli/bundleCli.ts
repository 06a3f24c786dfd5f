import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const repo = join(__dirname, '..', '..');

/**
 * Bundles the CLI and its parse worker the way esbuild.config.mjs does, into a folder of its
 * own (dist/ is shared with other test runs), and returns a runner for the bundle.
 */
export function bundleCli(): { dir: string; run(args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } } {
  const dir = mkdtempSync(join(tmpdir(), 'prfaq-cli-bundle-'));
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', absWorkingDir: repo, define: { PRFAQ_TRACE_VERSION: '"0.0.0-test"' } } as const;
  buildSync({ ...common, entryPoints: ['src/cli/main.ts'], outfile: join(dir, 'cli.js') });
  buildSync({ ...common, entryPoints: ['src/node/parseWorker.ts'], outfile: join(dir, 'parseWorker.js') });
  return {
    dir,
    run(args, cwd) {
      const result = spawnSync(process.execPath, [join(dir, 'cli.js'), ...args], { cwd, encoding: 'utf8' });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  };
}
