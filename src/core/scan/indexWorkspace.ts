import type { Config } from '../config';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { classify, kindByPath } from '../parse/classify';
import { MAX_FRONTMATTER_LENGTH } from '../parse/frontmatter';
import type { ParseInput } from '../parse/parseDocument';
import { decodeText } from '../text/decode';
import type { DocumentParser, WorkspaceFile, WorkspaceHost } from './host';
import { inputFor } from './inputFor';

export interface ScanProgress {
  readonly done: number;
  readonly total: number;
}

export interface ScanResult {
  readonly files: number;
  /** Files that are PR/FAQs or design docs (handed to the parser). */
  readonly analysed: number;
}

const READ_BATCH = 64;

const FENCE = [0x2d, 0x2d, 0x2d];
const BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

/**
 * Reads one file and decides whether it is analysed, from its first bytes: a file that does not
 * open with `---` (and that no kind glob names) is ordinary markdown and is not even decoded.
 * Undefined when it is not a PR/FAQ or design doc.
 */
export async function readInput(host: WorkspaceHost, file: WorkspaceFile, config: Config): Promise<ParseInput | undefined> {
  const bytes = await host.readFile(file.uri);
  const byPath = kindByPath(file.path, config);
  if (!byPath) {
    if (!startsWith(bytes, FENCE) && !(startsWith(bytes, BOM) && startsWith(bytes, FENCE, 3))) return undefined;
    // Frontmatter is at most MAX_FRONTMATTER_LENGTH characters: decoding that much decides the kind.
    const head = decodeText(bytes.subarray(0, 4 * MAX_FRONTMATTER_LENGTH + 16)).text;
    if (!classify(head, file.path, config)) return undefined;
  }
  return inputFor(file, decodeText(bytes).text, config, bytes.byteLength);
}

/**
 * Builds the index from nothing: lists files, reads them in batches, sniffs each file's
 * frontmatter and hands only PR/FAQs and design docs to the parser.
 */
export async function indexWorkspace(
  host: WorkspaceHost,
  config: Config,
  parser: DocumentParser,
  index: WorkspaceIndex,
  onProgress?: (progress: ScanProgress) => void,
): Promise<ScanResult> {
  const files = await host.listFiles(config);
  let analysed = 0;
  let done = 0;
  // Reading the next batch overlaps with parsing the previous ones (in workers, where the host has them).
  const parsing: Promise<void>[] = [];
  for (let i = 0; i < files.length; i += READ_BATCH) {
    // Let the host's event loop run between batches (reads may be synchronous; the editor must stay responsive).
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const batch = files.slice(i, i + READ_BATCH);
    const inputs = (await Promise.all(batch.map((file) => readInput(host, file, config).catch(() => undefined)))).filter(
      (input): input is ParseInput => input !== undefined,
    );
    parsing.push(
      parser.parse(inputs).then((models) => {
        for (const model of models) {
          if (model) {
            index.set(model);
            analysed++;
          }
        }
        done += batch.length;
        onProgress?.({ done, total: files.length });
      }),
    );
  }
  await Promise.all(parsing);
  return { files: files.length, analysed };
}
