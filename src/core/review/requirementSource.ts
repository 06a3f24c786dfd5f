import type { Nodes } from 'mdast';
import type { DocModel } from '../model';
import { parseMarkdown } from '../text/markdownTree';

/**
 * The markdown source of a requirement as its fingerprint sees it, for people comparing versions
 * ("Show what changed", `prfaq-trace review`): the heading or list item and its own text, without
 * HTML comments and without other requirements defined inside it. Line breaks become "\n",
 * trailing spaces go, and runs of blank lines become one.
 */
export function requirementSource(text: string, doc: DocModel, id: string): string | undefined {
  const requirement = doc.requirements.find((r) => r.id === id);
  if (!requirement) return undefined;
  const children = parseMarkdown(text).children as Nodes[];
  const startOf = (node: Nodes) => node.position?.start.offset ?? 0;
  const endOf = (node: Nodes) => node.position?.end.offset ?? 0;
  const lineOf = (node: Nodes) => (node.position?.start.line ?? 0) - 1;
  const headingLines = new Set(doc.requirements.filter((r) => r.form !== 'list-item').map((r) => r.range.start.line));
  const itemStarts = new Set(doc.requirements.filter((r) => r.form === 'list-item').map((r) => `${r.range.start.line}:${r.range.start.character}`));
  const isItem = (node: Nodes) => node.type === 'listItem' && itemStarts.has(`${lineOf(node)}:${(node.position?.start.column ?? 1) - 1}`);
  const isHeading = (node: Nodes) => node.type === 'heading' && headingLines.has(lineOf(node));
  const sectionEnd = (index: number, depth: number) => {
    const stop = Math.max(depth, 2);
    for (let i = index + 1; i < children.length; i++) {
      const sibling = children[i] as Nodes;
      if (sibling.type === 'heading' && sibling.depth <= stop) return i;
    }
    return children.length;
  };

  const excluded: Array<readonly [number, number]> = [];
  /** Leaves out the HTML and the nested definitions inside `node` (not `node` itself). */
  const excludeWithin = (node: Nodes) => {
    const stack: Nodes[] = 'children' in node ? [...(node.children as Nodes[])] : [];
    while (stack.length > 0) {
      const inner = stack.pop() as Nodes;
      if (inner.type === 'html' || isItem(inner) || isHeading(inner)) excluded.push([startOf(inner), endOf(inner)]);
      else if ('children' in inner) stack.push(...(inner.children as Nodes[]));
    }
  };

  let from: number;
  let to: number;
  if (requirement.form === 'list-item') {
    let site: Nodes | undefined;
    const stack: Nodes[] = [...children];
    while (stack.length > 0 && !site) {
      const node = stack.pop() as Nodes;
      if (isItem(node) && lineOf(node) === requirement.range.start.line && (node.position?.start.column ?? 1) - 1 === requirement.range.start.character) site = node;
      else if ('children' in node) stack.push(...(node.children as Nodes[]));
    }
    if (!site) return undefined;
    [from, to] = [startOf(site), endOf(site)];
    excludeWithin(site);
  } else {
    const index = children.findIndex((node) => node.type === 'heading' && lineOf(node) === requirement.range.start.line);
    const heading = children[index];
    if (heading?.type !== 'heading') return undefined;
    const end = sectionEnd(index, heading.depth);
    [from, to] = [startOf(heading), endOf(children[end - 1] as Nodes)];
    for (let i = index + 1; i < end; i++) {
      const sibling = children[i] as Nodes;
      if (isHeading(sibling) && sibling.type === 'heading') {
        const nestedEnd = sectionEnd(i, sibling.depth);
        excluded.push([startOf(sibling), nestedEnd < end ? startOf(children[nestedEnd] as Nodes) : to]);
        i = nestedEnd - 1;
      } else if (sibling.type === 'html' || isItem(sibling)) {
        excluded.push([startOf(sibling), endOf(sibling)]);
      } else {
        excludeWithin(sibling);
      }
    }
  }
  excluded.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = from;
  for (const [start, end] of excluded) {
    if (start > at) out += text.slice(at, Math.min(start, to));
    at = Math.max(at, end);
  }
  if (at < to) out += text.slice(at, to);
  return out
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
