import type { StructureBlock } from '../lint/blocks';
import type { CommentThread, OftStatus, Range, RequirementForm } from '../model';
import type { ApprovalData, StampData } from '../review/signOffFormat';

/**
 * What one chunk of a document yields, with lines relative to the chunk's first line
 * (characters are absolute: chunks start at line starts). Heading indices are chunk-local;
 * -1 means "before the chunk's first heading". Kept separate from the document model so an
 * unchanged chunk's result can be reused after an edit elsewhere shifts its lines.
 */
export interface ChunkHeading {
  readonly level: number;
  readonly text: string;
  /** The text GitHub makes the anchor from: raw HTML and images dropped, not trimmed. */
  readonly slugText: string;
  readonly range: Range;
  /** The section's fingerprint (review/fingerprint.ts). */
  readonly fingerprint: string;
}

export interface ChunkRequirement {
  readonly id: string;
  readonly idRange: Range;
  readonly range: Range;
  readonly form: RequirementForm;
  readonly title: string;
  readonly text: string;
  readonly heading: number;
  /** For heading/oft forms: the heading that is the requirement. */
  readonly ownHeading: boolean;
  /** Fingerprint of its own title and text (review/fingerprint.ts). */
  readonly fingerprint: string;
  /** OFT items only (the other forms get their defaults when assembled). */
  readonly needs?: readonly string[];
  readonly tags?: readonly string[];
  readonly depends?: readonly string[];
  readonly status?: OftStatus;
}

export interface ChunkIdRef {
  readonly id: string;
  readonly range: Range;
  readonly heading: number;
}

/** A Covers entry; `by`/`type` when it belongs to an OFT item (else it is a section's own declaration). */
export interface ChunkCover extends ChunkIdRef {
  readonly by?: string;
  readonly type?: string;
}

/** A finding of the OFT reader, made a Finding when the chunk is assembled. */
export interface ChunkProblem {
  readonly code: string;
  readonly message: string;
  readonly range: Range;
  readonly subject?: string;
}

export interface ChunkLink {
  readonly url: string;
  readonly range: Range;
  readonly heading: number;
}

export interface ChunkOwnerComment {
  readonly people: readonly string[];
  readonly range: Range;
  readonly heading: number;
  /** True when the comment is the first thing after its heading. */
  readonly placed: boolean;
}

export interface ChunkThread {
  readonly thread?: Pick<CommentThread, 'id' | 'status' | 'comments'>;
  /** Why the block is malformed (kept as it is, reported). */
  readonly problem?: string;
  readonly range: Range;
  readonly anchor: Range;
  readonly indent: string;
}

/** A review stamp or approval block, or why a block that looks like one is malformed. */
export interface ChunkSignOff {
  readonly stamp?: StampData;
  readonly approval?: ApprovalData;
  readonly problem?: string;
  readonly range: Range;
  readonly heading: number;
}

export interface ChunkModel {
  readonly lineCount: number;
  readonly headings: readonly ChunkHeading[];
  readonly requirements: readonly ChunkRequirement[];
  readonly covers: readonly ChunkCover[];
  readonly mentions: readonly ChunkIdRef[];
  readonly links: readonly ChunkLink[];
  readonly ownerComments: readonly ChunkOwnerComment[];
  readonly threads: readonly ChunkThread[];
  /** Top-level blocks, for the PR/FAQ structure lint. */
  readonly blocks: readonly StructureBlock[];
  /** Parts of the document fingerprint (review/fingerprint.ts contentParts). */
  readonly contentParts: readonly string[];
  readonly signOffs: readonly ChunkSignOff[];
  readonly problems: readonly ChunkProblem[];
}
