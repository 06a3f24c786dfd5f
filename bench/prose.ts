/**
 * Seeded text building blocks for the benchmark's generated workspaces: varied sentences,
 * paragraphs, tables and code blocks (never one sentence repeated), so the markdown parser
 * sees the mix of inline markup real documents have.
 */

// The same seeded PRNG as the unit tests' fixtures (mulberry32).
import { seededRandom } from '../test/unit/random';

export { seededRandom };

export class Rng {
  constructor(readonly next: () => number) {}

  static seeded(seed: number): Rng {
    return new Rng(seededRandom(seed));
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Log-uniform in [min, max]: many small values, a few large ones. */
  logUniform(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)));
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

export const NOUNS = [
  'order', 'customer', 'payment', 'refund', 'invoice', 'shipment', 'warehouse', 'carrier', 'cart', 'checkout',
  'account', 'profile', 'address', 'card', 'token', 'session', 'request', 'response', 'queue', 'worker',
  'service', 'endpoint', 'database', 'table', 'index', 'cache', 'replica', 'shard', 'partition', 'region',
  'latency', 'throughput', 'budget', 'deadline', 'rollout', 'experiment', 'cohort', 'metric', 'dashboard', 'alarm',
  'pager', 'runbook', 'incident', 'outage', 'retry', 'timeout', 'backlog', 'release', 'feature', 'flag',
  'team', 'partner', 'vendor', 'contract', 'price', 'discount', 'coupon', 'subscription', 'bundle', 'catalog',
  'listing', 'review', 'rating', 'search', 'ranking', 'recommendation', 'notification', 'email', 'message', 'report',
  'audit', 'policy', 'permission', 'role', 'tenant', 'store', 'seller', 'buyer', 'driver', 'route',
  'schedule', 'window', 'slot', 'capacity', 'forecast', 'model', 'pipeline', 'job', 'batch', 'stream',
  'event', 'schema', 'migration', 'backfill', 'snapshot', 'ledger', 'balance', 'statement', 'dispute', 'chargeback',
];
export const ADJECTIVES = [
  'new', 'existing', 'current', 'regional', 'global', 'synchronous', 'asynchronous', 'idempotent', 'durable', 'cheap',
  'expensive', 'slow', 'fast', 'manual', 'automatic', 'optional', 'mandatory', 'legacy', 'shared', 'dedicated',
  'read-only', 'eventual', 'strong', 'weekly', 'daily', 'hourly', 'partial', 'complete', 'failed', 'pending',
  'duplicate', 'stale', 'fresh', 'public', 'internal', 'external', 'mobile', 'desktop', 'accessible', 'localized',
];
export const VERBS = [
  'stores', 'reads', 'writes', 'sends', 'receives', 'validates', 'rejects', 'accepts', 'retries', 'schedules',
  'cancels', 'refunds', 'charges', 'reserves', 'releases', 'publishes', 'consumes', 'indexes', 'ranks', 'filters',
  'aggregates', 'reports', 'alerts on', 'throttles', 'batches', 'caches', 'invalidates', 'replicates', 'migrates', 'archives',
  'updates', 'creates', 'deletes', 'locks', 'signs', 'encrypts', 'compresses', 'exports', 'imports', 'reconciles',
];
const ADVERBS = ['quickly', 'safely', 'eventually', 'once', 'twice', 'again', 'always', 'never', 'rarely', 'usually', 'first', 'later'];
const PREPOSITIONS = ['for', 'with', 'from', 'into', 'after', 'before', 'during', 'without', 'across', 'behind', 'per', 'under'];
const OPENERS = [
  'Today', 'At launch', 'In the first phase', 'For most customers', 'On a peak day', 'In practice', 'By design',
  'Once the rollout completes', 'During the beta', 'As a result', 'In the worst case', 'On mobile', 'For sellers',
];
const FIRST = ['Priya', 'Marco', 'Ana', 'Jun', 'Sofia', 'Dana', 'Omar', 'Lena', 'Ravi', 'Mei', 'Tomás', 'Ines', 'Kofi', 'Yuki', 'Noah', 'Elif'];
const LAST = ['Raman', 'Lee', 'Okafor', 'Silva', 'Novak', 'Haddad', 'Kim', 'Brandt', 'Costa', 'Ito', 'Moreau', 'Singh', 'Walsh', 'Berg'];
const LANGS = ['ts', 'json', 'sql', 'yaml', 'text', 'go', 'python', 'sh'];

export function person(rng: Rng): { name: string; handle: string; email: string } {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const handle = `${first.toLowerCase().replace(/[^a-z]/g, 'o')}.${last.toLowerCase()}`;
  return { name: `${first} ${last}`, handle: `@${handle}`, email: `${handle}@larkspur.example` };
}

export function noun(rng: Rng): string {
  return rng.pick(NOUNS);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function titleWords(rng: Rng, count: number): string {
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(capitalize(i % 2 === 0 ? rng.pick(ADJECTIVES) : rng.pick(NOUNS)));
  return words.join(' ');
}

export interface InlineOptions {
  /** IDs the text may mention ("see PAY-3"). */
  readonly ids?: readonly string[];
  /** Relative link targets the text may link to. */
  readonly links?: readonly string[];
}

function phrase(rng: Rng): string {
  return `the ${rng.chance(0.5) ? `${rng.pick(ADJECTIVES)} ` : ''}${rng.pick(NOUNS)}`;
}

/** One sentence with occasional inline markup. */
export function sentence(rng: Rng, options: InlineOptions = {}): string {
  const parts: string[] = [];
  if (rng.chance(0.25)) parts.push(`${rng.pick(OPENERS)},`);
  parts.push(phrase(rng), rng.pick(VERBS), phrase(rng));
  const extra = rng.int(0, 3);
  for (let i = 0; i < extra; i++) {
    const r = rng.next();
    if (r < 0.4) parts.push(rng.pick(PREPOSITIONS), phrase(rng));
    else if (r < 0.55) parts.push(rng.pick(ADVERBS));
    else if (r < 0.7) parts.push(`within ${rng.int(2, 900)} ${rng.pick(['ms', 'seconds', 'minutes', 'hours', 'days'])}`);
    else if (r < 0.8) parts.push(`at p${rng.pick(['50', '95', '99'])}`);
    else parts.push('and', rng.pick(VERBS), phrase(rng));
  }
  const r = rng.next();
  if (r < 0.08) parts.push(`(\`${rng.pick(NOUNS)}_${rng.pick(NOUNS)}\`)`);
  else if (r < 0.13) parts[parts.length - 1] = `**${parts[parts.length - 1]}**`;
  else if (r < 0.17) parts[parts.length - 1] = `_${parts[parts.length - 1]}_`;
  else if (r < 0.23 && options.ids && options.ids.length > 0) parts.push(`(see ${rng.pick(options.ids)})`);
  else if (r < 0.3 && options.links && options.links.length > 0) parts.push(`as described in [the ${rng.pick(NOUNS)} notes](${rng.pick(options.links)})`);
  else if (r < 0.32) parts.push(`(<https://wiki.larkspur.example/${rng.pick(NOUNS)}/${rng.int(1, 9999)}>)`);
  const text = parts.join(' ');
  return `${capitalize(text)}${rng.pick(['.', '.', '.', '.', '?', '!'])}`;
}

/** A paragraph of 2–7 sentences, wrapped at ~76 columns like hand-written markdown. */
export function paragraph(rng: Rng, options: InlineOptions = {}): string {
  const count = rng.int(2, 7);
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) sentences.push(sentence(rng, options));
  return wrap(sentences.join(' '), 76);
}

export function wrap(text: string, width: number): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export function bulletList(rng: Rng, options: InlineOptions = {}, ordered = false): string {
  const count = rng.int(3, 8);
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const marker = ordered ? `${i + 1}.` : rng.pick(['-', '-', '*']);
    items.push(`${marker} ${sentence(rng, options)}`);
    if (rng.chance(0.15)) items.push(`  - ${sentence(rng, options)}`);
  }
  return items.join('\n');
}

export function table(rng: Rng): string {
  const columns = rng.int(3, 6);
  const header = Array.from({ length: columns }, (_, i) => (i === 0 ? capitalize(rng.pick(NOUNS)) : titleWords(rng, rng.int(1, 2))));
  const rows = rng.int(3, 10);
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : rng.pick(['---', ':---:', '---:']))).join('|')}|`];
  for (let r = 0; r < rows; r++) {
    const cells = header.map((_, i) => {
      if (i === 0) return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
      const k = rng.next();
      if (k < 0.4) return String(rng.int(1, 99_999));
      if (k < 0.6) return `${rng.int(1, 999)} ms`;
      if (k < 0.75) return `\`${rng.pick(NOUNS)}\``;
      return `${rng.pick(VERBS)} ${rng.pick(NOUNS)}`;
    });
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function codeBlock(rng: Rng): string {
  const lang = rng.pick(LANGS);
  const lines: string[] = [];
  const count = rng.int(4, 24);
  for (let i = 0; i < count; i++) {
    const indent = '  '.repeat(rng.int(0, 3));
    switch (lang) {
      case 'json':
        lines.push(`${indent}"${rng.pick(NOUNS)}_${rng.pick(NOUNS)}": ${rng.chance(0.5) ? rng.int(0, 5000) : `"${rng.pick(ADJECTIVES)}"`},`);
        break;
      case 'sql':
        lines.push(`${indent}${rng.pick(['SELECT', 'FROM', 'WHERE', 'AND', 'GROUP BY', 'ORDER BY', 'JOIN'])} ${rng.pick(NOUNS)}_${rng.pick(NOUNS)}`);
        break;
      case 'yaml':
        lines.push(`${indent}${rng.pick(NOUNS)}: ${rng.chance(0.5) ? rng.int(0, 100) : rng.pick(ADJECTIVES)}`);
        break;
      case 'text':
        lines.push(`${indent}${rng.pick(NOUNS)} ──▶ ${rng.pick(NOUNS)}-service  # ${rng.pick(VERBS)} ${rng.pick(NOUNS)}`);
        break;
      case 'sh':
        lines.push(`${indent}${rng.pick(['curl -s', 'kubectl get', 'aws s3 cp', 'make', 'npm run'])} ${rng.pick(NOUNS)}-${rng.pick(NOUNS)}`);
        break;
      default:
        lines.push(`${indent}const ${rng.pick(NOUNS)}${capitalize(rng.pick(NOUNS))} = await ${rng.pick(NOUNS)}.${rng.pick(['get', 'put', 'list', 'send'])}(${rng.pick(NOUNS)}Id);`);
    }
  }
  // Fenced code may contain lines that look like headings: the chunker must not split there.
  if (rng.chance(0.2)) lines.splice(1, 0, '# not a heading: inside a fence');
  return `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``;
}

export function blockquote(rng: Rng): string {
  return paragraph(rng)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
