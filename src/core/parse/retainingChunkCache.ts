import type { ChunkModel } from './chunkModel';
import type { ChunkCache } from './parseDocument';

/**
 * The chunk cache of one open document: keeps the chunks of its latest parse and drops the
 * rest on `sweep()`, so memory stays proportional to the document, not to its edit history.
 */
export class RetainingChunkCache implements ChunkCache {
  private current = new Map<string, ChunkModel>();
  private used = new Map<string, ChunkModel>();

  get(chunkText: string): ChunkModel | undefined {
    const model = this.used.get(chunkText) ?? this.current.get(chunkText);
    if (model) this.used.set(chunkText, model);
    return model;
  }

  set(chunkText: string, model: ChunkModel): void {
    this.used.set(chunkText, model);
  }

  /** Call after each parse: forgets chunks that parse did not use. */
  sweep(): void {
    this.current = this.used;
    this.used = new Map();
  }

  get size(): number {
    return this.current.size;
  }
}
