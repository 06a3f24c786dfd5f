import { dirname, resolve } from 'node:path';
import {
  buildReport,
  reviewGateFailures,
  indexWorkspace,
  renderMarkdown,
  renderSarif,
  renderText,
  WorkspaceIndex,
  type Config,
  type DocumentParser,
  type Report,
  type Severity,
} from '../core/api';
import { openCommentTotal } from '../core/report/report';
import { neutralisedJson } from '../core/text/neutralise';
import { relativePath } from '../core/text/uri';
import { createFsHost, fileUri } from '../node/fsHost';
import { loadConfig } from '../node/loadConfig';
import { rootKinds } from './roots';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'markdown';
export type FailOn = 'error' | 'warning' | 'none';

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly failOn: FailOn;
  /** Exit 1 while any comment thread is open (in addition to `failOn`). */
  readonly failOnOpenComments?: boolean;
  /** Exit 1 while coverage is stale or unreviewed (implies the configuration's requireReview). */
  readonly requireReview?: boolean;
  /** Exit 1 while a PR/FAQ or design doc is not approved by its co-owners (implies requireApproval). */
  readonly requireApproval?: boolean;
  readonly configPath?: string;
  readonly cwd: string;
  readonly version: string;
  readonly createParser: (config: Config) => DocumentParser;
}

export interface CheckResult {
  readonly output: string;
  readonly exitCode: 0 | 1;
  readonly report: Report;
}

const failing: Readonly<Record<FailOn, readonly Severity[]>> = {
  error: ['error'],
  warning: ['error', 'warning'],
  none: [],
};

/** Scans the paths, renders the report, and decides the exit code from the fail level (and open threads, when asked). */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const roots = (options.paths.length > 0 ? options.paths : ['.']).map((path) => resolve(options.cwd, path));
  const kinds = await rootKinds(roots, options.cwd);
  // Paths in reports are relative to the scanned folder when there is one, else to the working directory.
  const base = roots.length === 1 ? (kinds[0] === 'dir' ? (roots[0] as string) : dirname(roots[0] as string)) : options.cwd;
  const configFolder = kinds[0] === 'dir' ? (roots[0] as string) : dirname(roots[0] as string);
  const config = await loadConfig(configFolder, options.configPath && resolve(options.cwd, options.configPath));

  const index = new WorkspaceIndex(config.severities, config.structure);
  index.setReviewPolicy({ requireReview: config.requireReview || options.requireReview === true, requireApproval: config.requireApproval || options.requireApproval === true });
  const parser = options.createParser(config);
  try {
    await indexWorkspace(createFsHost(roots), config, parser, index);
  } finally {
    parser.dispose?.();
  }
  const baseUri = fileUri(base);
  const report = buildReport(index, baseUri);
  const gates = reviewGateFailures(report, options);
  const output = render(report, options, baseUri, index, gates);
  const fails =
    report.findings.some((f) => failing[options.failOn].includes(f.severity)) ||
    (options.failOnOpenComments === true && openCommentTotal(report) > 0) ||
    gates.length > 0;
  return { output, exitCode: fails ? 1 : 0, report };
}

function render(report: Report, options: CheckOptions, baseUri: string, index: WorkspaceIndex, gates: readonly string[]): string {
  switch (options.format) {
    case 'json':
      return neutralisedJson(report);
    case 'sarif':
      return renderSarif(report, baseUri, options.version);
    case 'markdown':
      return renderMarkdown(report);
    case 'text': {
      // Finding lines name files from the working directory (clickable in terminals), by the same label rule as the report.
      const cwdUri = fileUri(options.cwd);
      const fromCwd = new Map(index.allFindings().map((f) => [relativePath(baseUri, f.uri), relativePath(cwdUri, f.uri)]));
      return renderText(report, (path) => fromCwd.get(path) || path, { failOnOpenComments: options.failOnOpenComments === true, failing: gates });
    }
  }
}
