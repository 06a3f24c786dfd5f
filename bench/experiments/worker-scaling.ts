/**
 * Where the all-docs cold index's time goes: parses every PR/FAQ and design doc of a generated
 * workspace through the product's WorkerPool (dist/parseWorker.js) with 1 and 2 workers and with
 * a larger young generation, against the single-thread remark floor on the same files.
 *
 *   npm run build && npx tsx bench/experiments/worker-scaling.ts <manifest.json>
 * (a manifest from `npm run bench -- --keep`, or bench/experiments/generate.ts)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createIdMatcher, DEFAULT_ID_PATTERN, parseDocument } from '../../src/core/api';
import { WorkerPool } from '../../src/node/workerPool';
import type { Manifest } from '../generate';

const manifest = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as Manifest;
const script = join(__dirname, '..', '..', 'dist', 'parseWorker.js');
const docs = manifest.files.filter((f) => f.kind !== 'ordinary').map((f) => ({ uri: `file://${join(manifest.root, f.path)}`, text: readFileSync(join(manifest.root, f.path), 'utf8') }));
const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, { singleTilde: false }).freeze();

function cpuMs(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

async function pooled(workers: number, limits: ConstructorParameters<typeof WorkerPool>[2]): Promise<string> {
  const pool = new WorkerPool(script, workers, limits);
  await Promise.all(Array.from({ length: workers }, () => pool.run({ op: 'chunks', texts: ['# warm\n'], idPattern: DEFAULT_ID_PATTERN }, 60_000)));
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(docs.map((input) => pool.run({ op: 'parse', input, idPattern: DEFAULT_ID_PATTERN, maxFileSize: 2_000_000 }, 60_000)));
  const wall = performance.now() - start;
  const used = cpuMs(cpu);
  pool.dispose();
  return `${(wall / 1000).toFixed(2)} s wall, ${(used / 1000).toFixed(2)} s CPU`;
}

async function main(): Promise<void> {
  const bytes = docs.reduce((s, d) => s + d.text.length, 0);
  console.log(`${docs.length} docs, ${(bytes / 1e6).toFixed(1)} MB`);
  for (const d of docs.slice(0, 8)) remark.parse(d.text);
  let cpu = process.cpuUsage();
  let start = performance.now();
  for (const d of docs) remark.parse(d.text);
  console.log(`remark floor, main thread: ${((performance.now() - start) / 1000).toFixed(2)} s wall, ${(cpuMs(cpu) / 1000).toFixed(2)} s CPU`);
  const ids = createIdMatcher();
  cpu = process.cpuUsage();
  start = performance.now();
  for (const d of docs) parseDocument(d, { ids, maxFileSize: 2_000_000 });
  console.log(`parseDocument (chunked + extraction), main thread: ${((performance.now() - start) / 1000).toFixed(2)} s wall, ${(cpuMs(cpu) / 1000).toFixed(2)} s CPU`);
  console.log(`pool, 1 worker, product limits: ${await pooled(1, { maxOldGenerationSizeMb: 1024 })}`);
  console.log(`pool, 2 workers, product limits: ${await pooled(2, { maxOldGenerationSizeMb: 1024 })}`);
  console.log(`pool, 2 workers, young generation 64 MB: ${await pooled(2, { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 })}`);
}

void main();
