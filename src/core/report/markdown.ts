import { ownersLine } from './ownersText';
import type { Report } from './report';

/** Escapes text from documents for a markdown table cell or line: it is shown, never interpreted. */
export function escapeMarkdown(text: string): string {
  // Enough to keep text literal in a table cell: no emphasis, code, links, HTML or cell breaks.
  return text.replace(/[\\`*_[\]|<>&]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' ');
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
  out.push(`## Findings (${report.findings.length})`, '');
  if (report.findings.length === 0) out.push('None.');
  for (const f of report.findings) {
    out.push(`- **${f.severity}** \`${f.code}\` ${escapeMarkdown(f.path)}:${f.line}:${f.column} — ${escapeMarkdown(f.message)}`);
  }
  return `${out.join('\n')}\n`;
}
