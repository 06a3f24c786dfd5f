import type { IdMatcher } from '../ids';
import type { IndexQueries } from '../index/indexQueries';
import type { DocModel, Position, Range } from '../model';
import { resolveAnchorLink } from './anchors';
import { idAt } from './idAt';
import { fragmentRange, renamedFragment } from './linkFragments';
import { occurrencesOf, type Occurrence } from './occurrences';
import { compareLocations, rangeKey } from './positions';
import { TextLines } from './textLines';
import type { IdRole, Location, TextEdit } from './types';
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
      /**
       * Places that already name `newName` although nothing defines it (stale Covers entries,
       * waivers, mentions, links to its anchors): after the rename they refer to this
       * requirement, so its coverage or waiver changes. Sorted; empty when there are none.
       */
      readonly adopted: readonly Occurrence[];
      /** Says what `adopted` means, for the editor to ask before applying; absent when `adopted` is empty. */
      readonly warning?: string;
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
  // A forwarded item's ID is written nowhere (arch --> dsn : req~x~1 makes arch~x~1): nothing to rename.
  if (definitions.some((d) => d.requirement.form === 'forward')) {
    return `${id} is made by forwarding ("… --> … : ${id.replace(/^[^~]*/, '…')}"), not written anywhere: rename the forwarded item instead`;
  }
  if (definitions.some((d) => d.requirement.form === 'oft' || d.requirement.form === 'tag') && !ids.isOftId(newName)) {
    return `${id} is defined in OpenFastTrace form (an ID line or a source tag), which only an ID like type~name~1 can take: "${newName}" would no longer define it`;
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
  const adopted = adoptedBy(index, id, newName);
  const warning = adoptionWarning(index, id, newName, adopted);
  return { edits: out, skipped, adopted, ...(warning === undefined ? {} : { warning }) };
}

/**
 * What already names `newName` (undefined, or renameProblem would have refused it): its Covers
 * entries, waiver keys and mentions, and links to the anchors the renamed requirement will
 * have in the documents that define `id`.
 */
function adoptedBy(index: IndexQueries, id: string, newName: string): Occurrence[] {
  const found = occurrencesOf(index, newName);
  // Per defining document, the anchors the requirement gains by the rename (an OpenFastTrace heading's slug it keeps).
  const gained = new Map<string, Set<string>>();
  for (const { doc, requirement } of index.definitions(id)) {
    const anchors = gained.get(doc.uri) ?? new Set<string>();
    for (const anchor of requirement.anchors) {
      const next = renamedFragment(anchor, requirement, newName);
      if (next !== undefined && !requirement.anchors.includes(next)) anchors.add(next);
    }
    gained.set(doc.uri, anchors);
  }
  // Once per rename: the index keeps links per target document, not per fragment.
  for (const doc of index.documents()) {
    for (const link of doc.anchorLinks) {
      if (gained.get(link.target)?.has(link.fragment)) found.push({ uri: doc.uri, range: link.range, role: 'link' });
    }
  }
  return found.sort(compareLocations);
}

const roleNouns: Readonly<Record<IdRole, readonly [string, string]>> = {
  definition: ['definition', 'definitions'],
  cover: ['Covers: entry', 'Covers: entries'],
  waiver: ['waiver', 'waivers'],
  mention: ['mention', 'mentions'],
  link: ['link to its anchor', 'links to its anchor'],
};

/** "CHK-30 is not defined, but 2 Covers: entries and 1 waiver already name it (design/d.md, prfaq/p.md): …" */
function adoptionWarning(index: IndexQueries, id: string, newName: string, adopted: readonly Occurrence[]): string | undefined {
  if (adopted.length === 0) return undefined;
  const counts = new Map<IdRole, number>();
  for (const o of adopted) counts.set(o.role, (counts.get(o.role) ?? 0) + 1);
  const parts = [...counts].map(([role, n]) => `${n} ${roleNouns[role][n === 1 ? 0 : 1]}`);
  const what = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  const files = [...new Set(adopted.map((o) => workspaceLabel(index, o.uri)))];
  const where = files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');
  const stale = [counts.has('cover') ? 'its coverage' : undefined, counts.has('waiver') ? 'its waiver' : undefined].filter(Boolean);
  const effect = stale.length > 0 ? `: ${id}'s status would then count ${stale.join(' and ')}` : '';
  return `${newName} is not defined, but ${what} already name it (${where}). After the rename they refer to this requirement${effect}.`;
}
