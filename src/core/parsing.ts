/**
 * The incremental parse, for hosts that run the parser themselves: src/node's worker threads
 * (one chunk at a time) and their pool, the bench, and tests of chunking. Not in api.ts, the
 * surface features and the CLI use: they go through parseDocument, a DocumentParser or the
 * live engine, which call these.
 */
export type { ChunkModel } from './parse/chunkModel';
export type { ChunkCache } from './parse/parseDocument';
export { extractChunk } from './parse/extractChunk';
export { sniffedKind, uncachedChunks, unparsedModel } from './parse/parseDocument';
export { RetainingChunkCache } from './parse/retainingChunkCache';
export { safeParse } from './scan/inProcessParser';
