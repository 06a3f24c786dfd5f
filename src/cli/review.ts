import { parseArgs } from 'node:util';
import {
  applyTextEdits,
  ConfigError,
  entryReview,
  findReviewedText,
  isoNow,
  lineDiff,
  markReviewedEdits,
  newStamp,
  requirementSource,
  type DocModel,
  type FileHistory,
} from '../core/api';
import { neutraliseLine, neutralisedLines } from '../core/text/neutralise';
import { createGitHistory } from '../node/gitHistory';
import { openSignOffWorkspace, SignOffError, type SignOffWorkspace } from './signOffWorkspace';

export const reviewUsage = `Usage: prfaq-trace review [paths…] --as PERSON [--id ID]… [--config file]

Marks coverage reviewed: writes a review stamp (<!-- prfaq-review … -->) beside every Covers:
entry that has none or whose requirement changed since it was stamped, recording the requirement's
fingerprint, PERSON and the time. Entries already reviewed are left as they are. Prints each stamp
it wrote and, for a changed requirement, what changed since the last review (from git history).

The paths are scanned as by "check": the design docs and the PR/FAQs defining their requirements
must both be among them.

Options:
  --as PERSON         who reviewed: a handle, a name, an email or "Name <email>" (required)
  --id ID             only the coverage of this requirement (may be repeated)
  --config <file>     configuration file (default: <first path>/.prfaq-trace.json)
  -h, --help          show this help

Exit codes: 0 stamped (or nothing left to stamp), 2 usage, configuration or file problem.
`;

export interface SignOffIo {
  readonly cwd: string;
  write(text: string): void;
  writeError(text: string): void;
  /** Earlier versions of files (git); tests may pass their own. */
  readonly history?: FileHistory;
  /** The time written into stamps and approvals; now by default. */
  readonly now?: () => string;
}

/** Runs a sign-off verb: a SignOffError or ConfigError becomes one line on stderr and exit 2. */
export async function runSignOffVerb(name: string, run: () => Promise<number>, io: SignOffIo, usageHint: boolean): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof SignOffError) && !(error instanceof ConfigError)) throw error;
    io.writeError(neutralisedLines([`prfaq-trace ${name}: ${error.message}`]));
    if (usageHint && error instanceof UsageProblem) io.writeError(`Run "prfaq-trace ${name} --help" for usage.\n`);
    return 2;
  }
}

/** A command-line mistake (as opposed to a refusal): the usage hint follows the message. */
export class UsageProblem extends SignOffError {}

/** `prfaq-trace review [paths…] --as PERSON [--id ID]…`: returns the exit code. */
export function runReview(argv: readonly string[], io: SignOffIo): Promise<number> {
  return runSignOffVerb('review', () => review(argv, io), io, true);
}

async function review(argv: readonly string[], io: SignOffIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { as: { type: 'string' }, id: { type: 'string', multiple: true }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageProblem((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.write(reviewUsage);
    return 0;
  }
  const reviewer = values.as?.trim();
  if (!reviewer) throw new UsageProblem('--as PERSON is required (who reviewed the coverage)');
  if (/[\r\n]/.test(reviewer)) throw new UsageProblem('--as must be one line');
  const workspace = await openSignOffWorkspace(positionals, io.cwd, values.config);
  const only = values.id && values.id.length > 0 ? new Set(values.id) : undefined;
  for (const id of only ?? []) {
    if (!workspace.index.isDefined(id)) throw new SignOffError(`${id} is not a requirement of any PR/FAQ scanned here`);
    if (workspace.index.coverage(id).length === 0) throw new SignOffError(`${id} is not covered by any design section scanned here: nothing to review`);
  }
  const at = io.now?.() ?? isoNow();
  const history = io.history ?? createGitHistory();
  const out: string[] = [];
  let written = 0;
  let files = 0;
  for (const design of workspace.index.designs()) {
    const pending = design.covers.filter((cover) => workspace.index.isDefined(cover.id) && (!only || only.has(cover.id)));
    if (pending.length === 0) continue;
    const file = await workspace.read(design.uri);
    let { text, doc } = file;
    const before = new Map<string, string>();
    for (let k = 0; k < doc.covers.length; k++) {
      const cover = doc.covers[k];
      if (!cover || !workspace.index.isDefined(cover.id) || (only && !only.has(cover.id))) continue;
      const [definition] = workspace.index.definitions(cover.id);
      const state = entryReview(doc, cover, definition?.requirement.fingerprint);
      if (state.review === 'current') continue;
      const stamp = newStamp(workspace.index, cover, reviewer, at);
      if (!stamp || !definition) continue;
      text = applyTextEdits(text, markReviewedEdits(text, doc, cover, stamp));
      const next = workspace.parse(design.uri, text);
      if (!next) throw new SignOffError(`${workspace.shown(design.uri)} could not be parsed again after stamping; it was left as it is`);
      doc = next;
      const line = doc.reviewStamps.find((s) => s.sectionIndex === cover.sectionIndex && s.id === cover.id && s.fingerprint === stamp.fingerprint)?.range.start.line ?? cover.range.start.line;
      const was = state.stamp ? `was stale: reviewed by ${state.stamp.reviewer} on ${state.stamp.at}` : 'was unreviewed';
      out.push(neutraliseLine(`${workspace.shown(design.uri)}:${line + 1}: ${lineOf(text, line)}  (${cover.id} ${was})`));
      if (state.stamp) out.push(...(await whatChanged(workspace, history, definition.doc, cover.id, state.stamp.fingerprint, before)));
      written++;
    }
    if (text !== file.text) {
      await workspace.write(design.uri, text, file.bom);
      files++;
    }
  }
  if (written === 0) {
    out.push(neutraliseLine(`nothing to stamp: every Covers: entry${only ? ` of ${[...only].join(', ')}` : ''} is reviewed against its requirement as it reads now`));
  } else {
    out.push(neutraliseLine(`${written} review stamp${written === 1 ? '' : 's'} written by ${reviewer} in ${files} file${files === 1 ? '' : 's'}`));
  }
  io.write(`${out.join('\n')}\n`);
  return 0;
}

function lineOf(text: string, line: number): string {
  return text.split(/\r\n|\n|\r/)[line] ?? '';
}

/** The requirement as it read when last reviewed (found in git by the stamp's fingerprint) against now, as diff lines. */
async function whatChanged(workspace: SignOffWorkspace, history: FileHistory, prfaq: DocModel, id: string, fingerprint: string, cache: Map<string, string>): Promise<string[]> {
  const key = `${prfaq.uri} ${id} ${fingerprint}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached === '' ? [] : cached.split('\n');
  let lines: string[];
  try {
    const found = await findReviewedText(history, prfaq.uri, id, fingerprint, (text) => workspace.parse(prfaq.uri, text));
    const { text: current, doc } = await workspace.read(prfaq.uri);
    const now = requirementSource(current, doc, id) ?? '';
    if (!found) {
      lines = [`  what changed: the text as reviewed is not in the git history of ${workspace.shown(prfaq.uri)} (it was never committed)`];
    } else {
      lines = [`  what changed since ${found.version.commit.slice(0, 12)} (${found.version.date}) in ${workspace.shown(prfaq.uri)}:`];
      for (const diff of lineDiff(found.source, now)) lines.push(`  ${diff.kind} ${diff.text}`);
    }
  } catch (error) {
    lines = [`  what changed: not available (${(error as Error).message})`];
  }
  const safe = lines.map(neutraliseLine);
  cache.set(key, safe.join('\n'));
  return safe;
}
