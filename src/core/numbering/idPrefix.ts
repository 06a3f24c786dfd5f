import { frontmatterEdits, yamlString, type FrontmatterEditResult } from '../adopt/frontmatterEdit';
import { locateFrontmatter, readFrontmatter } from '../parse/frontmatter';

/** The document's `idPrefix:` from its frontmatter, when it has a non-empty one. */
export function idPrefixOf(text: string): string | undefined {
  const block = locateFrontmatter(text);
  if (!block) return undefined;
  const read = readFrontmatter(text, block);
  const value = read.ok ? read.data['idPrefix'] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The edit that saves `idPrefix: "P"` in the frontmatter (a new block when there is none). */
export function saveIdPrefix(text: string, prefix: string): FrontmatterEditResult {
  return frontmatterEdits(text, { add: [{ key: 'idPrefix', lines: [`idPrefix: ${yamlString(prefix)}`] }] });
}
