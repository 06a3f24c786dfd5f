/**
 * Where a warm start's time goes, step by step, on a generated workspace whose model cache
 * exists (run the bench's cold index first, e.g. `node --expose-gc bench/dist/phases.cjs index
 * <manifest> /tmp/out.json <cacheDir> cold`). Compares the product's steps with cheaper
 * variants: globs compiled once, and no worker pool when every document is a cache hit.
 *
 *   npx tsx bench/experiments/warm-breakdown.ts <manifest.json> <cacheDir>
 */
import { readFileSync } from 'node:fs';
import { Minimatch } from 'minimatch';
import { classify, createCachingParser, decodeText, defaultConfig, indexWorkspace, WorkspaceIndex } from '../../src/core/api';
import { FileModelStore, sha1 } from '../../src/node/fileModelStore';
import { createFsHost } from '../../src/node/fsHost';
import { createWorkerParser } from '../../src/node/workerParser';
import { join } from 'node:path';
import type { Manifest } from '../generate';

const manifest = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as Manifest;
const cacheDir = process.argv[3] as string;
const script = join(__dirname, '..', '..', 'dist', 'parseWorker.js');

async function time<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(`${label.padEnd(62)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
  return result;
}

async function main(): Promise<void> {
  const host = createFsHost([manifest.root]);
  const config = defaultConfig;
  for (let round = 1; round <= 2; round++) {
    console.log(`-- round ${round}`);
    const files = await time('listFiles (fs host, minimatch per call)', () => host.listFiles(config));
    await time('  the same include/exclude test with globs compiled once', () => {
      const include = config.include.map((g) => new Minimatch(g, { dot: true }));
      const exclude = config.exclude.map((g) => new Minimatch(g, { dot: true }));
      return files.filter((f) => include.some((m) => m.match(f.path)) && !exclude.some((m) => m.match(f.path))).length;
    });
    await time('read all, fs/promises in batches of 64 (as indexWorkspace)', async () => {
      for (let i = 0; i < files.length; i += 64) await Promise.all(files.slice(i, i + 64).map((f) => host.readFile(f.uri)));
    });
    const texts = await time('read all, readFileSync + decode (the read floor)', () => files.map((f) => decodeText(readFileSync(new URL(f.uri))).text));
    const docs = await time('classify (frontmatter sniff)', () => texts.filter((t, i) => classify(t, (files[i] as { path: string }).path, config)));
    await time('sha1 of the analysed docs', () => docs.map((t) => sha1(t)));
    const store = await time('FileModelStore load (JSON.parse of the cache file)', () => new FileModelStore(cacheDir, config));
    const noParser = { parse: async (): Promise<never[]> => Promise.reject(new Error('cache miss')) };
    await time('indexWorkspace + allFindings, all hits, no worker pool', async () => {
      const index = new WorkspaceIndex();
      await indexWorkspace(host, config, createCachingParser(noParser, store, sha1), index);
      return index.allFindings().length;
    });
    await time('store load + indexWorkspace + allFindings, worker pool started', async () => {
      const parser = createCachingParser(createWorkerParser(config, { script }), new FileModelStore(cacheDir, config), sha1);
      const index = new WorkspaceIndex();
      await indexWorkspace(host, config, parser, index);
      parser.dispose?.();
      return index.allFindings().length;
    });
    await time('FileModelStore.save (sync JSON.stringify + write)', () => store.save());
  }
}

void main();
