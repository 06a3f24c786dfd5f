import type { Config } from '../config';
import { createIdMatcher } from '../ids';
import type { DocModel } from '../model';
import { parseDocument, sniffedKind, unparsedModel, type ChunkCache, type ParseInput, type ParseOptions } from '../parse/parseDocument';
import type { DocumentParser } from './host';

/** Parses on the calling thread: tests, the browser build, and the small-edit path. */
export function createInProcessParser(config: Config, chunkCache?: ChunkCache): DocumentParser {
  const options = { ids: createIdMatcher(config.idPattern), maxFileSize: config.maxFileSize, ...(chunkCache ? { chunkCache } : {}) };
  return {
    parse: async (inputs: readonly ParseInput[]): Promise<ReadonlyArray<DocModel | undefined>> =>
      inputs.map((input) => safeParse(input, options)),
  };
}

/** parseDocument that never throws: a document the parser chokes on becomes a parse-failed finding. */
export function safeParse(input: ParseInput, options: ParseOptions): DocModel | undefined {
  try {
    return parseDocument(input, options);
  } catch (error) {
    const kind = sniffedKind(input);
    return kind && unparsedModel(input, kind, `could not parse this document: ${(error as Error).message}`);
  }
}
