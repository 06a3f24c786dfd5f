import { parseArgs } from 'node:util';
import { ConfigError, createCachingParser, createInProcessParser, type Config, type DocumentParser } from '../core/api';
import type { CacheStats } from '../core/scan/cachingParser';
import { FileModelStore, sha1 } from '../node/fileModelStore';
import { createWorkerParser, defaultWorkerCount } from '../node/workerParser';
import { neutralisedLines } from '../core/text/neutralise';
import { saveCache } from './saveCache';
import { runCheck, type FailOn, type OutputFormat } from './check';
import { parseWorkersOption } from './workersOption';
import { runNumber } from './number';
import { runApprove } from './approve';
import { runReview } from './review';

declare const PRFAQ_TRACE_VERSION: string;
const version = typeof PRFAQ_TRACE_VERSION === 'string' ? PRFAQ_TRACE_VERSION : '0.0.0-dev';

const usage = `Usage: prfaq-trace check [paths…] [options]
       prfaq-trace number FILE [--prefix P] [--under HEADING] [--dry-run]   (see prfaq-trace number --help)
       prfaq-trace review [paths…] --as PERSON [--id ID]   (see prfaq-trace review --help)
       prfaq-trace approve FILE --as PERSON                 (see prfaq-trace approve --help)

Checks that every PR/FAQ requirement is covered by a design section.

Options:
  --format text|json|sarif|markdown   output format (default: text)
  --fail-on error|warning|none        exit 1 when a finding at or above this level exists (default: warning)
  --fail-on-open-comments             also exit 1 while any comment thread is open
  --require-review                    also exit 1 while any coverage is stale or not reviewed (review stamps)
  --require-approval                  also exit 1 while any PR/FAQ or design doc is not approved by its co-owners
  --config <file>                     configuration file (default: <first path>/.prfaq-trace.json)
  --cache-dir <dir>                   keep parsed models in <dir>: unchanged files are not parsed again
  --workers <n>                       parser threads, 0 to 64 (default: one per core, at most 4; 0 parses on the main thread)
  -h, --help                          show this help
  -v, --version                       show the version

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it (or open comment threads
with --fail-on-open-comments, stale or unreviewed coverage with --require-review, documents not
approved with --require-approval), 2 usage or configuration error.
`;

const formats: readonly OutputFormat[] = ['text', 'json', 'sarif', 'markdown'];
const failLevels: readonly FailOn[] = ['error', 'warning', 'none'];

class UsageError extends Error {}

async function main(argv: readonly string[]): Promise<number> {
  // The writing verbs share one set of process streams; check (below) prints through its own report path.
  const io = { cwd: process.cwd(), write: (text: string) => process.stdout.write(text), writeError: (text: string) => process.stderr.write(text) };
  if (argv[0] === 'number') return runNumber(argv.slice(1), io);
  if (argv[0] === 'review') return runReview(argv.slice(1), io);
  if (argv[0] === 'approve') return runApprove(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'warning' },
        'fail-on-open-comments': { type: 'boolean' },
        'require-review': { type: 'boolean' },
        'require-approval': { type: 'boolean' },
        config: { type: 'string' },
        'cache-dir': { type: 'string' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}" (expected check, number, review or approve)` : 'missing command (expected check, number, review or approve)');
  const format = values.format as OutputFormat;
  if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}`);
  const failOn = values['fail-on'] as FailOn;
  if (!failLevels.includes(failOn)) throw new UsageError(`--fail-on must be one of ${failLevels.join(', ')}`);

  const workers = values.workers === undefined ? defaultWorkerCount() : parseWorkersOption(values.workers);
  if (typeof workers !== 'number') throw new UsageError(workers.error);
  const cacheDir = values['cache-dir'];
  let cache: { readonly store: FileModelStore; readonly stats: CacheStats } | undefined;
  const createParser = (config: Config): DocumentParser => {
    const parser = workers === 0 ? createInProcessParser(config) : createWorkerParser(config, { workers });
    if (!cacheDir) return parser;
    const store = new FileModelStore(cacheDir, config);
    const caching = createCachingParser(parser, store, sha1);
    cache = { store, stats: caching.stats };
    return caching;
  };

  const result = await runCheck({
    paths,
    format,
    failOn,
    failOnOpenComments: values['fail-on-open-comments'] === true,
    requireReview: values['require-review'] === true,
    requireApproval: values['require-approval'] === true,
    ...(values.config ? { configPath: values.config } : {}),
    cwd: process.cwd(),
    version,
    createParser,
  });
  if (cache) await saveCache(cache.store, cache.stats, cacheDir as string, (line) => process.stderr.write(neutralisedLines([line])));
  process.stdout.write(result.output);
  return result.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof ConfigError;
    // Messages quote paths and configuration values: a message is one neutralised line; a stack keeps its lines, each neutralised.
    const lines = known ? [(error as Error).message] : String((error as Error)?.stack ?? error).split('\n');
    process.stderr.write(neutralisedLines(lines.map((line, i) => (i === 0 ? `prfaq-trace: ${line}` : line))));
    if (error instanceof UsageError) process.stderr.write('Run "prfaq-trace --help" for usage.\n');
    process.exitCode = 2;
  },
);
