import type { IndexQueries, Requirement } from '../../core/api';
import { escapeBlock } from '../../core/language';
import type { CoverageNode } from './coverageTree';

/**
 * The levels of tracing in the trees: what covers an ID (design sections, OFT items, source
 * tags), each covering item expandable to what covers it in turn.
 */
export function coveringNodes(index: IndexQueries, id: string, parent: CoverageNode | undefined): CoverageNode[] {
  const trail = parent?.kind === 'cover' ? `${parent.trail ?? parent.id}>${id}` : id;
  return index.coverage(id).map((c): CoverageNode => {
    const source = c.doc.kind === 'source';
    const label = source ? `${c.doc.title}:${c.cover.range.start.line + 1}` : `${c.doc.title} › ${c.section?.heading ?? '(document)'}`;
    return {
      kind: 'cover',
      id,
      uri: c.doc.uri,
      // A tag opens at itself, a section at its heading.
      range: source ? c.cover.range : (c.section?.range ?? c.cover.range),
      label: c.cover.by !== undefined && !source ? `${c.cover.by} (${label})` : label,
      owners: c.section?.owners ?? [],
      sectionIndex: c.cover.sectionIndex,
      ...(c.cover.by !== undefined ? { by: c.cover.by } : {}),
      type: c.cover.type,
      docKind: c.doc.kind,
      trail,
      ...(parent ? { parent } : {}),
    };
  });
}

/** " — impl ✔ utest ✘" for an OFT item with Needs:, "" for this project's requirements and terminating items. */
export function levelsDescription(index: IndexQueries, requirement: Requirement | undefined): string {
  if (!requirement || requirement.type === 'prfaq') return '';
  const trace = index.trace(requirement.id);
  if (!trace || trace.needs.length === 0) return '';
  return ` — ${trace.needs.map((type) => `${type} ${trace.coveredTypes.includes(type) ? '✔' : '✘'}`).join(' ')}`;
}

/** "Needs: impl, utest · covered: impl" (escaped markdown), or "" for this project's requirements. */
export function levelsTooltip(index: IndexQueries, requirement: Requirement | undefined): string {
  if (!requirement || requirement.type === 'prfaq') return '';
  const trace = index.trace(requirement.id);
  if (!trace) return '';
  if (trace.needs.length === 0) return 'Needs nothing (terminating)';
  return escapeBlock(`Needs: ${trace.needs.join(', ')} · covered: ${trace.coveredTypes.join(', ') || 'none'}`);
}
