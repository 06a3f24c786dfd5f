import { FindingCode, finding } from '../findings';
import type { CoverEntry, DocModel, Finding, Requirement } from '../model';
import type { ParseInput } from '../parse/parseDocument';
import { documentFingerprint } from '../review/assembleSignOffs';
import { fingerprintOf } from '../review/fingerprint';
import { LineIndex, lineRange } from '../text/lineIndex';
import { fileNameOf } from '../text/uri';
import { findSourceTags } from './sourceTags';

/**
 * The model of a source file (`sourceGlobs`): its OpenFastTrace tags as Covers entries, a named
 * tag's covering item as a requirement of form `tag`. A line scan, never a markdown parse.
 */
export function scanSource(input: ParseInput): DocModel {
  const { uri, text } = input;
  const lines = new LineIndex(text);
  const { tags, problems } = findSourceTags(text);
  const covers: CoverEntry[] = [];
  const requirements: Requirement[] = [];
  const findings: Finding[] = [];
  for (const tag of tags) {
    const coveredRange = lineRange(tag.line, tag.coveredStart, tag.coveredStart + tag.covered.length);
    covers.push({ id: tag.covered, range: coveredRange, sectionIndex: -1, type: tag.type, ...(tag.item ? { by: tag.item } : {}) });
    if (tag.item && tag.itemStart !== undefined) {
      requirements.push({
        id: tag.item,
        idRange: lineRange(tag.line, tag.itemStart, tag.itemStart + tag.item.length),
        range: lineRange(tag.line, tag.start, tag.end),
        form: 'tag',
        title: '',
        text: `covers ${tag.covered}`,
        anchors: [],
        sectionIndex: -1,
        fingerprint: fingerprintOf(`${tag.item} ${tag.covered} ${tag.needs.join(',')}`),
        type: tag.type,
        needs: tag.needs,
        tags: [],
        depends: [],
      });
    } else if (tag.needs.length > 0) {
      findings.push(
        finding(
          FindingCode.uncoveredRequirement,
          uri,
          lineRange(tag.line, tag.start, tag.end),
          `this ${tag.type} tag needs ${tag.needs.join(', ')}, but names no item of its own: OpenFastTrace generates one (${tag.type}~…-<checksum>~0) that nothing can cover, so it is never covered; name it, as in [${tag.type}~name~1->${tag.covered}>>${tag.needs.join(', ')}]`,
          tag.covered,
        ),
      );
    }
  }
  for (const problem of problems) {
    const code = problem.code === 'malformed-oft' ? FindingCode.malformedOft : FindingCode.oftDifference;
    findings.push(finding(code, uri, lineRange(problem.line, problem.start, problem.end), problem.message, problem.subject));
  }
  const range = lineRange(0, 0, 0);
  return {
    uri,
    kind: 'source',
    title: fileNameOf(uri),
    owners: { roles: [], range },
    prfaqLinks: [],
    waivers: [],
    requirements,
    sections: [],
    covers,
    mentions: [],
    anchorLinks: [],
    threads: [],
    findings,
    fingerprint: documentFingerprint(tags.map((t) => `${t.type}>${t.covered}`)),
    reviewStamps: [],
    approvals: [],
    lineCount: lines.lineCount,
  };
}
