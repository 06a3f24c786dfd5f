import type { IdMatcher } from '../ids';
import type { IndexQueries } from '../index/indexQueries';
import type { DocModel, Position, Range } from '../model';
import { resolveAnchorLink } from './anchors';
import { idAt } from './idAt';
import { fragmentRange, renamedFragment } from './linkFragments';
import { occurrencesOf } from './occurrences';
import { compareLocations, rangeKey } from './positions';
import { TextLines } from './textLines';
import type { Location, TextEdit } from './types';
import { workspaceLabel } from './workspaceLabel';

export type PrepareRenameResult = { readonly range: Range; readonly placeholder: string } | { readonly error: string };

/** Whether a rename may start here: only on a requirement ID that some PR/FAQ defines, never on a link. */
export function prepareRename(index: IndexQueries, doc: DocModel, position: Position): PrepareRenameResult {
  const hit = idAt(doc, position, index);
  if (!hit) {
    return { error: 'Not a requirement ID: put the cursor on an ID in a definition, a Covers: entry, a waived: key or a mention' };
  }
  if (hit.role === 'link') {
    return { error: `This is a link to ${hit.id}: rename the ID itself (links to it are updated with it)` };
  }
  if (!index.isDefined(hit.id)) {
    return { error: `${hit.id} is not defined by any PR/FAQ, so there is no requirement to rename` };
  }
  return { range: hit.range, placeholder: hit.id };
}

export interface RenameOptions {
  /**
   * The current text of a document, to rewrite link fragments (`#chk-3`): the model holds
   * each link's range, not where its fragment is. Links in documents without text are
   * returned in `skipped`.
   */
  readonly textOf?: (uri: string) => string | undefined;
}

export type RenameResult =
  | {
      /** Edits per document URI, sorted by position, non-overlapping. */
      readonly edits: Readonly<Record<string, readonly TextEdit[]>>;
      /** Links whose fragment names the ID but could not be rewritten (no text, or text out of date). */
      readonly skipped: readonly Location[];
    }
  | { readonly error: string };

/** Why `newName` cannot replace `id`, or undefined when it can. */
export function renameProblem(index: IndexQueries, id: string, newName: string, ids: IdMatcher): string | undefined {
  if (!ids.isId(newName)) return `"${newName}" is not a requirement ID (pattern ${ids.pattern})`;
  if (newName === id) return `${id} is already the requirement's ID`;
  const [existing] = index.definitions(newName);
  if (existing) return `${newName} already exists in ${workspaceLabel(index, existing.doc.uri)}`;
  const definitions = index.definitions(id);
  if (definitions.length === 0) return `${id} is not defined by any PR/FAQ, so there is no requirement to rename`;
  if (definitions.some((d) => d.requirement.form === 'oft') && !ids.isOftId(newName)) {
    return `${id} is defined in OpenFastTrace form (on its own line under a heading), which only an ID like type~name~1 can take: "${newName}" would no longer define it`;
  }
  return undefined;
}

/**
 * Renames a requirement everywhere the index knows it: every definition, Covers entry, waiver
 * key (quotes kept) and mention becomes `newName`; links to its anchors get the fragment
 * rewritten as `renamedFragment` says. IDs in code and HTML comments are not in the model,
 * so they are never touched.
 */
export function renameEdits(index: IndexQueries, id: string, newName: string, ids: IdMatcher, options: RenameOptions = {}): RenameResult {
  const problem = renameProblem(index, id, newName, ids);
  if (problem) return { error: problem };

  const edits = new Map<string, Map<string, TextEdit>>();
  const add = (uri: string, range: Range, newText: string) => {
    let perDoc = edits.get(uri);
    if (!perDoc) edits.set(uri, (perDoc = new Map()));
    perDoc.set(rangeKey(range), { range, newText });
  };
  const skipped: Location[] = [];
  const texts = new Map<string, TextLines | undefined>();
  const linesOf = (uri: string): TextLines | undefined => {
    if (!texts.has(uri)) {
      const text = options.textOf?.(uri);
      texts.set(uri, text === undefined ? undefined : new TextLines(text));
    }
    return texts.get(uri);
  };

  for (const occurrence of occurrencesOf(index, id)) {
    if (occurrence.role !== 'link') {
      add(occurrence.uri, occurrence.range, newName);
      continue;
    }
    const from = index.get(occurrence.uri);
    const link = from?.anchorLinks.find((l) => rangeKey(l.range) === rangeKey(occurrence.range));
    const linked = from && link ? resolveAnchorLink(link, from, index) : undefined;
    if (!link || !linked) continue;
    const fragment = renamedFragment(link.fragment, linked.requirement, newName);
    if (fragment === undefined) continue;
    const lines = linesOf(occurrence.uri);
    const range = lines && fragmentRange(link, lines);
    if (range) add(occurrence.uri, range, fragment);
    else skipped.push({ uri: occurrence.uri, range: link.range });
  }

  const out: Record<string, TextEdit[]> = {};
  for (const uri of [...edits.keys()].sort()) {
    out[uri] = [...(edits.get(uri)?.values() ?? [])].sort((a, b) => compareLocations({ uri, range: a.range }, { uri, range: b.range }));
  }
  return { edits: out, skipped };
}
