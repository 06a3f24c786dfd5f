import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  createIdMatcher,
  createInProcessParser,
  indexWorkspace,
  parseDocument,
  WorkspaceIndex,
  type Config,
  type DocModel,
} from '../core/api';
import { relativePath } from '../core/text/uri';
import { createFsHost, fileUri, fsPathOf } from '../node/fsHost';
import { loadConfig } from '../node/loadConfig';
import { describeFsError, readRegularFile } from '../node/regularFile';
import { rootKinds } from './roots';

/** A problem with the command line, a file or a person: one line on stderr, exit 2. */
export class SignOffError extends Error {}

/** The scanned workspace the `review` and `approve` verbs work in (the same rules as `check`). */
export interface SignOffWorkspace {
  readonly index: WorkspaceIndex;
  readonly config: Config;
  /** Reports' paths are relative to this folder's URI. */
  readonly baseUri: string;
  /** A document's path for messages: relative to the working directory. */
  shown(uri: string): string;
  /** The document as its file reads now (parsed again: the text is about to be edited). */
  read(uri: string): Promise<{ readonly text: string; readonly bom: boolean; readonly doc: DocModel }>;
  /** Writes `text` back (with the byte order mark the file had). */
  write(uri: string, text: string, bom: boolean): Promise<void>;
  parse(uri: string, text: string): DocModel | undefined;
}

/** Scans `paths` (default `.`) as `check` does: configuration from the first folder, or `configPath`. */
export async function openSignOffWorkspace(paths: readonly string[], cwd: string, configPath: string | undefined): Promise<SignOffWorkspace> {
  const roots = (paths.length > 0 ? paths : ['.']).map((path) => resolve(cwd, path));
  const kinds = await rootKinds(roots, cwd);
  const first = kinds[0] === 'dir' ? (roots[0] as string) : dirname(roots[0] as string);
  const base = roots.length === 1 ? first : cwd;
  const config = await loadConfig(first, configPath && resolve(cwd, configPath));
  const index = new WorkspaceIndex(config.severities, config.structure);
  index.setReviewPolicy(config);
  const parser = createInProcessParser(config);
  try {
    await indexWorkspace(createFsHost(roots), config, parser, index);
  } finally {
    parser.dispose?.();
  }
  const ids = createIdMatcher(config.idPattern);
  const cwdUri = fileUri(cwd);
  const parse = (uri: string, text: string) => {
    const kind = index.get(uri)?.kind;
    return parseDocument({ uri, text, ...(kind ? { kindByPath: kind } : {}) }, { ids, maxFileSize: config.maxFileSize });
  };
  return {
    index,
    config,
    baseUri: fileUri(base),
    shown: (uri) => relativePath(cwdUri, uri),
    parse,
    async read(uri) {
      const shown = relativePath(cwdUri, uri);
      let bytes: Uint8Array;
      try {
        bytes = readRegularFile(fsPathOf(uri)); // a FIFO or device is refused, never read (it would block)
      } catch (error) {
        throw new SignOffError(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? describeFsError(error)}`);
      }
      let decoded: string;
      try {
        // Fatal decoding: a file that is not UTF-8 would lose bytes when written back.
        decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      } catch {
        throw new SignOffError(`${shown} is not UTF-8 text; it was left as it is`);
      }
      const bom = decoded.startsWith('\uFEFF');
      const text = bom ? decoded.slice(1) : decoded;
      const doc = parse(uri, text);
      if (!doc) throw new SignOffError(`${shown} is not a PR/FAQ or design doc (no "type: prfaq" or "type: design" in its frontmatter)`);
      return { text, bom, doc };
    },
    async write(uri, text, bom) {
      await writeFile(fsPathOf(uri), (bom ? '\uFEFF' : '') + text, 'utf8');
    },
  };
}
