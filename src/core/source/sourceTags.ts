import { isArtifactType, OFT_ID_SOURCE, OFT_NAME_PATTERN, oftIdProblem, parseOftId } from '../trace/oftId';

/**
 * OpenFastTrace's coverage tags in source files (its Tag importer), found by a line scan:
 * `[impl->dsn~x~1]`, with a name and revision for the covering item
 * (`[impl~parser~1->dsn~x~1]`) and with the types that item needs (`[impl->dsn~x~1>>utest, itest]`).
 */
export interface SourceTag {
  /** The covering artifact type (`impl`, `utest`). */
  readonly type: string;
  /** `impl~parser~1` when the tag names its item; OFT generates a name otherwise. */
  readonly item?: string;
  readonly covered: string;
  readonly needs: readonly string[];
  readonly line: number;
  /** Characters (UTF-16) of the whole tag and of the covered ID on its line. */
  readonly start: number;
  readonly end: number;
  readonly coveredStart: number;
  readonly itemStart?: number;
}

export interface SourceTagProblem {
  readonly code: 'malformed-oft' | 'oft-difference';
  readonly message: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly subject?: string;
}

const LONG_TAG = new RegExp(
  `\\[\\s*([A-Za-z]+)(?:~(${OFT_NAME_PATTERN})~([0-9]+))?\\s*->\\s*(${OFT_ID_SOURCE})\\s*(?:>>([A-Za-z,\\s]*))?\\]`,
  'gu',
);
/** Anything shaped like a long tag: `[word->…~…]`, to say why it is not one. */
const TAG_LIKE = /\[[ \t]{0,8}\p{L}[\p{L}\p{N}_~.\-]{0,200}[ \t]{0,8}->[ \t]{0,8}[^\]\s]{0,200}~[^\]\r\n]{0,200}\]?/gu;
const SHORT_TAG = /\[\[\s*\p{L}[\p{L}\p{N}_.\-]*:[0-9]+\s*\]\]/gu;

export function findSourceTags(text: string): { tags: SourceTag[]; problems: SourceTagProblem[] } {
  const tags: SourceTag[] = [];
  const problems: SourceTagProblem[] = [];
  // Most lines of most files hold no tag: skip them at the cost of an indexOf.
  if (!text.includes('->') && !text.includes('[[')) return { tags, problems };
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((lineText, line) => {
    if (!lineText.includes('->') && !lineText.includes('[[')) return;
    const taken: Array<readonly [number, number]> = [];
    for (const match of lineText.matchAll(LONG_TAG)) {
      const [whole, type, name, revision, covered, needs] = match as unknown as [string, string, string | undefined, string | undefined, string, string | undefined];
      const start = match.index ?? 0;
      taken.push([start, start + whole.length]);
      tags.push({
        type,
        ...(name !== undefined ? { item: `${type}~${name}~${revision ?? '0'}`, itemStart: start + whole.indexOf(type) } : {}),
        covered,
        needs: (needs ?? '').split(',').map((t) => t.trim()).filter((t) => t !== ''),
        line,
        start,
        end: start + whole.length,
        coveredStart: start + whole.indexOf(covered, whole.indexOf('->')),
      });
    }
    for (const match of lineText.matchAll(TAG_LIKE)) {
      const start = match.index ?? 0;
      if (taken.some(([from, to]) => start >= from && start < to)) continue;
      problems.push({ code: 'malformed-oft', message: `OpenFastTrace tag not read: ${tagProblem(match[0])}`, line, start, end: start + match[0].length, subject: match[0] });
    }
    for (const match of lineText.matchAll(SHORT_TAG)) {
      const start = match.index ?? 0;
      problems.push({
        code: 'oft-difference',
        message: `${match[0]} is OpenFastTrace's short tag, whose artifact types come from OFT's path configuration, which prfaq-trace does not read: not counted; write the long form, [impl->dsn~name~1]`,
        line,
        start,
        end: start + match[0].length,
      });
    }
  });
  return { tags, problems };
}

/** What is wrong with a tag-shaped text, in OFT's terms. */
function tagProblem(tag: string): string {
  if (!tag.endsWith(']')) return `"${tag}" is not closed by "]"`;
  const inner = tag.slice(1, -1).trim();
  const arrow = inner.indexOf('->');
  const covering = inner.slice(0, arrow).trim();
  const rest = inner.slice(arrow + 2).trim();
  const coveredText = rest.split(/\s*>>/)[0]?.trim() ?? '';
  const coveringType = covering.split('~')[0] ?? '';
  if (!isArtifactType(coveringType)) return `the covering artifact type "${coveringType}" must be letters only, as in [impl->${coveredText}]`;
  if (covering.includes('~') && !parseOftId(covering.split('~').length === 3 ? covering : `${covering}~0`)) {
    return `the covering item "${covering}" must be type~name~revision or just a type, as in [impl~name~1->${coveredText}]`;
  }
  const why = oftIdProblem(coveredText);
  if (why) return why;
  return `OFT reads [type->type~name~revision] or [type->type~name~revision>>type, type]; "${tag}" is neither`;
}
