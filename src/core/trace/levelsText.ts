import type { RequirementTraceReport } from './traceReport';

/**
 * The levels of a requirement for the human reports: "needs impl, utest; covered: impl", or
 * "needs nothing" for a terminating item. Empty for this project's requirements (they need a
 * design section, which their status already says), so those lines read as they always did.
 */
export function levelsLabel(r: RequirementTraceReport): string {
  if (r.needs.length === 1 && r.needs[0] === 'design' && r.type === 'prfaq') return '';
  if (r.needs.length === 0) return 'needs nothing';
  return `needs ${r.needs.join(', ')}; covered: ${r.coveredTypes.join(', ') || 'none'}`;
}

/** A covering entry: "src/a.ts:12 [impl]" for a tag, "design.md › Parser (dsn~parser~1)" for an item, "design.md › Parser" for a section. */
export function coveringLabel(c: { readonly path: string; readonly section: string; readonly line: number; readonly kind: string; readonly type: string; readonly by?: string }): string {
  if (c.kind === 'source') return `${c.path}:${c.line} [${c.type}${c.by ? ` ${c.by}` : ''}]`;
  return `${c.path} › ${c.section}${c.by ? ` (${c.by})` : ''}`;
}
