import type { Config } from '../config';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { classify, kindByPath } from '../parse/classify';
import { MAX_FRONTMATTER_LENGTH } from '../parse/frontmatter';
import type { ParseInput } from '../parse/parseDocument';
import { FindingCode, finding } from '../findings';
import { decodeText } from '../text/decode';
import { lineRange } from '../text/lineIndex';
import { normalizeUri } from '../text/uri';
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

/** Enough bytes for the longest frontmatter the parser reads (MAX_FRONTMATTER_LENGTH characters of up to 4 bytes). */
export const HEAD_BYTES = 4 * MAX_FRONTMATTER_LENGTH + 16;

/** Whether a file's first bytes open a frontmatter block (`---`, after a BOM or not). */
function opensFrontmatter(bytes: Uint8Array): boolean {
  return startsWith(bytes, FENCE) || (startsWith(bytes, BOM) && startsWith(bytes, FENCE, 3));
}

/**
 * Reads one file and decides whether it is analysed, from its first bytes: a file that does not
 * open with `---` (and that no kind glob names) is ordinary markdown and is not even decoded.
 * With a host that reads heads, nothing past the head is read unless the file is a PR/FAQ or
 * design doc within the size limit; one over the limit becomes an input of its head and size,
 * which the parser turns into `file-too-large` (never decoding, or dropping, the whole file).
 * Undefined when it is not a PR/FAQ or design doc.
 */
export async function readInput(host: WorkspaceHost, file: WorkspaceFile, config: Config): Promise<ParseInput | undefined> {
  const read = host.readHead ? await host.readHead(file.uri, HEAD_BYTES) : undefined;
  const first = read?.head ?? (await host.readFile(file.uri));
  const size = read?.size ?? first.byteLength;
  const head = first.byteLength > HEAD_BYTES ? first.subarray(0, HEAD_BYTES) : first;
  if (!kindByPath(file.path, config)) {
    if (!opensFrontmatter(head)) return undefined;
    // Frontmatter is at most MAX_FRONTMATTER_LENGTH characters: decoding the head decides the kind.
    if (!classify(decodeText(head).text, file.path, config)) return undefined;
  }
  if (size > config.maxFileSize) return inputFor(file, decodeText(head).text, config, size);
  const bytes = read && size > first.byteLength ? await host.readFile(file.uri) : first;
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
    const inputs = (await Promise.all(batch.map((file) => readOrReport(host, file, config, index)))).filter(
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

/**
 * readInput, with a file or folder that cannot be read recorded as an `unreadable-file`
 * finding (the run goes on, and the exit code counts it); a file read again clears it.
 */
async function readOrReport(host: WorkspaceHost, file: WorkspaceFile, config: Config, index: WorkspaceIndex): Promise<ParseInput | undefined> {
  const uri = normalizeUri(file.uri);
  let why = file.unreadable;
  if (why === undefined) {
    try {
      const input = await readInput(host, file, config);
      index.setFileFindings(uri, []);
      return input;
    } catch (error) {
      why = `could not be read, so it is not analysed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  index.setFileFindings(uri, [finding(FindingCode.unreadableFile, uri, lineRange(0, 0, 0), why)]);
  return undefined;
}
