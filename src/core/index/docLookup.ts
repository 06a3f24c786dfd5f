import type { AnchorLink, CoverEntry, DocModel, Mention, Requirement, Waiver } from '../model';

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = map.get(k);
    if (group) group.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const none: readonly never[] = [];

/**
 * One document's entries grouped by ID (anchor links by target), each grouping built on first
 * use in one pass over the model. The index asks "this document's requirements with ID x" for
 * every ID of a document; scanning the document's lists for each would cost the square of its
 * size (80,000 headings: minutes). Models are immutable, so a grouping lives as long as its model.
 */
export class DocLookup {
  private requirementsById?: Map<string, Requirement[]>;
  private coversById?: Map<string, CoverEntry[]>;
  private waiversById?: Map<string, Waiver[]>;
  private mentionsById?: Map<string, Mention[]>;
  private anchorLinksByTarget?: Map<string, AnchorLink[]>;

  constructor(private readonly doc: DocModel) {}

  /** The requirements with this ID, in document order. */
  requirements(id: string): readonly Requirement[] {
    return (this.requirementsById ??= groupBy(this.doc.requirements, (r) => r.id)).get(id) ?? none;
  }

  covers(id: string): readonly CoverEntry[] {
    return (this.coversById ??= groupBy(this.doc.covers, (c) => c.id)).get(id) ?? none;
  }

  waivers(id: string): readonly Waiver[] {
    return (this.waiversById ??= groupBy(this.doc.waivers, (w) => w.id)).get(id) ?? none;
  }

  mentions(id: string): readonly Mention[] {
    return (this.mentionsById ??= groupBy(this.doc.mentions, (m) => m.id)).get(id) ?? none;
  }

  /** The anchor links that point into the document `target`. */
  anchorLinksTo(target: string): readonly AnchorLink[] {
    return (this.anchorLinksByTarget ??= groupBy(this.doc.anchorLinks, (l) => l.target)).get(target) ?? none;
  }
}

const lookups = new WeakMap<DocModel, DocLookup>();

/** The lookup of a model (made on first use, kept while the model lives). */
export function lookupOf(doc: DocModel): DocLookup {
  let lookup = lookups.get(doc);
  if (!lookup) lookups.set(doc, (lookup = new DocLookup(doc)));
  return lookup;
}
