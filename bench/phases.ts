/**
 * Measurement phases, each run by the orchestrator (bench/run.ts) in its own fresh
 * `node --expose-gc` process so heap and RSS numbers belong to one job:
 *
 *   floors    read every file; remark-parse the PR/FAQs and design docs on one thread
 *   index     the extension's index path (the core live engine with the desktop parsing services),
 *             cold (empty cache dir) or warm (cache from cold)
 *   keystroke the live engine's per-edit path, driven through its event source, in the built index
 *   peer      vscode-markdown-languageservice link diagnostics over the same workspace
 *
 * Usage: node --expose-gc bench/dist/phases.cjs <phase> <manifest.json> <out.json> [cacheDir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  CHANGE_COALESCE_MS,
  createIdMatcher,
  decodeText,
  inputFor,
  parseDocument,
  TYPING_DEBOUNCE_MS,
  type IndexChange,
} from '../src/core/api';
import { RetainingChunkCache, uncachedChunks } from '../src/core/parsing';
import { fileUri } from '../src/node/fsHost';
import { defaultWorkerCount } from '../src/node/workerParser';
import type { Manifest } from './generate';
import { BlockMonitor, collect, max, median, sleep } from './lib';
import { BenchBuffer, benchEngine, type BenchEngineOptions } from './liveHost';

/** The worker script `npm run build` bundles (the pool needs it; the bench bundle is elsewhere). */
const WORKER_SCRIPT = join(__dirname, '..', '..', 'dist', 'parseWorker.js');

/** The remark pipeline of src/core/text/markdownTree.ts, built here so the floor is independent of the core. */
const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, { singleTilde: false }).freeze();

function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** CPU time of the whole process (every thread, workers included) since `from`. */
function cpuMsSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

// ---------------------------------------------------------------------------------------------
// floors

async function floors(manifest: Manifest): Promise<Record<string, unknown>> {
  const paths = manifest.files.map((f) => join(manifest.root, f.path));
  const readPass = () => {
    const start = performance.now();
    let chars = 0;
    for (const path of paths) chars += decodeText(readFileSync(path)).text.length;
    return { ms: performance.now() - start, chars };
  };
  const reads = [readPass(), readPass(), readPass()].map((r) => r.ms);

  const docs = manifest.files.filter((f) => f.kind !== 'ordinary').map((f) => readFileSync(join(manifest.root, f.path), 'utf8'));
  // Warm the parser's code paths on a few docs (the cold index's workers pay this too, once).
  for (const text of docs.slice(0, 8)) remark.parse(text.slice(0, 20_000));
  const cpu = process.cpuUsage();
  const start = performance.now();
  let slowest = 0;
  for (const text of docs) {
    const t = performance.now();
    remark.parse(text);
    slowest = Math.max(slowest, performance.now() - t);
  }
  const remarkMs = performance.now() - start;
  const remarkCpuMs = cpuMsSince(cpu);
  return { readMs: median(reads), readRunsMs: reads, remarkMs, remarkCpuMs, remarkSlowestDocMs: slowest, remarkDocs: docs.length, maxRssBytes: maxRssBytes() };
}

// ---------------------------------------------------------------------------------------------
// index: the extension's index path, the core live engine with the desktop parsing services
// (src/node/desktopParsing.ts, as src/extension.ts starts it), Node's fs instead of vscode.workspace.fs

async function startIndexed(root: string, cacheDir: string, onExtract?: BenchEngineOptions['onExtract']) {
  const bench = benchEngine({ root, cacheDir, script: WORKER_SCRIPT, ...(onExtract ? { onExtract } : {}) });
  await bench.engine.ready;
  return bench;
}

async function indexPhase(manifest: Manifest, cacheDir: string, mode: string): Promise<Record<string, unknown>> {
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const monitor = new BlockMonitor().start();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const bench = await startIndexed(manifest.root, cacheDir);
  const indexMs = performance.now() - start;
  const cpuMs = cpuMsSince(cpu);
  const blockedMs = monitor.stop();
  const index = bench.engine.index;
  const t = performance.now();
  const findings = index.allFindings();
  const allFindingsMs = performance.now() - t;
  // The engine saves the model cache when its scan ends, without waiting for it.
  await bench.measured.saved;
  bench.checkLog();
  const stats = { hits: bench.measured.stats?.hits ?? 0, misses: bench.measured.stats?.misses ?? 0 };
  // What stays is what the extension keeps: the engine (index, disk parser and its cache store).
  await sleep(100);
  collect();
  const heapAfter = process.memoryUsage().heapUsed;
  const retained = {
    heapUsedBytes: heapAfter,
    heapRetainedBytes: heapAfter - heapBefore,
    docsInIndex: index.size,
  };
  const analysed = index.size;
  bench.dispose();
  return {
    mode,
    indexMs,
    cpuMs,
    blockedMs,
    saveMs: bench.measured.saveMs,
    storeLoadMs: bench.measured.storeLoadMs,
    allFindingsMs,
    files: bench.measured.files,
    analysed,
    findings: findings.length,
    cacheHits: stats.hits,
    cacheMisses: stats.misses,
    workers: defaultWorkerCount(),
    heapBaselineBytes: heapBefore,
    rssBaselineBytes: rssBefore,
    maxRssBytes: maxRssBytes(),
    ...retained,
  };
}

// ---------------------------------------------------------------------------------------------
// keystroke: the core live engine's buffer path, driven through its event source

const TYPED = 'ships weekly';

interface KeystrokeSample {
  readonly totalMs: number;
  /** Synchronous segments on the calling thread: each is one task in the extension host. */
  readonly segmentsMs: readonly number[];
  readonly viewsMs: number;
  readonly offloaded: boolean;
  readonly reparsedChars: number;
}

async function keystrokePhase(manifest: Manifest, cacheDir: string): Promise<Record<string, unknown>> {
  // The engine's chunk extractor, watched: whether a keystroke went to the worker, and when the worker answered.
  const watched: { extraction: { answeredAt: number } | undefined } = { extraction: undefined };
  const bench = await startIndexed(manifest.root, cacheDir, (event) => {
    if (event === 'start') watched.extraction = { answeredAt: Number.NaN };
    else if (watched.extraction) watched.extraction.answeredAt = performance.now();
  });
  // Read through a call: the extractor's callback sets it while this function awaits.
  const extractionOf = () => watched.extraction;
  const { engine, events, clock } = bench;
  const config = engine.config;
  const index = engine.index;
  const options = { ids: createIdMatcher(config.idPattern), maxFileSize: config.maxFileSize };

  // registerDiagnostics: findings of the changed documents on every (coalesced) index change.
  let lastChange: IndexChange = { uris: [], ids: [] };
  engine.onDidChange((change) => {
    lastChange = change;
    for (const changed of change.uris) if (index.get(changed)) index.findings(changed);
  });

  // What registerTrees/registerStatusBar do on every (coalesced) index change: constant-time totals for
  // the badge, the welcome context and the status bar; the trees refresh only the touched documents'
  // nodes, whose children VS Code then asks for (a PR/FAQ node: its summary and requirements).
  const refreshViews = (touched: readonly string[]): number => {
    const start = performance.now();
    index.totals();
    index.count('prfaq');
    for (const touchedUri of touched) {
      const doc = index.get(touchedUri);
      if (doc?.kind === 'prfaq') for (const r of doc.requirements) index.status(r.id);
      if (doc) index.summary(doc);
    }
    return performance.now() - start;
  };

  const docs: Array<Record<string, unknown>> = [];
  const allBlocks: number[] = [];
  for (const ks of manifest.keystrokeDocs) {
    const full = join(manifest.root, ks.path);
    const uri = fileUri(full);
    const file = { uri, path: ks.path };
    let text = readFileSync(full, 'utf8');

    // Reference: the doc's full parse, whole document at once (no chunk cache), and raw remark.
    // One warm-up run, then at least 3 measured runs (more for small docs, up to ~300 ms).
    const fullRuns: number[] = [];
    const remarkRuns: number[] = [];
    const wholeStart = performance.now();
    for (let i = 0; i < 4 || (performance.now() - wholeStart < 300 && i < 40); i++) {
      let t = performance.now();
      parseDocument({ uri, text }, { ...options, wholeDocument: true });
      if (i >= 1) fullRuns.push(performance.now() - t);
      t = performance.now();
      remark.parse(text);
      if (i >= 1) remarkRuns.push(performance.now() - t);
    }
    const fullParseMs = median(fullRuns);

    // Opening the editor primes the document's chunk cache in the engine.
    const buffer = new BenchBuffer(uri, text);
    bench.open(buffer);
    await engine.modelFor(buffer);
    await engine.whenIdle();
    // For the report only: how much each edit leaves to re-parse, i.e. the chunks the previous text did
    // not have (what the engine's per-document chunk cache misses).
    const chunksOf = (current: string) => uncachedChunks(inputFor(file, current, config), { ...options, chunkCache: new RetainingChunkCache() });
    let previousChunks = new Set(chunksOf(text));

    // One character at a time at the end of the edited requirement's line, as if typing.
    const lineStart = findRequirementLine(text, ks.editId);
    let insertAt = text.indexOf('\n', lineStart);
    const samples: KeystrokeSample[] = [];
    const monitor = new BlockMonitor();
    let verified = true;
    await sleep(50);
    monitor.start();
    for (let k = 0; k < TYPED.length; k++) {
      text = `${text.slice(0, insertAt)}${TYPED[k]}${text.slice(insertAt)}`;
      insertAt++;
      const chunks = chunksOf(text);
      const reparsedChars = chunks.filter((chunk) => !previousChunks.has(chunk)).reduce((sum, chunk) => sum + chunk.length, 0);
      previousChunks = new Set(chunks);
      watched.extraction = undefined;
      const segments: number[] = [];
      buffer.edit(text);
      events.changed.fire(buffer);
      const start = performance.now();
      // The typing pause ends: the engine parses here, or hands the changed chunks to its worker.
      clock.advance(TYPING_DEBOUNCE_MS);
      segments.push(performance.now() - start);
      await engine.modelFor(buffer);
      // Offloaded: the second segment runs from the worker's answer to the model in the index.
      const offloaded = extractionOf();
      if (offloaded) segments.push(performance.now() - offloaded.answeredAt);
      // The coalescing window ends: diagnostics for the changed documents (a separate task).
      const diagStart = performance.now();
      clock.advance(CHANGE_COALESCE_MS);
      segments.push(performance.now() - diagStart);
      const totalMs = performance.now() - start;
      const viewsMs = refreshViews(lastChange.uris);
      const requirement = index.get(uri)?.requirements.find((r) => r.id === ks.editId);
      if (!requirement?.title.endsWith(TYPED.slice(0, k + 1).trimEnd())) verified = false;
      samples.push({ totalMs, segmentsMs: segments, viewsMs, offloaded: offloaded !== undefined, reparsedChars });
      allBlocks.push(...segments, viewsMs);
      await sleep(30);
    }
    const loopBlockedMs = monitor.stop();
    // The incrementally maintained model must equal a fresh whole-document parse of the final text.
    const reference = parseDocument(inputFor(file, text, config), { ...options, wholeDocument: true });
    if (JSON.stringify(reference) !== JSON.stringify(index.get(uri))) verified = false;
    const totals = samples.map((s) => s.totalMs);
    docs.push({
      label: ks.label,
      path: ks.path,
      bytes: ks.bytes,
      sectioned: ks.sectioned,
      editId: ks.editId,
      keystrokes: samples.length,
      fullParseMs,
      remarkMs: median(remarkRuns),
      keystrokeMedianMs: median(totals),
      keystrokeMaxMs: max(totals),
      longestSegmentMs: max(samples.flatMap((s) => s.segmentsMs)),
      segmentsMaxMs: samples[0]?.segmentsMs.map((_, i) => max(samples.map((s) => s.segmentsMs[i] ?? 0))),
      viewsMedianMs: median(samples.map((s) => s.viewsMs)),
      loopBlockedMs,
      offloaded: samples.filter((s) => s.offloaded).length,
      reparsedChars: median(samples.map((s) => s.reparsedChars)),
      chunks: previousChunks.size,
      verified,
    });
  }
  bench.checkLog();
  const docsInIndex = index.size;
  bench.dispose();
  return { docsInIndex, docs, longestBlockMs: max(allBlocks) };
}

/** Offset of the line that defines `id` (a heading or a list item that begins with it). */
function findRequirementLine(text: string, id: string): number {
  const pattern = new RegExp(`^(?:#{1,6} |[-*] |\\d+\\. )(?:\\*\\*|\`)?${id.replace(/[-~]/g, '\\$&')}\\b`, 'm');
  const match = pattern.exec(text);
  if (!match) throw new Error(`requirement ${id} not found`);
  return match.index;
}

// ---------------------------------------------------------------------------------------------
// peer: vscode-markdown-languageservice, the engine of VS Code's built-in markdown link validation

async function peerPhase(manifest: Manifest): Promise<Record<string, unknown>> {
  const md = await import('vscode-markdown-languageservice');
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const { URI } = await import('vscode-uri');
  const MarkdownIt = (await import('markdown-it')).default;

  collect();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const documents = new Map<string, ReturnType<typeof TextDocument.create>>();
  const directories = new Map<string, Map<string, boolean>>();
  const addToDir = (dirPath: string, name: string, isDirectory: boolean) => {
    const key = URI.file(dirPath).toString();
    let entries = directories.get(key);
    if (!entries) directories.set(key, (entries = new Map()));
    entries.set(name, isDirectory);
  };
  for (const file of manifest.files) {
    const full = join(manifest.root, file.path);
    const uri = URI.file(full).toString();
    documents.set(uri, TextDocument.create(uri, 'markdown', 1, decodeText(readFileSync(full)).text));
    // Directory entries for readDirectory/stat.
    const parts = file.path.split('/');
    for (let i = 0; i < parts.length; i++) {
      addToDir(join(manifest.root, ...parts.slice(0, i)), parts[i] as string, i < parts.length - 1);
    }
  }
  const readMs = performance.now() - start;

  const none = { dispose() {} };
  const noEvent = () => none;
  // VS Code's markdown engine is markdown-it with a front-matter plugin; blanking the block keeps lines and offsets.
  const engine = new MarkdownIt({ html: true });
  let tokenized = 0;
  const parser = {
    slugifier: md.githubSlugifier,
    async tokenize(document: { getText(): string }) {
      tokenized++;
      return engine.parse(blankFrontmatter(document.getText()), {});
    },
  };
  const workspace = {
    get workspaceFolders() {
      return [URI.file(manifest.root)];
    },
    onDidChangeMarkdownDocument: noEvent,
    onDidCreateMarkdownDocument: noEvent,
    onDidDeleteMarkdownDocument: noEvent,
    async getAllMarkdownDocuments() {
      return documents.values();
    },
    hasMarkdownDocument: (resource: { toString(): string }) => documents.has(resource.toString()),
    async openMarkdownDocument(resource: { toString(): string }) {
      return documents.get(resource.toString());
    },
    async stat(resource: { toString(): string }) {
      const key = resource.toString();
      if (documents.has(key)) return { isDirectory: false };
      if (directories.has(key)) return { isDirectory: true };
      return undefined;
    },
    async readDirectory(resource: { toString(): string }) {
      return [...(directories.get(resource.toString()) ?? new Map<string, boolean>())].map(([name, isDirectory]) => [name, { isDirectory }] as const);
    },
  };
  const service = md.createLanguageService({
    workspace: workspace as unknown as Parameters<typeof md.createLanguageService>[0]['workspace'],
    parser: parser as unknown as Parameters<typeof md.createLanguageService>[0]['parser'],
    logger: { level: md.LogLevel.Off, log() {} },
  });
  const level = md.DiagnosticLevel.warning;
  const options = {
    validateReferences: level,
    validateFragmentLinks: level,
    validateFileLinks: level,
    validateMarkdownFileLinkFragments: level,
    validateUnusedLinkDefinitions: md.DiagnosticLevel.hint,
    validateDuplicateLinkDefinitions: level,
    ignoreLinks: [] as string[],
  };
  const token = { isCancellationRequested: false, onCancellationRequested: noEvent };
  const monitor = new BlockMonitor().start();
  const diagStart = performance.now();
  let diagnostics = 0;
  for (const document of documents.values()) {
    const result = await service.computeDiagnostics(document, options, token as unknown as Parameters<typeof service.computeDiagnostics>[2]);
    diagnostics += result.length;
  }
  const diagnosticsMs = performance.now() - diagStart;
  const blockedMs = monitor.stop();
  const totalMs = performance.now() - start;
  const cpuMs = cpuMsSince(cpu);
  service.dispose();
  return {
    readMs,
    diagnosticsMs,
    totalMs,
    cpuMs,
    blockedMs,
    documents: documents.size,
    diagnostics,
    tokenized,
    maxRssBytes: maxRssBytes(),
    peerVersion: (JSON.parse(readFileSync(join(__dirname, '..', '..', 'node_modules', 'vscode-markdown-languageservice', 'package.json'), 'utf8')) as { version: string }).version,
  };
}

function blankFrontmatter(text: string): string {
  if (!text.startsWith('---')) return text;
  const end = text.indexOf('\n---', 3);
  if (end < 0) return text;
  const close = text.indexOf('\n', end + 4);
  const stop = close < 0 ? text.length : close;
  return text.slice(0, stop).replace(/[^\n]/g, ' ') + text.slice(stop);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const [phase, manifestPath, outPath, cacheDir, mode] = process.argv.slice(2);
  if (!phase || !manifestPath || !outPath) throw new Error('usage: phases.cjs <phase> <manifest.json> <out.json> [cacheDir] [mode]');
  const manifest = readManifest(manifestPath);
  let result: Record<string, unknown>;
  switch (phase) {
    case 'floors':
      result = await floors(manifest);
      break;
    case 'index':
      result = await indexPhase(manifest, cacheDir as string, mode ?? 'cold');
      break;
    case 'keystroke':
      result = await keystrokePhase(manifest, cacheDir as string);
      break;
    case 'peer':
      result = await peerPhase(manifest);
      break;
    default:
      throw new Error(`unknown phase ${phase}`);
  }
  writeFileSync(outPath, JSON.stringify(result, null, 2));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
