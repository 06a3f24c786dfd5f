/**
 * Writes one of the benchmark's workspaces (same generator and seeds as `npm run bench`) and its
 * manifest, for the experiments in this folder.
 *
 *   npx tsx bench/experiments/generate.ts <W500|W5000|A500> <dir> [seed]
 * writes <dir>/<name>/ and <dir>/<name>.manifest.json
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateWorkspace } from '../generate';

const [name, dir, seedArg] = process.argv.slice(2);
const seed = seedArg ? Number(seedArg) : 20251125;
const specs: Record<string, { files: number; docShare: number; offset: number }> = {
  W500: { files: 500, docShare: 0.1, offset: 0 },
  W5000: { files: 5000, docShare: 0.1, offset: 1 },
  A500: { files: 500, docShare: 1, offset: 2 },
};
const spec = name ? specs[name] : undefined;
if (!spec || !dir) throw new Error('usage: generate.ts <W500|W5000|A500> <dir> [seed]');
const root = join(dir, name as string);
rmSync(root, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const manifest = generateWorkspace(root, {
  name: name as string,
  files: spec.files,
  docShare: spec.docShare,
  seed: seed + spec.offset,
  keystrokeDocs: spec.docShare < 1,
  keystrokeSeed: seed,
});
writeFileSync(join(dir, `${name}.manifest.json`), JSON.stringify(manifest));
console.log(`${manifest.files.length} files, ${(manifest.totalBytes / 1e6).toFixed(1)} MB; ${manifest.docCount} docs, ${(manifest.docBytes / 1e6).toFixed(1)} MB → ${root}`);
