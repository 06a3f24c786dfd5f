/**
 * Why an edit in a document with no H1/H2 heading (one 147 KB chunk) takes longer than a full
 * parse: extracts that chunk repeatedly on the main thread and in a one-worker pool (the
 * extension's edit pool) with the product's resource limits, a larger young generation, and
 * no limits.
 *
 *   npm run build && npx tsx bench/experiments/offload.ts
 */
import { join } from 'node:path';
import { createIdMatcher, DEFAULT_ID_PATTERN } from '../../src/core/api';
import { extractChunk } from '../../src/core/parsing';
import { WorkerPool } from '../../src/node/workerPool';
import { keystrokeDocs } from '../generate';
import { median } from '../lib';

const script = join(__dirname, '..', '..', 'dist', 'parseWorker.js');
const flat = keystrokeDocs(20251125).find((d) => !d.sectioned);
if (!flat) throw new Error('no flat doc');
const text = flat.text;
const RUNS = 12;

async function inPool(label: string, limits: ConstructorParameters<typeof WorkerPool>[2]): Promise<void> {
  const pool = new WorkerPool(script, 1, limits);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A different text each time, as when typing (the worker never sees the same chunk twice).
    const chunk = `${text}${'x'.repeat(i)}\n`;
    const start = performance.now();
    await pool.run({ op: 'chunks', texts: [chunk], idPattern: DEFAULT_ID_PATTERN }, 60_000);
    times.push(performance.now() - start);
  }
  pool.dispose();
  console.log(`${label.padEnd(48)} median ${median(times.slice(2)).toFixed(0)} ms (first ${times[0]?.toFixed(0)} ms)`);
}

async function main(): Promise<void> {
  console.log(`flat doc: ${text.length} chars`);
  const ids = createIdMatcher();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    extractChunk(`${text}${'x'.repeat(i)}\n`, ids);
    times.push(performance.now() - start);
  }
  console.log(`${'main thread'.padEnd(48)} median ${median(times.slice(2)).toFixed(0)} ms (first ${times[0]?.toFixed(0)} ms)`);
  await inPool('worker, product limits (old 1024 MB)', { maxOldGenerationSizeMb: 1024 });
  await inPool('worker, old 1024 MB + young 64 MB', { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 });
  await inPool('worker, no resource limits', {});
}

void main();
