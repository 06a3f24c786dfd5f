import { access, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  applyTextEdits,
  CONFIG_FILE_NAME,
  ConfigError,
  createIdMatcher,
  headingLinesNamed,
  idPrefixOf,
  numberCommitments,
  type NumberingScope,
} from '../core/api';
import { neutraliseLine, neutralisedLines } from '../core/text/neutralise';
import { loadConfig } from '../node/loadConfig';
import { describeFsError, readRegularFile } from '../node/regularFile';

export const numberUsage = `Usage: prfaq-trace number FILE [--prefix P] [--under HEADING]… [--dry-run] [--config file]

Numbers the commitments of one PR/FAQ: inserts the next free IDs (P-1, P-2, …, after the highest
number the file already has) at the start of list items and headings that carry no ID yet, and
prints each ID it assigned with its line.

Options:
  --prefix P          the ID prefix (default: the file's frontmatter idPrefix)
  --under HEADING     only the list items and headings under this heading (may be repeated);
                      without it, every list item of the file (headings only under --under)
  --dry-run           print what would be assigned; leave the file as it is
  --config <file>     configuration file for the ID pattern (default: the nearest .prfaq-trace.json
                      in the file's folder or above it, up to the repository root)
  -h, --help          show this help

Exit codes: 0 numbered (or nothing left to number), 2 usage, configuration or file problem.
`;

export interface NumberIo {
  readonly cwd: string;
  write(text: string): void;
  writeError(text: string): void;
}

/** A problem with the command line or the file: one line on stderr, exit 2. */
class NumberError extends Error {}

/** The nearest .prfaq-trace.json from `folder` upwards, stopping at a repository root. */
async function nearestConfig(folder: string): Promise<string | undefined> {
  for (let current = folder; ; current = dirname(current)) {
    const candidate = join(current, CONFIG_FILE_NAME);
    if (await exists(candidate)) return candidate;
    if ((await exists(join(current, '.git'))) || dirname(current) === current) return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}


/** `prfaq-trace number FILE --prefix P [--under HEADING] [--dry-run]`: returns the exit code. */
export async function runNumber(argv: readonly string[], io: NumberIo): Promise<number> {
  try {
    return await numberFile(argv, io);
  } catch (error) {
    if (!(error instanceof NumberError) && !(error instanceof ConfigError)) throw error;
    io.writeError(neutralisedLines([`prfaq-trace number: ${error.message}`]));
    if (error instanceof NumberError) io.writeError('Run "prfaq-trace number --help" for usage.\n');
    return 2;
  }
}

async function numberFile(argv: readonly string[], io: NumberIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        prefix: { type: 'string' },
        under: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new NumberError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.write(numberUsage);
    return 0;
  }
  if (positionals.length !== 1) throw new NumberError(positionals.length === 0 ? 'missing FILE' : 'number takes one FILE at a time (each PR/FAQ has its own prefix)');
  const path = resolve(io.cwd, positionals[0] as string);
  const shown = relative(io.cwd, path) || path;

  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(path); // a FIFO or device is refused, never read (it would block)
  } catch (error) {
    throw new NumberError(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? describeFsError(error)}`);
  }
  let text: string;
  try {
    // Fatal decoding: a file that is not UTF-8 would lose bytes when written back.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new NumberError(`${shown} is not UTF-8 text; it was left as it is`);
  }

  const configPath = values.config ? resolve(io.cwd, values.config) : await nearestConfig(dirname(path));
  const config = await loadConfig(dirname(path), configPath);
  const prefix = values.prefix?.trim() || idPrefixOf(text);
  if (!prefix) throw new NumberError(`--prefix is required: ${shown} has no idPrefix in its frontmatter`);

  let scope: NumberingScope = { kind: 'document' };
  if (values.under && values.under.length > 0) {
    const headingLines: number[] = [];
    for (const heading of values.under) {
      const found = headingLinesNamed(text, heading);
      if (found.length === 0) throw new NumberError(`${shown} has no heading "${heading}"`);
      headingLines.push(...found);
    }
    scope = { kind: 'under', headingLines };
  }

  const result = numberCommitments(text, { prefix, ids: createIdMatcher(config.idPattern), scope });
  if ('problem' in result) throw new NumberError(`${shown}: ${result.problem}`);
  const dryRun = values['dry-run'] === true;
  const lines = result.assigned.map((a) => neutraliseLine(`${shown}:${a.line + 1}: ${a.id} ${a.title}`));
  const kept = result.alreadyNumbered > 0 ? `; ${result.alreadyNumbered} already had an ID` : '';
  if (result.assigned.length === 0) {
    io.write(`${neutraliseLine(`${shown}: nothing to number${kept}`)}\n`);
    return 0;
  }
  if (!dryRun) {
    await writeFile(path, applyTextEdits(text, result.edits), 'utf8');
  }
  const count = `${result.assigned.length} ID${result.assigned.length === 1 ? '' : 's'}`;
  const summary = dryRun ? `dry run: ${count} would be assigned${kept}; ${shown} is unchanged` : `${count} assigned${kept}`;
  io.write(`${[...lines, neutraliseLine(summary)].join('\n')}\n`);
  return 0;
}
