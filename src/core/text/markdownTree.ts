import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// The one markdown processor of the core: the parse (models), comment threads, sign-offs,
// numbering and adopting read documents through it. A leaf module, so every folder may use it
// without depending on the parse. A change to its plugins changes models: bump PARSER_VERSION
// (parse/markdown.ts).
// singleTilde off: a bare OpenFastTrace ID (feat~name~1) must stay one text node, not strike-through.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, { singleTilde: false }).freeze();

/** The mdast syntax tree of a markdown text (frontmatter as a `yaml` node, GFM tables and lists). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
