import { finding } from '../findings';
import type { Approval, Finding, ReviewStamp } from '../model';
import type { ChunkSignOff } from '../parse/chunkModel';
import { shiftRange } from '../text/lineIndex';
import { resolveDocumentPath } from '../text/uri';
import { fnv1a64 } from './fnv';
import { ReviewCode } from './rules';

/** The review stamps and approvals of one document, gathered chunk by chunk. */
export interface SignOffs {
  readonly reviewStamps: ReviewStamp[];
  readonly approvals: Approval[];
}

/** Adds one chunk's block (lines relative to `startLine`, section already resolved) to the document's sign-offs. */
export function collectSignOff(uri: string, block: ChunkSignOff, startLine: number, sectionIndex: number, into: SignOffs, findings: Finding[]): void {
  const range = shiftRange(block.range, startLine);
  if (block.stamp) {
    into.reviewStamps.push({ ...block.stamp, range, sectionIndex });
  } else if (block.approval) {
    const coverage = block.approval.coverage.map((entry) => ({ ...entry, target: resolveDocumentPath(uri, entry.path) }));
    into.approvals.push({ ...block.approval, coverage, range });
  } else {
    const opener = { start: range.start, end: { line: range.start.line, character: range.start.character + 4 } };
    findings.push(finding(ReviewCode.malformedSignOff, uri, opener, `review stamp or approval comment is malformed and left as it is (it counts for nothing): ${block.problem ?? 'unreadable'}`));
  }
}

/**
 * The document fingerprint: FNV-1a 64 of its parts' fingerprints (one per line). The parts are
 * the text before the first `#`/`##` heading (when it holds any) and each `#`/`##` section,
 * in document order (see ChunkFingerprints.contentParts).
 */
export function documentFingerprint(parts: readonly string[]): string {
  return fnv1a64(parts.join('\n'));
}
