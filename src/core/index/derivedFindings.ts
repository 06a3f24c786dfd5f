import { FindingCode, finding } from '../findings';
import type { DocModel, Finding } from '../model';
import { reviewFindings } from '../review/reviewFindings';
import { coverFindings, uncoveredFinding } from '../trace/traceFindings';
import { documentRelativePath } from '../text/uri';
import type { WorkspaceIndex } from './workspaceIndex';

/** Findings of `doc` that depend on other documents: duplicates, coverage, unknown IDs, links. */
export function deriveFindings(doc: DocModel, index: WorkspaceIndex): Finding[] {
  const out: Finding[] = [];
  for (const requirement of doc.requirements) {
    const [canonical] = index.definitions(requirement.id);
    if (canonical && canonical.requirement !== requirement) {
      const where = `${documentRelativePath(doc.uri, canonical.doc.uri)}:${canonical.requirement.idRange.start.line + 1}`;
      out.push(finding(FindingCode.duplicateRequirement, doc.uri, requirement.idRange, `requirement ${requirement.id} is already defined at ${where}; IDs must be unique across the workspace`, requirement.id));
      continue;
    }
    if (index.status(requirement.id) === 'uncovered') out.push(uncoveredFinding(doc, requirement, index));
  }
  for (const waiver of doc.waivers) {
    if (!index.isDefined(waiver.id)) {
      out.push(finding(FindingCode.unknownRequirement, doc.uri, waiver.range, `waived requirement ${waiver.id} is not defined in any PR/FAQ`, waiver.id));
    }
  }
  out.push(...coverFindings(doc, index));
  for (const link of doc.prfaqLinks) {
    const target = index.get(link.target);
    if (target?.kind !== 'prfaq') {
      const why = target ? 'is not a PR/FAQ (its frontmatter has no "type: prfaq")' : 'does not exist or is not analysed';
      out.push(finding(FindingCode.unresolvedPrfaqLink, doc.uri, link.range, `prfaq link "${link.path}" ${why}`, link.path));
    }
  }
  // Source files have no co-owners, stamps or approvals.
  if (doc.kind !== 'source') out.push(...reviewFindings(doc, index));
  return out;
}
