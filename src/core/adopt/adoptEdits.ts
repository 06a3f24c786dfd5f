import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { TextEdit } from '../language/types';
import type { DocKind } from '../model';
import { parseMarkdown } from '../text/markdownTree';
import { frontmatterEdits, yamlString } from './frontmatterEdit';

export interface AdoptInput {
  readonly kind: DocKind;
  readonly pm: string;
  readonly engineer: string;
  /** For a design doc: the path from it to the PR/FAQ it answers. */
  readonly prfaq?: string;
  /** The title when the document has no heading (its file name). */
  readonly fallbackTitle: string;
}

export type AdoptResult = { readonly edits: readonly TextEdit[]; readonly title: string } | { readonly problem: string };

/** The text of the document's first heading (any level; ATX or setext), if it has one. */
export function firstHeading(text: string): string | undefined {
  const heading = parseMarkdown(text).children.find((node): node is Heading => node.type === 'heading');
  const title = heading ? toString(heading).replace(/\s+/g, ' ').trim() : '';
  return title || undefined;
}

/**
 * "Make this a PR/FAQ" / "Make this a design doc": the frontmatter edits that give any
 * markdown file `type`, `title` (its first heading), `owners.pm` and `owners.engineer` and, for a
 * design doc, `prfaq:`. Keys already there are kept (only a different `type` is replaced in
 * place); nothing outside the frontmatter changes, line endings and a byte-order mark included.
 */
export function adoptEdits(text: string, input: AdoptInput): AdoptResult {
  const title = firstHeading(text) ?? input.fallbackTitle;
  const result = frontmatterEdits(text, {
    set: [{ key: 'type', value: input.kind, yaml: input.kind }],
    add: [
      { key: 'title', lines: [`title: ${yamlString(title)}`] },
      { key: 'owners', lines: ['owners:', `  pm: ${yamlString(input.pm)}`, `  engineer: ${yamlString(input.engineer)}`] },
      ...(input.kind === 'design' && input.prfaq ? [{ key: 'prfaq', lines: [`prfaq: ${yamlString(input.prfaq)}`] }] : []),
    ],
  });
  return 'problem' in result ? result : { edits: result.edits, title };
}
