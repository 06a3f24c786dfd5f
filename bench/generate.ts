/**
 * Deterministic workspace generator: realistic PR/FAQs and design docs (frontmatter, press
 * release, FAQs, requirement lists and headings, Covers lines, tables, fenced code, links;
 * 2–150 KB, structured with H1/H2 sections) mixed with ordinary markdown that is neither kind
 * (READMEs, meeting notes, changelogs, runbooks). Same seed, same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import {
  ADJECTIVES,
  NOUNS,
  VERBS,
  blockquote,
  bulletList,
  capitalize,
  codeBlock,
  noun,
  paragraph,
  person,
  Rng,
  sentence,
  table,
  titleWords,
  type InlineOptions,
} from './prose';

export type FileKind = 'prfaq' | 'design' | 'ordinary';

export interface WorkspaceSpec {
  readonly name: string;
  readonly files: number;
  /** Share of files that are PR/FAQs or design docs (1 = every file). */
  readonly docShare: number;
  readonly seed: number;
  /** Include the fixed 2 KB / 30 KB / 150 KB (and flat 150 KB) PR/FAQs used for keystrokes. */
  readonly keystrokeDocs: boolean;
  /** Seed of the keystroke docs: the same in every workspace of a run, so their keystrokes compare. */
  readonly keystrokeSeed?: number;
}

export interface GeneratedFile {
  readonly path: string;
  readonly kind: FileKind;
  readonly bytes: number;
}

export interface KeystrokeDoc {
  readonly label: string;
  readonly path: string;
  readonly bytes: number;
  /** The requirement whose line the benchmark types into. */
  readonly editId: string;
  /** Whether the doc has H1/H2 headings the chunked parser can split at. */
  readonly sectioned: boolean;
}

export interface Manifest {
  readonly spec: WorkspaceSpec;
  readonly root: string;
  readonly files: readonly GeneratedFile[];
  readonly totalBytes: number;
  readonly docBytes: number;
  readonly docCount: number;
  readonly keystrokeDocs: readonly KeystrokeDoc[];
}

const PREFIXES = [
  'PAY', 'CHK', 'SHP', 'INV', 'ORD', 'RFD', 'CAT', 'SRCH', 'REC', 'NTF', 'ACC', 'SUB', 'PRC', 'TAX', 'FRD', 'LOY',
  'GFT', 'RET', 'WH', 'DLV', 'MOB', 'WEB', 'API', 'SEC', 'OPS', 'DATA', 'ML', 'ADS', 'MKT', 'SUP', 'CS', 'HR',
];
const AREAS = ['Checkout', 'Payments', 'Accounts', 'Delivery', 'Accessibility', 'Reliability', 'Privacy', 'Reporting', 'Mobile', 'Support', 'Pricing', 'Search'];

interface Requirement {
  readonly id: string;
  readonly title: string;
  /** Anchor a link to this requirement's definition can use. */
  readonly anchor: string;
}

interface PrfaqPlan {
  readonly path: string;
  readonly title: string;
  readonly requirements: Requirement[];
  /** IDs some design covers (the rest stay uncovered or waived). */
  readonly covered: Set<string>;
}

function phrase(rng: Rng): string {
  return `the ${rng.chance(0.5) ? `${rng.pick(ADJECTIVES)} ` : ''}${rng.pick(NOUNS)}`;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

function yamlQuote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Appends generated sections until the text reaches `target` bytes. */
class Builder {
  private readonly parts: string[] = [];
  private length = 0;

  add(text: string): void {
    this.parts.push(text);
    this.length += Buffer.byteLength(text) + 2;
  }

  get size(): number {
    return this.length;
  }

  text(): string {
    return `${this.parts.join('\n\n')}\n`;
  }
}

function owners(rng: Rng, indent = '  ', dropEngineer = false): string {
  const pm = person(rng);
  const eng = person(rng);
  const lines = [`owners:`, `${indent}pm: ${pm.name} <${pm.email}>`];
  if (!dropEngineer) lines.push(`${indent}engineer: ${yamlQuote(eng.handle)}`);
  if (rng.chance(0.4)) lines.push(`${indent}designer: ${yamlQuote(person(rng).handle)}`);
  if (rng.chance(0.3)) lines.push(`${indent}reviewers: [${yamlQuote(person(rng).handle)}, ${yamlQuote(person(rng).handle)}]`);
  return lines.join('\n');
}

function date(rng: Rng): string {
  return `20${rng.int(23, 26)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/** Fill sections shared by both kinds: prose, tables, code, quotes, lists under H2/H3 headings. */
function fillerSection(rng: Rng, inline: InlineOptions, level: 2 | 3): string {
  const parts = [`${'#'.repeat(level)} ${rng.pick(['Appendix', 'Notes on', 'Details of', 'Open questions on', 'Background:', 'Data on'])} ${titleWords(rng, rng.int(1, 3))}`];
  if (rng.chance(0.15)) parts.push(`<!-- owner: ${person(rng).handle} -->`);
  const blocks = rng.int(2, 6);
  for (let i = 0; i < blocks; i++) {
    const r = rng.next();
    if (r < 0.58) parts.push(paragraph(rng, inline));
    else if (r < 0.66) parts.push(table(rng));
    else if (r < 0.78) parts.push(codeBlock(rng));
    else if (r < 0.9) parts.push(bulletList(rng, inline, rng.chance(0.3)));
    else if (r < 0.94) parts.push(blockquote(rng));
    else parts.push(`### ${titleWords(rng, rng.int(2, 4))}\n\n${paragraph(rng, inline)}`);
  }
  return parts.join('\n\n');
}

function requirementBlock(rng: Rng, req: Requirement, form: number, inline: InlineOptions, withDetail: boolean): string {
  const detail = withDetail ? paragraph(rng, inline) : '';
  switch (form) {
    case 0:
      return `### ${req.id}: ${req.title}\n\n${detail || sentence(rng, inline)}`;
    case 1:
      return `### **${req.id}** ${req.title}\n\n${detail || sentence(rng, inline)}`;
    case 2:
      return `- **${req.id}** ${req.title}.${detail ? `\n\n${indent(detail, '  ')}` : ''}`;
    case 3:
      return `- ${req.id} ${req.title}.${detail ? `\n\n${indent(detail, '  ')}` : ''}`;
    case 4:
      return `- \`${req.id}\` ${req.title}.${detail ? `\n\n${indent(detail, '  ')}` : ''}`;
    default:
      return `1. ${req.id} ${req.title}.${detail ? `\n\n${indent(detail, '   ')}` : ''}`;
  }
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');
}

interface PrfaqOptions {
  readonly target: number;
  readonly prefix: string;
  /** Split requirements over several H2 sections of at most this many (0: one section). */
  readonly groupSize: number;
  /** No H1/H2 headings at all: the whole body is one chunk (worst case for incremental parsing). */
  readonly flat?: boolean;
  readonly requirementCount?: number;
}

function requirementTitle(rng: Rng): string {
  const parts = [capitalize(phrase(rng)), rng.pick(VERBS), phrase(rng)];
  if (rng.chance(0.5)) parts.push(`within ${rng.int(2, 90)} ${rng.pick(['seconds', 'minutes', 'hours', 'days'])}`);
  else if (rng.chance(0.3)) parts.push(rng.pick(['for every customer', 'on mobile', 'in every region', 'without a page reload', 'at p95']));
  return parts.join(' ');
}

/** A PR/FAQ: frontmatter, press release, customer and internal FAQs, commitments, appendices. */
function prfaqDoc(rng: Rng, options: PrfaqOptions, title: string): { text: string; requirements: Requirement[] } {
  const h1 = options.flat ? '###' : '#';
  const h2 = options.flat ? '###' : '##';
  const count = options.requirementCount ?? Math.min(40, rng.int(5, Math.max(5, Math.min(40, Math.round(5 + options.target / 3000)))));
  const requirements: Requirement[] = [];
  const forms: number[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `${options.prefix}-${i}`;
    const reqTitle = requirementTitle(rng);
    const form = rng.pick([0, 0, 1, 2, 2, 3, 4, 5]);
    forms.push(form);
    requirements.push({ id, title: reqTitle, anchor: form <= 1 && !options.flat ? slugify(form === 0 ? `${id}: ${reqTitle}` : `${id} ${reqTitle}`) : id.toLowerCase() });
  }
  const ids = requirements.map((r) => r.id);
  const inline: InlineOptions = { ids };
  const b = new Builder();
  const waived = requirements.filter(() => rng.chance(0.04)).slice(0, 2);
  const fm = [
    '---',
    'type: prfaq',
    `title: ${yamlQuote(title)}`,
    owners(rng, '  ', rng.chance(0.03)),
    `status: ${rng.pick(['draft', 'in review', 'approved'])}`,
    `updated: ${date(rng)}`,
  ];
  if (waived.length > 0) fm.push('waived:', ...waived.map((r) => `  ${r.id}: ${yamlQuote(`Moves to a later launch: ${sentence(rng).replace(/[`*_]/g, '')}`)}`));
  fm.push('---');
  b.add(fm.join('\n'));
  const small = options.target < 4_000;
  b.add(`${h1} ${title}`);
  if (!small) b.add(blockquote(rng));
  b.add(`${h2} Press release`);
  b.add(`### ${title}: ${sentence(rng).replace(/[.?!]$/, '')}`);
  b.add(`**${sentence(rng)}**`);
  for (let i = 0, n = Math.max(1, Math.min(6, Math.round(options.target / 8000))); i < n; i++) b.add(small ? sentence(rng, inline) : paragraph(rng, inline));
  b.add(`${h2} Customer FAQ`);
  for (let i = 0, n = Math.max(1, Math.min(8, Math.round(options.target / 6000))); i < n; i++) {
    b.add(`### Q: ${sentence(rng).replace(/[.!]$/, '?')}`);
    b.add(small ? sentence(rng, inline) : paragraph(rng, inline));
  }
  if (!small) b.add(`${h2} Internal FAQ`);
  if (rng.chance(0.5)) b.add(`<!-- owner: ${person(rng).name} <${person(rng).email}>, ${person(rng).handle} -->`);
  for (let i = 0, n = small ? 0 : Math.max(1, Math.min(8, Math.round(options.target / 6000))); i < n; i++) {
    b.add(`### Q: ${sentence(rng).replace(/[.!]$/, '?')}`);
    b.add(paragraph(rng, inline));
    if (options.target > 20_000 && rng.chance(0.3)) b.add(table(rng));
  }
  const withDetail = options.target > 6000;
  const groups: Requirement[][] = [];
  const size = options.groupSize > 0 ? options.groupSize : requirements.length;
  for (let i = 0; i < requirements.length; i += size) groups.push(requirements.slice(i, i + size));
  groups.forEach((group, g) => {
    b.add(groups.length === 1 ? `${h2} Commitments` : `${h2} Commitments: ${AREAS[g % AREAS.length]}`);
    if (rng.chance(0.4)) b.add(`<!-- owner: ${person(rng).handle} -->`);
    if (g === 0 && !small) b.add(paragraph(rng));
    let list: string[] = [];
    const flush = () => {
      if (list.length > 0) b.add(list.join('\n\n'));
      list = [];
    };
    for (const req of group) {
      const form = forms[requirements.indexOf(req)] as number;
      const block = requirementBlock(rng, req, form, inline, withDetail && rng.chance(0.7));
      if (form <= 1) {
        flush();
        b.add(block);
      } else {
        list.push(block);
      }
    }
    flush();
    if (rng.chance(0.1)) b.add(`### ${titleWords(rng, 3)}\n\`feat~${noun(rng)}-${noun(rng)}~${rng.int(1, 3)}\`\n\n${paragraph(rng, inline)}`);
  });
  while (b.size < options.target) b.add(fillerSection(rng, inline, options.flat ? 3 : rng.chance(0.7) ? 2 : 3));
  return { text: b.text(), requirements };
}

interface DesignOptions {
  readonly target: number;
  readonly prfaqs: ReadonlyArray<{ readonly plan: PrfaqPlan; readonly link: string; readonly covers: readonly string[] }>;
  readonly links: readonly string[];
}

/** A design doc: frontmatter with prfaq links, context, architecture, sections with Covers lines. */
function designDoc(rng: Rng, options: DesignOptions, title: string): string {
  const b = new Builder();
  const allIds = options.prfaqs.flatMap((p) => p.plan.requirements.map((r) => r.id));
  const inline: InlineOptions = { ids: allIds, links: options.links };
  const prfaqLine =
    options.prfaqs.length === 1
      ? `prfaq: ${options.prfaqs[0]?.link}`
      : `prfaq:\n${options.prfaqs.map((p) => `  - ${p.link}`).join('\n')}`;
  b.add(['---', 'type: design', `title: ${yamlQuote(title)}`, owners(rng, '  ', rng.chance(0.03)), prfaqLine, `updated: ${date(rng)}`, '---'].join('\n'));
  b.add(`# ${title}`);
  const first = options.prfaqs[0];
  b.add(`Status: ${rng.pick(['draft', 'in review', 'approved'])}. This design answers the [${first?.plan.title}](${first?.link}) PR/FAQ. ${paragraph(rng, inline)}`);
  b.add('## Context');
  b.add(`<!-- owner: ${person(rng).handle} -->`);
  b.add(paragraph(rng, inline));
  const linked = first?.plan.requirements[rng.int(0, (first?.plan.requirements.length ?? 1) - 1)];
  if (first && linked) b.add(`The headline commitment, [${linked.title.toLowerCase()}](${first.link}#${linked.anchor}), ${sentence(rng, inline).replace(/^[A-Z]/, (c) => c.toLowerCase())}`);
  b.add('## Goals and non-goals');
  b.add(`### Goals\n\n${bulletList(rng, inline)}\n\n### Non-goals\n\n${bulletList(rng, inline)}`);
  b.add('## Architecture');
  b.add(paragraph(rng, inline));
  b.add(codeBlock(rng));
  // Covers lines: spread this design's share of IDs over its sections.
  const covers = options.prfaqs.flatMap((p) => p.covers);
  const sections = Math.max(1, Math.min(covers.length, Math.round(options.target / 4000)));
  for (let s = 0; s < sections; s++) {
    const mine = covers.filter((_, i) => i % sections === s);
    if (rng.chance(0.03)) mine.push(`${(allIds[0] ?? 'XX-1').split('-')[0]}-${rng.int(900, 999)}`);
    b.add(`${s % 4 === 0 && options.target > 20_000 ? '##' : '###'} ${titleWords(rng, rng.int(2, 4))}`);
    if (rng.chance(0.5)) b.add(`<!-- owner: ${person(rng).handle} -->`);
    if (mine.length > 0) b.add(`Covers: ${mine.join(', ')}`);
    b.add(paragraph(rng, inline));
    if (rng.chance(0.3)) b.add(table(rng));
    if (rng.chance(0.3)) b.add(codeBlock(rng));
  }
  b.add('## Alternatives considered');
  b.add(bulletList(rng, inline));
  b.add('## Rollout');
  b.add(bulletList(rng, inline, true));
  while (b.size < options.target) b.add(fillerSection(rng, inline, rng.chance(0.6) ? 2 : 3));
  return b.text();
}

type OrdinaryKind = 'readme' | 'notes' | 'changelog' | 'runbook';

/** Ordinary markdown: no `type: prfaq|design` frontmatter, so the tool must skip it cheaply. */
function ordinaryDoc(rng: Rng, kind: OrdinaryKind, target: number, links: readonly string[], ids: readonly string[]): string {
  const b = new Builder();
  const inline: InlineOptions = { links, ids };
  const fm = rng.next();
  if (fm < 0.15) b.add(`---\ntitle: ${yamlQuote(titleWords(rng, 3))}\ntags: [${noun(rng)}, ${noun(rng)}]\n---`);
  else if (fm < 0.2) b.add(`---\ntype: ${rng.pick(['note', 'runbook', 'adr', 'post'])}\nauthor: ${yamlQuote(person(rng).handle)}\n---`);
  switch (kind) {
    case 'readme':
      b.add(`# ${titleWords(rng, 2)} ${rng.pick(['service', 'team', 'library', 'tools'])}`);
      b.add(paragraph(rng, inline));
      b.add(`## Getting started\n\n${codeBlock(rng)}`);
      b.add(`## Documents\n\n${links.slice(0, 12).map((l) => `- [${titleWords(rng, 2)}](${l})`).join('\n')}`);
      break;
    case 'notes':
      b.add(`# ${rng.pick(['Weekly sync', 'Design review', 'Planning', 'Retro', 'Ops review'])} ${date(rng)}`);
      b.add(`## Attendees\n\n${Array.from({ length: rng.int(3, 8) }, () => `- ${person(rng).handle}`).join('\n')}`);
      break;
    case 'changelog':
      b.add('# Changelog');
      b.add('All notable changes to this service are documented here.');
      break;
    case 'runbook':
      b.add(`# Runbook: ${titleWords(rng, 3)}`);
      b.add(`## When this fires\n\n${paragraph(rng, inline)}`);
      break;
  }
  let version = rng.int(10, 40);
  while (b.size < target) {
    switch (kind) {
      case 'notes':
        b.add(`## ${titleWords(rng, rng.int(1, 3))}\n\n${paragraph(rng, inline)}\n\n${bulletList(rng, inline)}`);
        if (rng.chance(0.4)) b.add(`### Action items\n\n${Array.from({ length: rng.int(2, 5) }, () => `- [${rng.chance(0.3) ? 'x' : ' '}] ${person(rng).handle} ${sentence(rng, inline)}`).join('\n')}`);
        break;
      case 'changelog':
        b.add(`## [${Math.floor(version / 10)}.${version % 10}.${rng.int(0, 9)}] - ${date(rng)}\n\n### ${rng.pick(['Added', 'Changed', 'Fixed', 'Removed'])}\n\n${bulletList(rng, inline)}`);
        version--;
        break;
      default:
        b.add(fillerSection(rng, inline, rng.chance(0.7) ? 2 : 3));
    }
  }
  return b.text();
}

/** The fixed PR/FAQs the keystroke measurement types into (same bytes in every workspace of a run). */
export function keystrokeDocs(seed: number): Array<{ label: string; file: string; text: string; editId: string; sectioned: boolean }> {
  const specs = [
    { label: '2 KB', file: 'keystroke-2k', target: 1_000, prefix: 'KSA', groupSize: 0, count: 10, flat: false },
    { label: '30 KB', file: 'keystroke-30k', target: 29_000, prefix: 'KSB', groupSize: 8, count: 24, flat: false },
    { label: '150 KB', file: 'keystroke-150k', target: 147_000, prefix: 'KSC', groupSize: 8, count: 40, flat: false },
    { label: '150 KB, no H1/H2 (one chunk)', file: 'keystroke-150k-flat', target: 147_000, prefix: 'KSD', groupSize: 8, count: 40, flat: true },
  ];
  return specs.map((spec, i) => {
    const rng = Rng.seeded(seed ^ (0x6b657973 + i));
    const { text, requirements } = prfaqDoc(
      rng,
      { target: spec.target, prefix: spec.prefix, groupSize: spec.groupSize, flat: spec.flat, requirementCount: spec.count },
      `Keystroke target ${spec.label}`,
    );
    const edit = requirements[Math.floor(requirements.length / 2)] as Requirement;
    return { label: spec.label, file: `${spec.file}.md`, text, editId: edit.id, sectioned: !spec.flat };
  });
}

/** Writes the workspace under `root` and returns what it holds. */
export function generateWorkspace(root: string, spec: WorkspaceSpec): Manifest {
  const rng = Rng.seeded(spec.seed);
  const files: GeneratedFile[] = [];
  const written = new Set<string>();
  const write = (path: string, kind: FileKind, text: string) => {
    if (written.has(path)) throw new Error(`generator wrote ${path} twice`);
    written.add(path);
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    files.push({ path, kind, bytes: Buffer.byteLength(text) });
  };
  const teams = Math.max(5, Math.round(spec.files / 100));
  const team = (i: number) => `teams/team-${String(i % teams).padStart(2, '0')}`;

  // Keystroke docs and one design doc that covers part of them.
  const ksDocs: KeystrokeDoc[] = [];
  if (spec.keystrokeDocs) {
    const covers: string[] = [];
    for (const doc of keystrokeDocs(spec.keystrokeSeed ?? spec.seed)) {
      const path = `${team(0)}/prfaq/${doc.file}`;
      write(path, 'prfaq', doc.text);
      ksDocs.push({ label: doc.label, path, bytes: Buffer.byteLength(doc.text), editId: doc.editId, sectioned: doc.sectioned });
      const prefix = doc.editId.split('-')[0] as string;
      for (let i = 1; i <= 6; i++) covers.push(`${prefix}-${i}`);
    }
    const design = ['---', 'type: design', 'title: "Keystroke targets: shared design"', 'owners:', '  pm: Priya Raman', '  engineer: "@marco.lee"', 'prfaq:',
      ...ksDocs.map((d) => `  - ../prfaq/${posix.basename(d.path)}`), '---', '', '# Keystroke targets: shared design', '', '## Coverage', '', `Covers: ${covers.join(', ')}`, ''].join('\n');
    write(`${team(0)}/design/keystroke-targets.md`, 'design', design);
  }

  const docCount = Math.max(0, Math.round(spec.files * spec.docShare) - files.length);
  const prfaqCount = Math.max(1, Math.round(docCount / 4));
  const designCount = Math.max(0, docCount - prfaqCount);
  const ordinaryCount = spec.files - files.length - prfaqCount - designCount;

  // Plan PR/FAQs first so designs can link to them and cover their IDs.
  const usedPrefixes = new Map<string, number>();
  const plans: Array<PrfaqPlan & { text: string }> = [];
  for (let i = 0; i < prfaqCount; i++) {
    const base = rng.pick(PREFIXES);
    const n = (usedPrefixes.get(base) ?? 0) + 1;
    usedPrefixes.set(base, n);
    const prefix = n === 1 ? base : `${base}${n}`;
    const title = `${titleWords(rng, rng.int(2, 4))}`;
    const target = Math.round(rng.logUniform(2_000, 150_000));
    const groupSize = rng.chance(0.75) ? rng.int(5, 10) : 0;
    const { text, requirements } = prfaqDoc(rng, { target, prefix, groupSize }, title);
    const covered = new Set(requirements.filter(() => rng.chance(0.85)).map((r) => r.id));
    plans.push({ path: `${team(i)}/prfaq/${slugify(title)}-${i}.md`, title, requirements, covered, text });
  }
  for (const plan of plans) write(plan.path, 'prfaq', plan.text);

  // Designs: each answers one PR/FAQ (a few answer two) and covers a share of its covered IDs.
  const designsOf = new Map<PrfaqPlan, number[]>();
  const assignment: PrfaqPlan[][] = [];
  for (let d = 0; d < designCount; d++) {
    const main = plans[d % plans.length] as PrfaqPlan;
    const answered = [main];
    if (plans.length > 1 && rng.chance(0.08)) answered.push(rng.pick(plans));
    assignment.push(answered);
    for (const plan of answered) designsOf.set(plan, [...(designsOf.get(plan) ?? []), d]);
  }
  const ordinaryPaths: string[] = [];
  for (let o = 0; o < ordinaryCount; o++) {
    const kind: OrdinaryKind = o < teams ? 'readme' : rng.pick(['notes', 'notes', 'changelog', 'runbook', 'runbook']);
    const folder = kind === 'readme' ? '' : kind === 'notes' ? 'notes/' : kind === 'changelog' ? 'changelogs/' : 'docs/';
    ordinaryPaths.push(kind === 'readme' ? `${team(o)}/README.md` : `${team(o)}/${folder}${kind}-${o}.md`);
  }
  for (let d = 0; d < designCount; d++) {
    const answered = assignment[d] as PrfaqPlan[];
    const title = `${titleWords(rng, rng.int(2, 3))} ${rng.pick(['Service', 'Pipeline', 'Store', 'API', 'Migration', 'Integration'])}`;
    const path = `${team(d + 3)}/design/${slugify(title)}-${d}.md`;
    const prfaqs = answered.map((plan) => {
      const designs = designsOf.get(plan) ?? [d];
      const share = designs.indexOf(d);
      const ids = plan.requirements.map((r) => r.id).filter((id, i) => plan.covered.has(id) && i % designs.length === share);
      return { plan, link: posix.relative(posix.dirname(path), plan.path), covers: ids };
    });
    const links = [
      ...prfaqs.map((p) => p.link),
      posix.relative(posix.dirname(path), rng.pick(ordinaryPaths.length > 0 ? ordinaryPaths : [plans[0]?.path ?? 'README.md'])),
      '../README.md',
    ];
    write(path, 'design', designDoc(rng, { target: Math.round(rng.logUniform(2_000, 150_000)), prfaqs, links }, title));
  }

  const allIds = plans.flatMap((p) => p.requirements.map((r) => r.id));
  ordinaryPaths.forEach((path, o) => {
    const kind: OrdinaryKind = path.endsWith('README.md') ? 'readme' : (path.split('/').pop()?.split('-')[0] as OrdinaryKind);
    const near = [rng.pick(ordinaryPaths), rng.pick(ordinaryPaths), ...(plans.length > 0 ? [rng.pick(plans).path] : [])].map((p) => posix.relative(posix.dirname(path), p));
    const links = [...near, `${near[0]}#${rng.pick(['getting-started', 'attendees', 'changelog', 'when-this-fires', 'no-such-heading'])}`];
    write(path, 'ordinary', ordinaryDoc(rng, kind, Math.round(rng.logUniform(1_000, 80_000)), links, rng.chance(0.2) ? allIds.slice(o % 50, (o % 50) + 3) : []));
  });

  const docs = files.filter((f) => f.kind !== 'ordinary');
  return {
    spec,
    root,
    files,
    totalBytes: files.reduce((s, f) => s + f.bytes, 0),
    docBytes: docs.reduce((s, f) => s + f.bytes, 0),
    docCount: docs.length,
    keystrokeDocs: ksDocs,
  };
}
