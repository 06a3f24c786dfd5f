import { approvalSummary, reviewSuffix } from '../review/reviewText';
import { neutralisedLines } from '../text/neutralise';
import { ownersLine } from './ownersText';
import { countBySeverity, openCommentTotal, type Report, type RequirementReport } from './report';
import { coveringLabel, levelsLabel } from '../trace/levelsText';

const statusMark = { covered: '✔', waived: '–', uncovered: '✘', suspect: '⚠' } as const;

export interface TextOptions {
  /** `--fail-on-open-comments`: say so when open threads fail the run. */
  readonly failOnOpenComments?: boolean;
  /** Further reasons the run fails (`--require-review`, `--require-approval`), one "failing:" line each. */
  readonly failing?: readonly string[];
}

/** "1 open comment thread", "2 open comment threads". */
export function openThreadsLabel(count: number): string {
  return `${count} open comment thread${count === 1 ? '' : 's'}`;
}

/**
 * The human report: per PR/FAQ a coverage summary and its requirements, then design docs with
 * open comment threads, then one line per finding as `path:line:col severity code message`
 * (paths via `findingPath`, clickable in terminals). Lines about comment threads appear only
 * when there are open threads, so reports of documents without any stay as they were.
 * Every line is neutralised (see text/neutralise.ts): document text cannot add lines, move the
 * cursor or issue CI workflow commands.
 */
/** "  ✘ dsn~x~1 Parser [needs impl, utest; covered: impl] ← src/a.ts:3 [impl]" */
function requirementLine(r: RequirementReport): string {
  const by = r.coveredBy.map((c) => `${coveringLabel(c)}${reviewSuffix(c)}`).join('; ');
  const levels = levelsLabel(r);
  const detail =
    r.status === 'covered'
      ? by ? ` ← ${by}` : ''
      : r.status === 'suspect'
        ? ` ← ${by} (suspect: changed since reviewed)`
        : r.status === 'waived'
          ? ` (waived${r.waivedBecause ? `: ${r.waivedBecause}` : ''})`
          : by ? ` (uncovered) ← ${by}` : ' (uncovered)';
  return `  ${statusMark[r.status]} ${r.id}${r.title ? ` ${r.title}` : ''}${levels ? ` [${levels}]` : ''}${detail}`;
}

export function renderText(report: Report, findingPath: (path: string) => string = (p) => p, options: TextOptions = {}): string {
  const lines: string[] = [];
  if (report.prfaqs.length === 0) lines.push('No PR/FAQs found (files with "type: prfaq" in their frontmatter).');
  for (const prfaq of report.prfaqs) {
    const s = prfaq.summary;
    lines.push(`${prfaq.title} (${prfaq.path})`);
    lines.push(`  ${ownersLine(prfaq.owners)}`);
    lines.push(`  ${s.covered}/${s.total} covered, ${s.waived} waived, ${s.uncovered} uncovered${s.suspect > 0 ? `, ${s.suspect} suspect` : ''}`);
    const approval = approvalSummary(prfaq.approval);
    if (approval) lines.push(`  ${approval}`);
    if (prfaq.openComments > 0) lines.push(`  ${openThreadsLabel(prfaq.openComments)}`);
    for (const r of prfaq.requirements) lines.push(requirementLine(r));
    lines.push('');
  }
  for (const design of report.designs) {
    const approval = approvalSummary(design.approval);
    if (design.openComments === 0 && !approval && design.requirements.length === 0) continue;
    lines.push(`${design.title} (${design.path})`);
    if (approval) lines.push(`  ${approval}`);
    if (design.openComments > 0) lines.push(`  ${openThreadsLabel(design.openComments)}`);
    // OpenFastTrace items defined in the design doc, one level further down.
    for (const r of design.requirements) lines.push(requirementLine(r));
    lines.push('');
  }
  for (const f of report.findings) {
    lines.push(`${findingPath(f.path)}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
  }
  const counts = countBySeverity(report.findings);
  const open = openCommentTotal(report);
  if (options.failOnOpenComments && open > 0) lines.push(`failing: ${openThreadsLabel(open)} (--fail-on-open-comments)`);
  for (const reason of options.failing ?? []) lines.push(`failing: ${reason}`);
  const threads = open > 0 ? `, ${open} open comment thread(s)` : '';
  lines.push(`${report.prfaqs.length} PR/FAQ(s), ${report.designs.length} design doc(s): ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info${threads}`);
  return neutralisedLines(lines);
}
