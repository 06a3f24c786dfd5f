import type { Config } from '../config';
import { createIdMatcher } from '../ids';
import type { DocModel } from '../model';
import { parseDocument, type ChunkCache, type ParseInput } from '../parse/parseDocument';
import type { DocumentParser } from './host';

/** Parses on the calling thread: tests, the browser build, and the small-edit path. */
export function createInProcessParser(config: Config, chunkCache?: ChunkCache): DocumentParser {
  const options = { ids: createIdMatcher(config.idPattern), maxFileSize: config.maxFileSize, ...(chunkCache ? { chunkCache } : {}) };
  return {
    parse: async (inputs: readonly ParseInput[]): Promise<ReadonlyArray<DocModel | undefined>> =>
      inputs.map((input) => parseDocument(input, options)),
  };
}
