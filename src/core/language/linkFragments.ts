import { slug } from 'github-slugger';
import type { AnchorLink, Range, Requirement } from '../model';
import { TextLines } from './textLines';

/**
 * The fragment a link to `requirement` should have once its ID is `newId`, or undefined when
 * the link does not name the ID. The rule: a fragment equal to the lower-cased ID becomes the
 * lower-cased new ID (`#chk-3` → `#chk-30`); a heading requirement's heading slug, which
 * begins with the ID's slug, gets that prefix replaced (`#chk-1-buy` → `#chk-10-buy`). Any
 * other fragment (an OpenFastTrace heading's slug) does not contain the ID and stays.
 */
export function renamedFragment(fragment: string, requirement: Requirement, newId: string): string | undefined {
  if (fragment === requirement.id.toLowerCase()) return newId.toLowerCase();
  const idSlug = slug(requirement.id);
  if (requirement.form === 'heading' && requirement.anchors[0] === fragment && idSlug !== '' && fragment.startsWith(`${idSlug}-`)) {
    return `${slug(newId)}${fragment.slice(idSlug.length)}`;
  }
  return undefined;
}

function decodeFragment(raw: string): string {
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

/** `[label]:` opening a link reference definition (a label holds no unescaped brackets). */
const DEFINITION_LABEL = /^\[(?:[^\\\[\]]|\\.)*\]:/;

/**
 * Where the link's fragment is written in the document (after the `#` of its destination),
 * found in the link's source text. In an inline link (`[text](path#frag)`) it is the last
 * match, after any `#` in the text; in a reference definition (`[r]: path#frag "title"`) the
 * first one after the label, before any `#` in the title. Undefined when the text no longer
 * has it there.
 */
export function fragmentRange(link: AnchorLink, lines: TextLines): Range | undefined {
  const from = lines.offset(link.range.start);
  const source = lines.text.slice(from, lines.offset(link.range.end));
  const label = DEFINITION_LABEL.exec(source);
  let found: Range | undefined;
  for (const match of source.matchAll(/#([^\s()<>"']*)/g)) {
    const raw = match[1] ?? '';
    const at = match.index ?? 0;
    if (label && at < label[0].length) continue;
    if (decodeFragment(raw) !== link.fragment) continue;
    const start = from + at + 1;
    found = { start: lines.position(start), end: lines.position(start + raw.length) };
    if (label) break;
  }
  return found;
}
