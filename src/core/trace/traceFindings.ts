import { FindingCode, finding } from '../findings';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { CoverEntry, DocModel, Finding, Requirement } from '../model';
import { documentRelativePath } from '../text/uri';
import { givesType, traceSummary } from './coverage';
import { isOftId, parseOftId } from './oftId';

/**
 * The uncovered-requirement finding of an uncovered requirement: this project's forms say a
 * design section must cover them; an OFT item names the types it needs and those covered.
 */
export function uncoveredFinding(doc: DocModel, requirement: Requirement, index: WorkspaceIndex): Finding {
  const { id } = requirement;
  const trace = index.trace(id);
  if (!trace || (requirement.form !== 'oft' && requirement.form !== 'forward' && requirement.form !== 'tag')) {
    return finding(FindingCode.uncoveredRequirement, doc.uri, requirement.idRange, `requirement ${id} is not covered by any design section (add "Covers: ${id}" to a design doc, or waive it)`, id);
  }
  const missing = trace.uncoveredTypes.map((type) => `[${type}->${id}] or a ${type} item with "Covers:" and "- ${id}"`);
  const design = trace.otherTypes.includes('design') ? '; a design section covers it, but OpenFastTrace counts only items: put an ID line above that Covers: list' : '';
  return finding(FindingCode.uncoveredRequirement, doc.uri, requirement.idRange, `${traceSummary(id, trace)} (add ${missing.join('; ')}, or waive it${design})`, id);
}

/** Findings on a document's Covers entries and tags: unknown or outdated IDs, unwanted coverage. */
export function coverFindings(doc: DocModel, index: WorkspaceIndex): Finding[] {
  const out: Finding[] = [];
  for (const cover of doc.covers) {
    const [definition] = index.definitions(cover.id);
    if (!definition) {
      out.push(undefinedCover(doc, cover, index));
      continue;
    }
    // Only OFT items and tags say what type they cover with; a design section's own line is this project's.
    if (cover.by === undefined && doc.kind !== 'source') continue;
    const { requirement } = definition;
    if (requirement.needs.some((type) => givesType(doc, cover, type))) continue;
    const needs = requirement.needs.length === 0 ? 'needs no coverage (it has no Needs:)' : `needs ${requirement.needs.join(', ')}`;
    const by = cover.by ?? `this ${cover.type} tag`;
    out.push(finding(FindingCode.unwantedCoverage, doc.uri, cover.range, `${by} covers ${cover.id} as ${cover.type}, but ${cover.id} ${needs}: OpenFastTrace reports this coverage as unwanted (add ${cover.type} to its Needs:, or cover something that needs it)`, cover.id));
  }
  return out;
}

function undefinedCover(doc: DocModel, cover: CoverEntry, index: WorkspaceIndex): Finding {
  const others = index.otherRevisions(cover.id);
  const parsed = parseOftId(cover.id);
  if (parsed && others.length > 0) {
    const current = others[others.length - 1] as string;
    const currentRevision = parseOftId(current)?.revision ?? 0;
    const where = index.definitions(current)[0];
    const at = where ? ` (${documentRelativePath(doc.uri, where.doc.uri)}:${where.requirement.idRange.start.line + 1})` : '';
    const how = parsed.revision < currentRevision ? 'outdated: the item changed since it was covered; check the coverage, then cover' : 'predated: it names a revision that does not exist yet; cover';
    return finding(FindingCode.outdatedCoverage, doc.uri, cover.range, `${cover.id} is not defined, ${current} is the current revision${at}: OpenFastTrace reports this coverage as ${how} ${current}`, cover.id);
  }
  const what = doc.kind === 'source' ? 'this tag names an item nothing defines' : isOftId(cover.id) ? 'no OpenFastTrace item has this ID' : 'no PR/FAQ defines it';
  return finding(FindingCode.unknownRequirement, doc.uri, cover.range, `${cover.id} is not a requirement of any PR/FAQ or design doc: ${what}`, cover.id);
}
