import type { SeveritySetting } from '../config';
import type { CoverEntry, DocKind, DocModel, Finding, Range, Requirement, Section } from '../model';
import { structureFindings } from '../lint/lint';
import { defaultStructureSettings, type StructureSettings } from '../lint/settings';
import { countsAsSuspect, entryReview } from '../review/reviewState';
import { traceOf, type Trace } from '../trace/coverage';
import { revisionless } from '../trace/oftId';
import { deriveFindings } from './derivedFindings';
import { lookupOf } from './docLookup';

/** `suspect`: covered, but every covering entry is stale (or, with requireReview, stale or unreviewed). */
export type RequirementStatus = 'covered' | 'uncovered' | 'waived' | 'suspect';

export interface RequirementDefinition {
  readonly doc: DocModel;
  readonly requirement: Requirement;
}

export interface CoverageDeclaration {
  readonly doc: DocModel;
  readonly cover: CoverEntry;
  readonly section: Section | undefined;
}

export interface Reference {
  readonly uri: string;
  readonly range: Range;
  readonly kind: 'mention' | 'link';
  readonly sectionIndex: number;
}

export interface CoverageSummary {
  readonly total: number;
  readonly covered: number;
  readonly waived: number;
  readonly uncovered: number;
  readonly suspect: number;
}

/** What an update changed: the documents whose findings or view may differ, and the IDs involved. */
export interface IndexChange {
  readonly uris: readonly string[];
  readonly ids: readonly string[];
}

export type IndexListener = (change: IndexChange) => void;

type IdMap = Map<string, Set<string>>;

function add(map: IdMap, key: string, uri: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(uri);
}

function remove(map: IdMap, key: string, uri: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(uri);
  if (set.size === 0) map.delete(key);
}

/** The IDs a document contributes to each workspace-wide relation. */
interface Contribution {
  readonly defines: ReadonlySet<string>;
  readonly covers: ReadonlySet<string>;
  readonly waives: ReadonlySet<string>;
  readonly mentions: ReadonlySet<string>;
  readonly links: ReadonlySet<string>;
  readonly anchors: ReadonlySet<string>;
  /** `type~name` of the OFT IDs it defines and covers: another revision appearing flips outdated-coverage findings. */
  readonly names: ReadonlySet<string>;
  readonly coverNames: ReadonlySet<string>;
  /** `id NUL …` for each requirement fingerprint and review stamp: a change flips that ID's review state. */
  readonly reviewKeys: ReadonlySet<string>;
  /** Section (and document) fingerprints: a change invalidates approvals that recorded them. */
  readonly sectionPrints: ReadonlySet<string>;
  /** Design docs whose sections this document's approvals recorded. */
  readonly approvalTargets: ReadonlySet<string>;
}

const noContribution: Contribution = {
  defines: new Set(),
  covers: new Set(),
  waives: new Set(),
  mentions: new Set(),
  links: new Set(),
  anchors: new Set(),
  names: new Set(),
  coverNames: new Set(),
  reviewKeys: new Set(),
  sectionPrints: new Set(),
  approvalTargets: new Set(),
};

function contributionOf(doc: DocModel | undefined): Contribution {
  if (!doc) return noContribution;
  return {
    defines: new Set(doc.requirements.map((r) => r.id)),
    covers: new Set(doc.covers.map((c) => c.id)),
    waives: new Set(doc.waivers.map((w) => w.id)),
    mentions: new Set(doc.mentions.map((m) => m.id)),
    links: new Set(doc.prfaqLinks.map((l) => l.target)),
    anchors: new Set(doc.anchorLinks.map((l) => l.target)),
    names: new Set(doc.requirements.flatMap((r) => revisionless(r.id) ?? [])),
    coverNames: new Set(doc.covers.flatMap((c) => revisionless(c.id) ?? [])),
    reviewKeys: new Set([
      ...doc.requirements.map((r) => `${r.id}\u0000${r.fingerprint}`),
      // Trace keys flip an ID's status too: the types it needs, the types its entries cover with.
      ...doc.requirements.map((r) => `${r.id}\u0000needs\u0000${r.needs.join(',')}`),
      ...doc.covers.map((c) => `${c.id}\u0000cover\u0000${c.type}\u0000${c.by ?? ''}`),
      ...doc.reviewStamps.map((s) => `${s.id}\u0000${s.sectionIndex}\u0000${s.fingerprint}\u0000${s.at}`),
    ]),
    sectionPrints: new Set([`\u0000${doc.fingerprint}`, ...doc.sections.map((s) => `${s.slug}\u0000${s.fingerprint}`)]),
    approvalTargets: new Set(doc.approvals.flatMap((a) => a.coverage.map((c) => c.target))),
  };
}

function symmetricDifference(a: ReadonlySet<string>, b: ReadonlySet<string>, into: Set<string>): void {
  for (const x of a) if (!b.has(x)) into.add(x);
  for (const x of b) if (!a.has(x)) into.add(x);
}

/**
 * The workspace-wide coverage model. Documents are replaced or removed one at a time; each
 * update touches only the relations of that document's IDs, and findings are derived lazily
 * per document, so a keystroke costs work proportional to the edited document (plus the
 * documents whose status it actually flips), never to the workspace.
 */
export class WorkspaceIndex {
  private readonly docs = new Map<string, DocModel>();
  private readonly definers: IdMap = new Map();
  private readonly coverers: IdMap = new Map();
  private readonly waivers: IdMap = new Map();
  private readonly mentioners: IdMap = new Map();
  private readonly prfaqLinkers: IdMap = new Map();
  private readonly anchorLinkers: IdMap = new Map();
  private readonly approvalWatchers: IdMap = new Map();
  private readonly nameDefiners: IdMap = new Map();
  private readonly nameCoverers: IdMap = new Map();
  private readonly findingsCache = new Map<string, readonly Finding[]>();
  /** Findings about files that have no model because the scan could not list or read them. */
  private readonly fileFindings = new Map<string, readonly Finding[]>();
  /** Defined IDs by status, kept current per update so workspace totals cost nothing per keystroke. */
  private readonly uncoveredIds = new Set<string>();
  private readonly waivedIds = new Set<string>();
  private readonly suspectIds = new Set<string>();
  /** The configuration's `requireReview`: unreviewed coverage counts as suspect too. */
  private requireReview = false;
  /** The configuration's `requireApproval`: documents not approved get a missing-approval finding. */
  private requireApproval = false;
  private sortedDocs: DocModel[] | undefined;
  private readonly kindCounts = { prfaq: 0, design: 0, source: 0 };
  private readonly listeners = new Set<IndexListener>();

  constructor(
    private severities: Readonly<Record<string, SeveritySetting>> = {},
    private structure: StructureSettings = defaultStructureSettings,
  ) {}

  /** The structure lint's budgets and word list (the configuration's `structure`). */
  setStructureSettings(structure: StructureSettings): void {
    if (JSON.stringify(structure) === JSON.stringify(this.structure)) return;
    this.structure = structure;
    this.findingsCache.clear();
    this.emit({ uris: [...this.docs.keys()], ids: [] });
  }

  /** The configuration's review policy: `requireReview`, `requireApproval`. */
  setReviewPolicy(policy: { readonly requireReview: boolean; readonly requireApproval: boolean }): void {
    if (policy.requireReview === this.requireReview && policy.requireApproval === this.requireApproval) return;
    this.requireReview = policy.requireReview;
    this.requireApproval = policy.requireApproval;
    for (const id of this.definers.keys()) this.recountStatus(id);
    this.findingsCache.clear();
    this.emit({ uris: [...this.docs.keys()], ids: [...this.definers.keys()] });
  }

  get reviewRequired(): boolean {
    return this.requireReview;
  }

  get approvalRequired(): boolean {
    return this.requireApproval;
  }

  setSeverities(severities: Readonly<Record<string, SeveritySetting>>): void {
    this.severities = severities;
    this.findingsCache.clear();
    this.emit({ uris: [...this.docs.keys()], ids: [] });
  }

  onDidChange(listener: IndexListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds or replaces one document. */
  set(doc: DocModel): IndexChange {
    return this.update(doc.uri, doc);
  }

  /** Removes one document (a no-op for an unknown URI). */
  delete(uri: string): IndexChange {
    return this.update(uri, undefined);
  }

  clear(): void {
    for (const uri of [...this.docs.keys()]) this.update(uri, undefined);
    for (const uri of [...this.fileFindings.keys()]) this.setFileFindings(uri, []);
  }

  /**
   * Findings about a file or folder the scan could not list or read (`unreadable-file`): it has
   * no model, yet the report and the exit code must show it. An empty list clears them.
   */
  setFileFindings(uri: string, findings: readonly Finding[]): void {
    if (findings.length === 0 && !this.fileFindings.has(uri)) return;
    if (findings.length === 0) this.fileFindings.delete(uri);
    else this.fileFindings.set(uri, findings);
    this.findingsCache.delete(uri);
    this.emit({ uris: [uri], ids: [] });
  }

  private update(uri: string, doc: DocModel | undefined): IndexChange {
    const previous = this.docs.get(uri);
    if (!previous && !doc) return { uris: [], ids: [] };
    const before = contributionOf(previous);
    const after = contributionOf(doc);
    this.apply(uri, before, after);
    if (doc) this.docs.set(uri, doc);
    else this.docs.delete(uri);
    if (previous) this.kindCounts[previous.kind]--;
    if (doc) this.kindCounts[doc.kind]++;
    if (!previous || !doc) this.sortedDocs = undefined;
    else if (this.sortedDocs) this.sortedDocs = this.sortedDocs.map((d) => (d.uri === uri ? doc : d));

    // IDs whose workspace-wide presence this document changed; only they can flip others' findings.
    const ids = new Set<string>();
    symmetricDifference(before.defines, after.defines, ids);
    symmetricDifference(before.covers, after.covers, ids);
    symmetricDifference(before.waives, after.waives, ids);
    const reviewKeys = new Set<string>();
    symmetricDifference(before.reviewKeys, after.reviewKeys, reviewKeys);
    for (const key of reviewKeys) ids.add(key.slice(0, key.indexOf('\u0000')));
    const uris = new Set<string>([uri]);
    for (const id of ids) {
      for (const map of [this.definers, this.coverers, this.waivers]) {
        for (const other of map.get(id) ?? []) uris.add(other);
      }
      const name = revisionless(id);
      if (name) for (const other of this.nameCoverers.get(name) ?? []) uris.add(other);
    }
    if (previous?.kind !== doc?.kind) {
      for (const other of this.prfaqLinkers.get(uri) ?? []) uris.add(other);
    }
    const prints = new Set<string>();
    symmetricDifference(before.sectionPrints, after.sectionPrints, prints);
    if (prints.size > 0) for (const watcher of this.approvalWatchers.get(uri) ?? []) uris.add(watcher);
    for (const affected of uris) this.findingsCache.delete(affected);
    for (const id of ids) this.recountStatus(id);
    // References (mentions, anchor links) change views, not findings.
    symmetricDifference(before.mentions, after.mentions, ids);
    const change: IndexChange = { uris: [...uris], ids: [...ids] };
    this.emit(change);
    return change;
  }

  private recountStatus(id: string): void {
    this.uncoveredIds.delete(id);
    this.waivedIds.delete(id);
    this.suspectIds.delete(id);
    if (!this.definers.has(id)) return;
    const status = this.status(id);
    if (status === 'uncovered') this.uncoveredIds.add(id);
    else if (status === 'waived') this.waivedIds.add(id);
    else if (status === 'suspect') this.suspectIds.add(id);
  }

  /** How many PR/FAQs and design docs the index holds. */
  count(kind: DocKind): number {
    return this.kindCounts[kind];
  }

  /** Coverage of every requirement ID defined in the workspace (each ID once), in constant time. */
  totals(): CoverageSummary {
    const total = this.definers.size;
    const uncovered = this.uncoveredIds.size;
    const waived = this.waivedIds.size;
    const suspect = this.suspectIds.size;
    return { total, covered: total - uncovered - waived - suspect, waived, uncovered, suspect };
  }

  private apply(uri: string, before: Contribution, after: Contribution): void {
    const pairs: ReadonlyArray<readonly [IdMap, keyof Contribution]> = [
      [this.definers, 'defines'],
      [this.coverers, 'covers'],
      [this.waivers, 'waives'],
      [this.mentioners, 'mentions'],
      [this.prfaqLinkers, 'links'],
      [this.anchorLinkers, 'anchors'],
      [this.approvalWatchers, 'approvalTargets'],
      [this.nameDefiners, 'names'],
      [this.nameCoverers, 'coverNames'],
    ];
    for (const [map, key] of pairs) {
      for (const id of before[key]) if (!after[key].has(id)) remove(map, id, uri);
      for (const id of after[key]) add(map, id, uri);
    }
  }

  private emit(change: IndexChange): void {
    for (const listener of this.listeners) listener(change);
  }

  get(uri: string): DocModel | undefined {
    return this.docs.get(uri);
  }

  get size(): number {
    return this.docs.size;
  }

  /** All documents, sorted by URI for stable output (sorted once per added or removed document). */
  documents(): DocModel[] {
    this.sortedDocs ??= [...this.docs.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return [...this.sortedDocs];
  }

  prfaqs(): DocModel[] {
    return this.documents().filter((doc) => doc.kind === 'prfaq');
  }

  designs(): DocModel[] {
    return this.documents().filter((doc) => doc.kind === 'design');
  }

  /** Every requirement ID defined in the workspace. */
  requirementIds(): string[] {
    return [...this.definers.keys()];
  }

  /** Definitions of an ID, the canonical (first by URI, then position) first. */
  definitions(id: string): RequirementDefinition[] {
    const out: RequirementDefinition[] = [];
    for (const uri of [...(this.definers.get(id) ?? [])].sort()) {
      const doc = this.docs.get(uri);
      if (!doc) continue;
      for (const requirement of lookupOf(doc).requirements(id)) out.push({ doc, requirement });
    }
    return out;
  }

  coverage(id: string): CoverageDeclaration[] {
    const out: CoverageDeclaration[] = [];
    for (const uri of [...(this.coverers.get(id) ?? [])].sort()) {
      const doc = this.docs.get(uri);
      if (!doc) continue;
      for (const cover of lookupOf(doc).covers(id)) out.push({ doc, cover, section: doc.sections[cover.sectionIndex] });
    }
    return out;
  }

  isDefined(id: string): boolean {
    return this.definers.has(id);
  }

  waiverReason(id: string): string | undefined {
    for (const uri of [...(this.waivers.get(id) ?? [])].sort()) {
      const doc = this.docs.get(uri);
      const waiver = doc && lookupOf(doc).waivers(id)[0];
      if (waiver) return waiver.reason;
    }
    return undefined;
  }

  /**
   * Covered wins over waived: a waived requirement that a section covers anyway is covered.
   * Coverage whose every entry is stale (or unreviewed, with requireReview) is suspect.
   */
  status(id: string): RequirementStatus {
    const trace = this.trace(id);
    // Covered: every needed type is (OFT's shallow coverage); a terminating item needs nothing.
    const covered = trace ? trace.uncoveredTypes.length === 0 : this.coverers.has(id);
    if (covered && trace?.needs.length !== 0) return this.coverageSuspect(id) ? 'suspect' : 'covered';
    if (covered) return 'covered';
    if (this.waivers.has(id)) return 'waived';
    return 'uncovered';
  }

  /** The needed, covered and uncovered artifact types of a defined ID (its canonical definition's). */
  trace(id: string): Trace | undefined {
    const [definition] = this.definitions(id);
    return definition && traceOf(definition.requirement, this.coverage(id));
  }

  /** Defined IDs of the same OFT item in another revision (`req~x~2` for `req~x~1`). */
  otherRevisions(id: string): string[] {
    const name = revisionless(id);
    if (!name) return [];
    const out = new Set<string>();
    for (const uri of this.nameDefiners.get(name) ?? []) {
      for (const requirement of this.docs.get(uri)?.requirements ?? []) if (requirement.id !== id && revisionless(requirement.id) === name) out.add(requirement.id);
    }
    return [...out].sort();
  }

  private coverageSuspect(id: string): boolean {
    const [definition] = this.definitions(id);
    if (!definition) return false;
    const { fingerprint } = definition.requirement;
    const entries = this.coverage(id);
    return entries.length > 0 && entries.every(({ doc, cover }) => countsAsSuspect(entryReview(doc, cover, fingerprint).review, this.requireReview));
  }

  summary(prfaq: DocModel): CoverageSummary {
    const counts = { total: 0, covered: 0, waived: 0, uncovered: 0, suspect: 0 };
    for (const id of new Set(prfaq.requirements.map((r) => r.id))) {
      counts.total++;
      counts[this.status(id)]++;
    }
    return counts;
  }

  /** Mentions of an ID and links to its anchors, across the workspace (not definitions or Covers entries). */
  references(id: string): Reference[] {
    const out: Reference[] = [];
    for (const uri of [...(this.mentioners.get(id) ?? [])].sort()) {
      const doc = this.docs.get(uri);
      for (const mention of doc ? lookupOf(doc).mentions(id) : []) out.push({ uri, range: mention.range, kind: 'mention', sectionIndex: mention.sectionIndex });
    }
    for (const { doc, requirement } of this.definitions(id)) {
      for (const linker of [...(this.anchorLinkers.get(doc.uri) ?? [])].sort()) {
        const linking = this.docs.get(linker);
        for (const link of linking ? lookupOf(linking).anchorLinksTo(doc.uri) : []) {
          if (requirement.anchors.includes(link.fragment)) {
            out.push({ uri: linker, range: link.range, kind: 'link', sectionIndex: link.sectionIndex });
          }
        }
      }
    }
    return out;
  }

  /** Findings of one document: its own plus those derived from the workspace, severities applied. */
  findings(uri: string): readonly Finding[] {
    const cached = this.findingsCache.get(uri);
    if (cached) return cached;
    const doc = this.docs.get(uri);
    const own = this.fileFindings.get(uri) ?? [];
    if (!doc && own.length === 0) return [];
    const computed = this.applySeverities(doc ? [...own, ...doc.findings, ...deriveFindings(doc, this), ...structureFindings(doc, this.structure)] : [...own]);
    this.findingsCache.set(uri, computed);
    return computed;
  }

  /** Every finding, by document URI: the documents' and those of files that could not be read. */
  allFindings(): Finding[] {
    const uris = this.documents().map((doc) => doc.uri);
    if (this.fileFindings.size > 0) {
      for (const uri of this.fileFindings.keys()) if (!this.docs.has(uri)) uris.push(uri);
      uris.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    return uris.flatMap((uri) => this.findings(uri));
  }

  private applySeverities(findings: Finding[]): Finding[] {
    const out: Finding[] = [];
    for (const f of findings) {
      const setting = this.severities[f.code];
      if (setting === 'off') continue;
      out.push(setting && setting !== f.severity ? { ...f, severity: setting } : f);
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}
