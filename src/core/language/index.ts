/** Host-free editor features for requirement IDs: plain data in, plain data out. */
export type { CodeAction, DocumentEdit, IdRole, Location, TextEdit } from './types';
export { idAt, type IdAtPosition } from './idAt';
export { hoverFor, type Hover } from './hover';
export { definitionsFor } from './definition';
export { referencesFor } from './references';
export { occurrencesOf, type Occurrence } from './occurrences';
export { prepareRename, renameEdits, renameProblem, type PrepareRenameResult, type RenameOptions, type RenameResult } from './rename';
export { renamedFragment } from './linkFragments';
export { completionsFor, type CompletionItem } from './completion';
export { completionContextAt, type CompletionContextKind, type IdCompletionContext } from './completionContext';
export { requirementLenses, sectionLenses, type RequirementLens, type SectionLens } from './lenses';
export { closestIds, idDistance, maxSuggestionDistance } from './closestIds';
export { changeIdActions } from './changeId';
export { addToExistingSection, coverEdit, createSectionFor, designDocsAnswering, markSectionCovering } from './coverEdits';
export { insertOwners } from './ownersEdit';
export { mentionActions, quickFixesFor, type TextOf } from './quickFixes';
export { documentLinks, type DocumentLink } from './documentLinks';
export { workspaceSymbols, type WorkspaceSymbol } from './workspaceSymbols';
export { documentSymbols, type DocumentSymbol } from './documentSymbols';
export { escapeBlock, escapeInline, lineLink } from './markdownText';
export {
  canonicalDefinition,
  coveringSections,
  requirementMarkdown,
  statusMarkdown,
  type CardOptions,
  type CoveringSection,
} from './requirementInfo';
export { resolveAnchorLink, type LinkedRequirement } from './anchors';
export { waiverIdRange } from './waiverKey';
export { workspaceLabel } from './workspaceLabel';
