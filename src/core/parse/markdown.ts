import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * Bumped whenever parsing or extraction changes what a model holds: persisted caches
 * keyed on it miss after an upgrade instead of serving stale models.
 */
export const PARSER_VERSION = 'prfaq-trace-parser-7';

// singleTilde off: a bare OpenFastTrace ID (feat~name~1) must stay one text node, not strike-through.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, { singleTilde: false }).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
