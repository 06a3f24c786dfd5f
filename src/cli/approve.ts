import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { applyTextEdits, approvalRefusal, approvalStatus, approvalSummary, approveEdits, approvalReport, isoNow, newApproval } from '../core/api';
import { neutraliseLine } from '../core/text/neutralise';
import { fileUri } from '../node/fsHost';
import { runSignOffVerb, UsageProblem, type SignOffIo } from './review';
import { openSignOffWorkspace, SignOffError } from './signOffWorkspace';

export const approveUsage = `Usage: prfaq-trace approve FILE --as PERSON [--in FOLDER] [--config file]

Records PERSON's approval of a PR/FAQ or design doc (<!-- prfaq-approval … --> at the top of the
file), bound to the document's fingerprint; a PR/FAQ approval also records the design sections
covering it, so a later change there is reported. PERSON must be a co-owner named in the file's
owners: (any role; pm and engineer are the ones a document needs). Approving again replaces
PERSON's earlier approval. Prints what it wrote and the document's approval state.

Options:
  --as PERSON         who approves: a handle, a name, an email or "Name <email>" (required)
  --in FOLDER         the workspace to scan for the design docs covering a PR/FAQ (default: .)
  --config <file>     configuration file (default: <FOLDER>/.prfaq-trace.json)
  -h, --help          show this help

Exit codes: 0 approved, 2 usage, configuration or file problem, or PERSON is not a co-owner.
`;

/** `prfaq-trace approve FILE --as PERSON`: returns the exit code. */
export function runApprove(argv: readonly string[], io: SignOffIo): Promise<number> {
  return runSignOffVerb('approve', () => approve(argv, io), io, true);
}

async function approve(argv: readonly string[], io: SignOffIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { as: { type: 'string' }, in: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageProblem((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.write(approveUsage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageProblem(positionals.length === 0 ? 'missing FILE' : 'approve takes one FILE at a time');
  const person = values.as?.trim();
  if (!person) throw new UsageProblem('--as PERSON is required (the co-owner who approves)');
  if (/[\r\n]/.test(person)) throw new UsageProblem('--as must be one line');
  const workspace = await openSignOffWorkspace([values.in ?? '.'], io.cwd, values.config);
  const uri = fileUri(resolve(io.cwd, positionals[0] as string));
  const shown = workspace.shown(uri);
  if (!workspace.index.get(uri)) {
    throw new SignOffError(`${shown} is not a PR/FAQ or design doc in the workspace scanned (${values.in ?? '.'}); pass --in with the folder that holds it`);
  }
  const { text, bom, doc } = await workspace.read(uri);
  const refusal = approvalRefusal(doc, person);
  if (refusal) throw new SignOffError(`${shown}: ${refusal}`);
  const approval = newApproval(workspace.index, doc, person, io.now?.() ?? isoNow());
  if (!approval) throw new SignOffError(`${shown}: ${person} cannot approve it`);
  let edits;
  try {
    edits = approveEdits(text, doc, approval);
  } catch (error) {
    throw new SignOffError(`${shown}: ${(error as Error).message}`);
  }
  const after = applyTextEdits(text, edits);
  await workspace.write(uri, after, bom);
  const next = workspace.parse(uri, after);
  if (next) workspace.index.set(next);
  const written = next?.approvals.find((a) => a.person === approval.person && a.at === approval.at);
  const block = written ? after.split(/\r\n|\n|\r/).slice(written.range.start.line, written.range.end.line + 1) : [];
  const status = next ? approvalSummary(approvalReport(workspace.index, next)) : undefined;
  const state = next ? approvalStatus(workspace.index, next).state : undefined;
  const lines = [
    `${shown}:${(written?.range.start.line ?? 0) + 1}: approved by ${approval.person} (${approval.role}) at ${approval.at}` +
      (approval.coverage.length > 0 ? `, with the ${approval.coverage.length} covering section${approval.coverage.length === 1 ? '' : 's'} it relies on` : ''),
    ...block,
    `${shown}: ${status ?? state ?? 'approved'}`,
  ];
  io.write(`${lines.map(neutraliseLine).join('\n')}\n`);
  return 0;
}
