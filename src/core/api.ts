/**
 * The core's public surface: hosts (CLI, extension, tests) import from here. The incremental
 * parse's pieces (chunks, their cache and extractor) are in parsing.ts, for parser hosts only.
 */
export * from './model';
export * from './config';
export * from './findings';
export * from './ids';
export { classify, isCandidate, isScanned, kindByPath } from './parse/classify';
export { parseDocument, type ParseInput, type ParseOptions } from './parse/parseDocument';
export { PARSER_VERSION } from './parse/markdown';
export { WorkspaceIndex } from './index/workspaceIndex';
export type {
  CoverageDeclaration,
  CoverageSummary,
  IndexChange,
  Reference,
  RequirementDefinition,
  RequirementStatus,
} from './index/workspaceIndex';
export type { DocumentParser, WorkspaceFile, WorkspaceHost } from './scan/host';
export { createInProcessParser } from './scan/inProcessParser';
export { indexWorkspace, readInput, type ScanProgress, type ScanResult } from './scan/indexWorkspace';
export { decodeText } from './text/decode';
export { LineIndex } from './text/lineIndex';
export { applyTextEdits, eolOf, type TextEdit } from './text/textEdit';
export { commonFolder, documentRelativePath, fileNameOf, fileStem, folderOf, normalizeUri, relativePath, resolveDocumentPath } from './text/uri';
export { buildReport, countBySeverity, type Report } from './report/report';
export { renderText } from './report/text';
export { renderMarkdown, escapeMarkdown } from './report/markdown';
export { renderSarif } from './report/sarif';
export {
  designTemplate,
  faqText,
  fileSlug,
  idPrefixFor,
  partText,
  prfaqTemplate,
  pressReleaseTemplate,
  pressReleaseText,
  questionText,
  type PrfaqTemplateInput,
} from './templates';
export * from './lint/rules';
export { isLinted, missingPartCode, structureFindings, weaselWords } from './lint/lint';
export { structureFix } from './lint/partFix';
export { DEFAULT_WEASEL_WORDS, defaultStructureSettings, readStructureSettings, type StructureSettings } from './lint/settings';
export type { FaqPart, FoundPart, PressRelease, PrfaqStructure, ProseSegment } from './lint/structure';
export { PRESS_RELEASE_PARTS, type PressReleasePart } from './lint/partNames';
export * from './numbering/numberCommitments';
export { idPrefixOf, saveIdPrefix } from './numbering/idPrefix';
export { adoptEdits, firstHeading, type AdoptInput, type AdoptResult } from './adopt/adoptEdits';
export { frontmatterEdits, type FrontmatterChange, type FrontmatterEditResult } from './adopt/frontmatterEdit';
export type { CodeAction, DocumentEdit } from './language/types';
export { createCachingParser, type Hasher, type ModelStore } from './scan/cachingParser';
export * from './comments/threadFormat';
export * from './comments/threadEdits';
export * from './owners/assignEdits';
export * from './owners/whoAmI';
export * from './owners/roles';
export * from './owners/labels';
export * from './owners/mine';
export * from './owners/sections';
export * from './owners/people';
export type { IndexQueries } from './index/indexQueries';
export { inputFor } from './scan/inputFor';
export { LiveEngine, CHANGE_COALESCE_MS, OFFLOAD_CHARS, TYPING_DEBOUNCE_MS } from './live/liveEngine';
export type { LiveIndex, LiveState } from './live/liveIndex';
export { Emitter } from './live/emitter';
export { workspaceChanged, type ConfigurationChange, type Disposable, type Event, type LiveEvents, type OpenBuffer } from './live/events';
export {
  timerScheduler,
  type ChunkExtractor,
  type LiveServices,
  type LiveWorkspaceHost,
  type LoadedConfig,
  type Logger,
  type ParserFactory,
  type Scheduler,
} from './live/services';
export * from './live/settings';
export * from './review';
