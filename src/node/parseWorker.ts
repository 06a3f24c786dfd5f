// Worker-thread entry (bundled to dist/parseWorker.js): parses documents and chunks for the pool.
import { parentPort } from 'node:worker_threads';
// Not from core/api: the worker loads only the parser (the configuration and its ID-pattern
// analysis are the main thread's; patterns arrive here already checked).
import { createIdMatcher, type IdMatcher } from '../core/ids';
import { parseDocument } from '../core/parse/parseDocument';
import { extractChunk } from '../core/parsing';
import type { WorkerRequest } from './workerProtocol';

let matcher: IdMatcher | undefined;
function ids(pattern: string): IdMatcher {
  if (matcher?.pattern !== pattern) matcher = createIdMatcher(pattern);
  return matcher;
}

parentPort?.on('message', (request: WorkerRequest) => {
  try {
    if (request.op === 'parse') {
      const value = parseDocument(request.input, { ids: ids(request.idPattern), maxFileSize: request.maxFileSize });
      parentPort?.postMessage({ ok: true, value });
    } else {
      const matcherForChunks = ids(request.idPattern);
      parentPort?.postMessage({ ok: true, value: request.texts.map((text) => extractChunk(text, matcherForChunks)) });
    }
  } catch (error) {
    parentPort?.postMessage({ ok: false, message: (error as Error).message });
  }
});

parentPort?.postMessage({ ready: true });
