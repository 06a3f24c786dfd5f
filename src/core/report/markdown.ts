import { ownersLine } from './ownersText';
import { openCommentTotal, type CommentReport, type Report } from './report';
import { openThreadsLabel } from './text';

/** Escapes text from documents for a markdown table cell or line: it is shown, never interpreted. */
export function escapeMarkdown(text: string): string {
  // Enough to keep text literal in a table cell: no emphasis, code, links, HTML or cell breaks.
  return text.replace(/[\\`*_[\]|<>&]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' ');
}

/** "line 12: `t-8f3k2q` by @priya, 1 reply, last activity 2026-11-25T10:05:00Z" */
function threadLine(thread: CommentReport): string {
  const replies = `${thread.replies} repl${thread.replies === 1 ? 'y' : 'ies'}`;
  return `line ${thread.line}: \`${thread.id}\` by ${escapeMarkdown(thread.author)}, ${replies}, last activity ${escapeMarkdown(thread.lastActivity)}`;
}

const statusLabel = { covered: '✅ covered', waived: '➖ waived', uncovered: '❌ uncovered' } as const;

/** The coverage report as markdown: for the editor's preview and for CI job summaries. */
export function renderMarkdown(report: Report): string {
  const out: string[] = ['# PR/FAQ coverage report', ''];
  if (report.prfaqs.length === 0) out.push('No PR/FAQs found.', '');
  for (const prfaq of report.prfaqs) {
    const s = prfaq.summary;
    out.push(`## ${escapeMarkdown(prfaq.title)}`, '');
    out.push(`\`${prfaq.path.replace(/`/g, "'")}\` · ${escapeMarkdown(ownersLine(prfaq.owners))}`, '');
    out.push(`**${s.covered}/${s.total} covered**, ${s.waived} waived, ${s.uncovered} uncovered`, '');
    if (prfaq.openComments > 0) out.push(`💬 ${openThreadsLabel(prfaq.openComments)}`, '');
    out.push('| Requirement | Title | Status | Covered by |', '|---|---|---|---|');
    for (const r of prfaq.requirements) {
      const by = r.coveredBy.map((c) => `${escapeMarkdown(c.path)} › ${escapeMarkdown(c.section)}`).join('<br>');
      const status = r.status === 'waived' && r.waivedBecause ? `${statusLabel.waived}: ${escapeMarkdown(r.waivedBecause)}` : statusLabel[r.status];
      out.push(`| ${escapeMarkdown(r.id)} | ${escapeMarkdown(r.title)} | ${status} | ${by} |`);
    }
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
    out.push(`- **${f.severity}** \`${f.code}\` ${escapeMarkdown(f.path)}:${f.line}:${f.column} — ${escapeMarkdown(f.message)}`);
  }
  return `${out.join('\n')}\n`;
}
