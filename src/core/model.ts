/**
 * The document model: readonly, plain data (JSON-serialisable) so it can cross a
 * worker boundary and live in a persistent cache. No AST is kept: a model holds
 * only what the index, the editor features and the reports need.
 */
import type { PrfaqStructure } from './lint/structure';
import type { ApprovalData, ApprovedCoverage, StampData } from './review/signOffFormat';

/** 0-based line and UTF-16 character, as in LSP and VS Code. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** `source`: a file matched by `sourceGlobs`, read by a line scan for OpenFastTrace tags (never markdown). */
export type DocKind = 'prfaq' | 'design' | 'source';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly uri: string;
  readonly range: Range;
  /** The requirement ID or frontmatter field the finding is about, for quick fixes. */
  readonly subject?: string;
}

/** One role of `owners:`, in frontmatter order. */
export interface OwnerRole {
  readonly role: string;
  readonly people: readonly string[];
}

export interface Owners {
  readonly roles: readonly OwnerRole[];
  /** Range of the `owners:` key, or of the opening frontmatter fence when absent. */
  readonly range: Range;
}

/**
 * `heading`, `list-item`: this project's forms. `oft`: an OpenFastTrace item (an ID line, with
 * its title, Needs:, Covers: …). `forward`: OFT's `arch --> dsn : req~x~1`. `tag`: a named
 * source tag (`[impl~name~1->dsn~x~1]`).
 */
export type RequirementForm = 'heading' | 'list-item' | 'oft' | 'forward' | 'tag';

export type OftStatus = 'approved' | 'proposed' | 'draft';

export interface Requirement {
  readonly id: string;
  /** Range of the ID token itself (what rename edits). */
  readonly idRange: Range;
  /** The heading line or the list item's first line. */
  readonly range: Range;
  readonly form: RequirementForm;
  readonly title: string;
  readonly text: string;
  /** Fragments that link to this requirement: the heading slug (heading/oft forms) and the lower-cased ID. */
  readonly anchors: readonly string[];
  /** Index into `sections` of the section this requirement stands in (its own heading for heading/oft forms), or -1. */
  readonly sectionIndex: number;
  /** Fingerprint of its normalised title and text (review/fingerprint.ts). */
  readonly fingerprint: string;
  /** Artifact type: the OpenFastTrace type of its ID (`feat`, `dsn`), else `prfaq` (this project's IDs). */
  readonly type: string;
  /**
   * Artifact types that must cover it. An OFT item: its `Needs:` (empty: terminating, it needs
   * nothing). This project's forms: `design` (a design section).
   */
  readonly needs: readonly string[];
  /** OFT `Tags:`. */
  readonly tags: readonly string[];
  /** OFT `Depends:`: references to other items, never coverage. */
  readonly depends: readonly string[];
  /** OFT `Status:`, when given. */
  readonly status?: OftStatus;
}

export interface CoverEntry {
  readonly id: string;
  readonly range: Range;
  /** Index into `sections`, or -1 when the declaration stands before the first heading (always -1 in source files). */
  readonly sectionIndex: number;
  /**
   * The artifact type this entry covers with: the type of the item whose Covers: list (or tag) it
   * is in (`dsn`, `impl`), or `design` for a design section's own Covers: line.
   */
  readonly type: string;
  /** The ID of the OFT item (or named tag) whose entry this is, when it belongs to one. */
  readonly by?: string;
}

export interface Section {
  readonly heading: string;
  readonly level: number;
  /** GitHub-compatible anchor, de-duplicated within the document. */
  readonly slug: string;
  readonly range: Range;
  /** Last line (inclusive) of the section's content, up to the next heading of the same or a higher level. */
  readonly endLine: number;
  readonly owners: readonly string[];
  readonly ownerRange?: Range;
  /** Index of the enclosing section, or -1. */
  readonly parent: number;
  /** Fingerprint of the section's normalised text, subsections included (review/fingerprint.ts). */
  readonly fingerprint: string;
}

/** A mention of something that looks like an ID (resolved against the index on demand). */
export interface Mention {
  readonly id: string;
  readonly range: Range;
  readonly sectionIndex: number;
}

/** A link with a fragment (`other.md#chk-3`, `#chk-3`); resolved against requirement anchors on demand. */
export interface AnchorLink {
  /** The link target without fragment, resolved to an absolute URI string ('' for a same-document link). */
  readonly target: string;
  readonly fragment: string;
  readonly range: Range;
  readonly sectionIndex: number;
}

export interface PrfaqLink {
  readonly path: string;
  /** Absolute URI string the path resolves to. */
  readonly target: string;
  readonly range: Range;
}

export interface Waiver {
  readonly id: string;
  readonly reason: string;
  readonly range: Range;
}

/** An inline comment thread stored in the document (see comments/threadFormat.ts). */
export interface CommentThread {
  readonly id: string;
  readonly status: 'open' | 'resolved';
  readonly comments: ReadonlyArray<{ readonly author: string; readonly time: string; readonly body: string }>;
  /** The whole comment block, from its first line's start to the end of its `-->` line. */
  readonly range: Range;
  /** The block (paragraph, list item, heading) the thread is about; the block itself when it stands alone. */
  readonly anchor: Range;
  /** Indentation of the block's lines (inside list items). */
  readonly indent: string;
}

/** A review stamp stored beside a `Covers:` declaration (see review/signOffFormat.ts). */
export interface ReviewStamp extends StampData {
  /** The stamp's line. */
  readonly range: Range;
  /** Index into `sections` of the section it stands in (as for CoverEntry), or -1. */
  readonly sectionIndex: number;
}

/** A co-owner's approval of a document (see review/signOffFormat.ts). */
export interface Approval extends Omit<ApprovalData, 'coverage'> {
  /** For PR/FAQ approvals: the design sections that covered it then, each with its design doc's URI. */
  readonly coverage: ReadonlyArray<ApprovedCoverage & { readonly target: string }>;
  /** The whole block. */
  readonly range: Range;
}

export interface DocModel {
  readonly uri: string;
  readonly kind: DocKind;
  readonly title: string;
  readonly owners: Owners;
  readonly prfaqLinks: readonly PrfaqLink[];
  readonly waivers: readonly Waiver[];
  readonly requirements: readonly Requirement[];
  readonly sections: readonly Section[];
  readonly covers: readonly CoverEntry[];
  readonly mentions: readonly Mention[];
  readonly anchorLinks: readonly AnchorLink[];
  readonly threads: readonly CommentThread[];
  /** Findings that depend on this document alone (frontmatter, owner comments, limits). */
  readonly findings: readonly Finding[];
  /** Fingerprint of the document's normalised text (comments, threads, stamps and approvals excluded). */
  readonly fingerprint: string;
  /** Review stamps beside `Covers:` declarations (design docs). */
  readonly reviewStamps: readonly ReviewStamp[];
  /** Co-owner approvals of the document. */
  readonly approvals: readonly Approval[];
  /** A parsed PR/FAQ's press release and FAQ parts, for the structure lint (absent otherwise). */
  readonly structure?: PrfaqStructure;
  readonly lineCount: number;
}
