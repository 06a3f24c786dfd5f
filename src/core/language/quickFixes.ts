import { FindingCode } from '../findings';
import type { IndexQueries } from '../index/indexQueries';
import type { DocModel, Finding, Position } from '../model';
import { changeIdActions } from './changeId';
import { createSectionFor, designDocsAnswering, markSectionCovering } from './coverEdits';
import { idAt } from './idAt';
import { insertOwners } from './ownersEdit';
import type { CodeAction } from './types';

/** The current text of a document, when the host has it (open editors, or a read it did beforehand). */
export type TextOf = (uri: string) => string | undefined;

/**
 * The quick fixes for one finding: nearest IDs for `unknown-requirement`, a new covering
 * section in each design doc that answers the PR/FAQ for `uncovered-requirement` (choosing an
 * existing section is left to the host: `addToExistingSection`), placeholder co-owners for
 * `missing-co-owner`. Documents whose text `textOf` cannot give are skipped.
 */
export function quickFixesFor(index: IndexQueries, finding: Finding, textOf: TextOf): CodeAction[] {
  switch (finding.code) {
    case FindingCode.unknownRequirement:
      return changeIdActions(index, finding);
    case FindingCode.uncoveredRequirement: {
      const id = finding.subject;
      if (id === undefined) return [];
      return designDocsAnswering(index, finding.uri).flatMap((design) => {
        const text = textOf(design.uri);
        const action = text === undefined ? undefined : createSectionFor(index, design, id, text);
        return action ? [action] : [];
      });
    }
    case FindingCode.missingCoOwner: {
      const doc = index.get(finding.uri);
      const text = textOf(finding.uri);
      const action = doc && text !== undefined ? insertOwners(doc, text) : undefined;
      return action ? [action] : [];
    }
    default:
      return [];
  }
}

/**
 * The code action on a mention of a defined requirement inside a design section that does not
 * declare it yet: mark the section as covering it. Mentions never count as coverage.
 */
export function mentionActions(index: IndexQueries, doc: DocModel, position: Position, text: string): CodeAction[] {
  if (doc.kind !== 'design') return [];
  const hit = idAt(doc, position, index);
  if (!hit || hit.role !== 'mention' || hit.sectionIndex < 0 || !index.isDefined(hit.id)) return [];
  const action = markSectionCovering(doc, hit.sectionIndex, hit.id, text);
  return action ? [action] : [];
}
