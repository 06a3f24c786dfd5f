import { ownersLine } from './ownersText';
import { countBySeverity, type Report } from './report';

const statusMark = { covered: '✔', waived: '–', uncovered: '✘' } as const;

/**
 * The human report: per PR/FAQ a coverage summary and its requirements, then one line per
 * finding as `path:line:col severity code message` (paths via `findingPath`, clickable in terminals).
 */
export function renderText(report: Report, findingPath: (path: string) => string = (p) => p): string {
  const lines: string[] = [];
  if (report.prfaqs.length === 0) lines.push('No PR/FAQs found (files with "type: prfaq" in their frontmatter).');
  for (const prfaq of report.prfaqs) {
    const s = prfaq.summary;
    lines.push(`${prfaq.title} (${prfaq.path})`);
    lines.push(`  ${ownersLine(prfaq.owners)}`);
    lines.push(`  ${s.covered}/${s.total} covered, ${s.waived} waived, ${s.uncovered} uncovered`);
    for (const r of prfaq.requirements) {
      const by = r.coveredBy.map((c) => `${c.path} › ${c.section}`).join('; ');
      const detail = r.status === 'covered' ? ` ← ${by}` : r.status === 'waived' ? ` (waived${r.waivedBecause ? `: ${r.waivedBecause}` : ''})` : ' (uncovered)';
      lines.push(`  ${statusMark[r.status]} ${r.id} ${r.title}${detail}`);
    }
    lines.push('');
  }
  for (const f of report.findings) {
    lines.push(`${findingPath(f.path)}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
  }
  const counts = countBySeverity(report.findings);
  lines.push(`${report.prfaqs.length} PR/FAQ(s), ${report.designs.length} design doc(s): ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`);
  return `${lines.join('\n')}\n`;
}
