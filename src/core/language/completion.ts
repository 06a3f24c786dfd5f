import type { IndexQueries } from '../index/indexQueries';
import type { RequirementStatus } from '../index/workspaceIndex';
import type { DocModel, Position, Range, Requirement } from '../model';
import { completionContextAt, type CompletionContextKind } from './completionContext';
import { requirementMarkdown } from './requirementInfo';

export interface CompletionItem {
  readonly label: string;
  /** "uncovered · Buy with one click" for uncovered requirements, else the title. */
  readonly detail: string;
  /** Markdown: the requirement's text, PR/FAQ, co-owners and status. */
  readonly documentation: string;
  readonly sortText: string;
  /** The ID and the title, so typing words of the title finds the requirement too. */
  readonly filterText: string;
  readonly insertText: string;
  readonly replaceRange: Range;
  /** Hints for the host's icon and styling. */
  readonly kind: 'requirement';
  readonly status: RequirementStatus;
  /** Whether the requirement belongs to a PR/FAQ the document names in `prfaq:` (or, in `waived:`, to the document). */
  readonly linked: boolean;
  readonly preselect?: boolean;
}

const statusRank: Readonly<Record<RequirementStatus, number>> = { uncovered: 0, suspect: 1, covered: 2, waived: 3 };

interface Candidate {
  readonly requirement: Requirement;
  readonly prfaq: DocModel;
  readonly linked: boolean;
}

/** Requirements offered in a Covers: declaration: those of the linked PR/FAQs first, then the rest, each once. */
function coversCandidates(index: IndexQueries, doc: DocModel): Candidate[] {
  const linkedUris = [...new Set(doc.prfaqLinks.map((l) => l.target))];
  const prfaqs = [
    ...linkedUris.map((uri) => index.get(uri)).filter((d): d is DocModel => d?.kind === 'prfaq'),
    ...index.prfaqs().filter((d) => !linkedUris.includes(d.uri)),
  ];
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const prfaq of prfaqs) {
    const linked = linkedUris.includes(prfaq.uri);
    for (const requirement of prfaq.requirements) {
      if (seen.has(requirement.id)) continue;
      // A duplicate is offered where it counts: at its canonical definition.
      if (index.definitions(requirement.id)[0]?.requirement !== requirement) continue;
      seen.add(requirement.id);
      out.push({ requirement, prfaq, linked });
    }
  }
  return out;
}

/**
 * ID completion in `Covers:` declarations (inline or list) of design docs and in the `waived:`
 * map of a PR/FAQ's frontmatter (that PR/FAQ's own requirements). Requirements of the PR/FAQs
 * the design doc names in `prfaq:` come first; within each group uncovered ones first, then
 * covered, then waived, then in document order. IDs already in the declaration are left out.
 * Undefined when the position is not in such a context. `documentText` (the whole current
 * text) is needed for list items, `waived:` keys and the paragraph/code-block checks.
 */
export function completionsFor(
  index: IndexQueries,
  doc: DocModel,
  position: Position,
  lineText: string,
  documentText?: string,
): CompletionItem[] | undefined {
  const context = completionContextAt(doc, position, lineText, documentText);
  if (!context) return undefined;
  const candidates: Candidate[] =
    context.kind === 'waived-key'
      ? doc.requirements.map((requirement) => ({ requirement, prfaq: doc, linked: true }))
      : coversCandidates(index, doc);
  const offered = new Set<string>(context.listed);
  const ranked = candidates
    .filter((c) => {
      if (offered.has(c.requirement.id)) return false;
      offered.add(c.requirement.id);
      return true;
    })
    .map((c, order) => ({ ...c, order, status: index.status(c.requirement.id) }))
    .sort((a, b) => Number(b.linked) - Number(a.linked) || statusRank[a.status] - statusRank[b.status] || a.order - b.order);
  return ranked.map((c, i) => item(index, c, c.status, i, context.kind, context.replaceRange, context.needsSpace));
}

function item(
  index: IndexQueries,
  candidate: Candidate,
  status: RequirementStatus,
  position: number,
  kind: CompletionContextKind,
  replaceRange: Range,
  needsSpace: boolean,
): CompletionItem {
  const { requirement, prfaq, linked } = candidate;
  const title = requirement.title || prfaq.title;
  const base: CompletionItem = {
    label: requirement.id,
    detail: status === 'uncovered' ? `uncovered · ${title}` : status === 'waived' ? `waived · ${title}` : status === 'suspect' ? `suspect · ${title}` : title,
    documentation: requirementMarkdown(index, { doc: prfaq, requirement }, { coverage: false }),
    sortText: String(position).padStart(5, '0'),
    filterText: `${requirement.id} ${requirement.title}`.trim(),
    insertText: kind === 'waived-key' ? requirement.id : `${needsSpace ? ' ' : ''}${requirement.id}`,
    replaceRange,
    kind: 'requirement',
    status,
    linked,
  };
  return position === 0 && linked && status === 'uncovered' ? { ...base, preselect: true } : base;
}
