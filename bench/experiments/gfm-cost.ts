/**
 * What remark-gfm's parts cost on the generated docs: the core's pipeline against the same
 * pipeline without GFM autolink literals (bare URLs/emails becoming links, which the models do
 * not use), and without GFM at all. Single thread, same files.
 *
 *   npx tsx bench/experiments/gfm-cost.ts <manifest.json>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Manifest } from '../generate';

const manifest = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as Manifest;
const docs = manifest.files.filter((f) => f.kind !== 'ordinary').map((f) => readFileSync(join(manifest.root, f.path), 'utf8'));

/** remark-gfm minus autolink literals, registered the way remark-gfm registers its parts. */
function remarkGfmWithoutAutolinks(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough({ singleTilde: false }), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

const pipelines = {
  'core pipeline (remark-gfm)': unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, { singleTilde: false }).freeze(),
  'remark-gfm without autolink literals': unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmWithoutAutolinks).freeze(),
  'no GFM': unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze(),
};

for (const [label, processor] of Object.entries(pipelines)) {
  for (const text of docs.slice(0, 8)) processor.parse(text);
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const text of docs) processor.parse(text);
  const used = process.cpuUsage(cpu);
  console.log(`${label.padEnd(40)} ${((performance.now() - start) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU`);
}
