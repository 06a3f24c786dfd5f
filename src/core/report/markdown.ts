import { approvalSummary, reviewSuffix } from '../review/reviewText';
import { neutralisedLines, neutraliseText } from '../text/neutralise';
import { ownersLine } from './ownersText';
import { openCommentTotal, type CommentReport, type Report, type RequirementReport } from './report';
import { coveringLabel, levelsLabel } from '../trace/levelsText';
import { openThreadsLabel } from './text';

/**
 * Escapes text from documents for a markdown table cell or line: it is shown, never interpreted.
 * Every punctuation that can start markup gets a backslash (CommonMark renders `\x` as `x` for
 * any ASCII punctuation): emphasis, code, links, images, HTML, entities, headings,
 * strikethrough, math, cell breaks. Then the text is neutralised (line breaks and control
 * characters become visible escapes such as `\n`), so it stays on its line and nothing of it is
 * lost. Bare URLs and e-mail addresses still render as links: GFM finds them in the text after
 * escapes are resolved, as it does in the documents themselves.
 */
export function escapeMarkdown(text: string): string {
  return neutraliseText(text.replace(/[\\`*_[\]|<>&#~$!]/g, (c) => `\\${c}`));
}

/** Document text as an inline code span: neutralised, fenced by more backticks than it holds. */
export function codeSpan(text: string): string {
  const shown = neutraliseText(text);
  let longest = 0;
  for (const run of shown.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(longest + 1);
  // A space on each side keeps a leading or trailing backtick out of the fence (CommonMark strips one).
  const padded = shown.startsWith('`') || shown.endsWith('`') || (shown.startsWith(' ') && shown.endsWith(' ') && shown.trim() !== '') ? ` ${shown} ` : shown;
  return `${fence}${padded}${fence}`;
}

/** "line 12: `t-8f3k2q` by @priya, 1 reply, last activity 2026-11-25T10:05:00Z" */
function threadLine(thread: CommentReport): string {
  const replies = `${thread.replies} repl${thread.replies === 1 ? 'y' : 'ies'}`;
  return `line ${thread.line}: ${codeSpan(thread.id)} by ${escapeMarkdown(thread.author)}, ${replies}, last activity ${escapeMarkdown(thread.lastActivity)}`;
}

const statusLabel = { covered: '✅ covered', waived: '➖ waived', uncovered: '❌ uncovered', suspect: '⚠️ suspect' } as const;

/** One table row: ID, title, status (with the levels of an OFT item), what covers it. */
function requirementRow(r: RequirementReport): string {
  const by = r.coveredBy.map((c) => `${escapeMarkdown(coveringLabel(c))}${reviewSuffix(c)}`).join('<br>');
  const levels = levelsLabel(r);
  const status = `${r.status === 'waived' && r.waivedBecause ? `${statusLabel.waived}: ${escapeMarkdown(r.waivedBecause)}` : statusLabel[r.status]}${levels ? ` (${escapeMarkdown(levels)})` : ''}`;
  return `| ${escapeMarkdown(r.id)} | ${escapeMarkdown(r.title)} | ${status} | ${by} |`;
}

/** The coverage report as markdown: for the editor's preview and for CI job summaries. Every line is neutralised too. */
export function renderMarkdown(report: Report): string {
  const out: string[] = ['# PR/FAQ coverage report', ''];
  if (report.prfaqs.length === 0) out.push('No PR/FAQs found.', '');
  for (const prfaq of report.prfaqs) {
    const s = prfaq.summary;
    out.push(`## ${escapeMarkdown(prfaq.title)}`, '');
    out.push(`${codeSpan(prfaq.path)} · ${escapeMarkdown(ownersLine(prfaq.owners))}`, '');
    out.push(`**${s.covered}/${s.total} covered**, ${s.waived} waived, ${s.uncovered} uncovered${s.suspect > 0 ? `, ${s.suspect} suspect` : ''}`, '');
    const approval = approvalSummary(prfaq.approval);
    if (approval) out.push(`🖊️ ${escapeMarkdown(approval)}`, '');
    if (prfaq.openComments > 0) out.push(`💬 ${openThreadsLabel(prfaq.openComments)}`, '');
    out.push('| Requirement | Title | Status | Covered by |', '|---|---|---|---|');
    for (const r of prfaq.requirements) out.push(requirementRow(r));
    out.push('');
  }
  // OpenFastTrace items defined in design docs: the next level down, one table per design doc.
  for (const d of report.designs) {
    if (d.requirements.length === 0) continue;
    out.push(`## ${escapeMarkdown(d.title)}`, '', `${codeSpan(d.path)}`, '', '| Requirement | Title | Status | Covered by |', '|---|---|---|---|');
    for (const r of d.requirements) out.push(requirementRow(r));
    out.push('');
  }
  if (report.designs.length > 0) {
    out.push('## Design docs', '', '| Design doc | Co-owners | Answers | Sections covering |', '|---|---|---|---|');
    for (const d of report.designs) {
      const covering = d.sections.filter((s) => s.covers.length > 0).length;
      out.push(`| ${escapeMarkdown(d.title)} (${escapeMarkdown(d.path)}) | ${escapeMarkdown(ownersLine(d.owners))} | ${d.prfaq.map(escapeMarkdown).join(', ')} | ${covering} |`);
    }
    out.push('');
  }
  const signed = report.designs.flatMap((d) => {
    const approval = approvalSummary(d.approval);
    return approval ? [`- ${escapeMarkdown(d.title)} (${escapeMarkdown(d.path)}): ${escapeMarkdown(approval)}`] : [];
  });
  if (signed.length > 0) out.push('## Design doc approvals', '', ...signed, '');
  const open = openCommentTotal(report);
  if (open > 0) {
    out.push(`## Open comment threads (${open})`, '');
    for (const doc of [...report.prfaqs, ...report.designs]) {
      if (doc.openComments === 0) continue;
      out.push(`- ${escapeMarkdown(doc.title)} (${escapeMarkdown(doc.path)}): ${openThreadsLabel(doc.openComments)}`);
      for (const thread of doc.comments.filter((c) => c.status === 'open')) out.push(`  - ${threadLine(thread)}`);
    }
    out.push('');
  }
  out.push(`## Findings (${report.findings.length})`, '');
  if (report.findings.length === 0) out.push('None.');
  for (const f of report.findings) {
    out.push(`- **${f.severity}** ${codeSpan(f.code)} ${escapeMarkdown(f.path)}:${f.line}:${f.column} — ${escapeMarkdown(f.message)}`);
  }
  return neutralisedLines(out);
}
