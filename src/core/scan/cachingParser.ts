import type { DocModel } from '../model';
import { sniffedKind, type ParseInput } from '../parse/parseDocument';
import type { DocumentParser } from './host';
import { isDocModelShape } from './modelShape';

/** Where parsed models persist between runs (a file on Node, storageUri in the extension). */
export interface ModelStore {
  /** Set when the store loads asynchronously: lookups wait for it. */
  readonly ready?: Promise<unknown>;
  /** What the store holds for `key`, unchecked: the caching parser validates it before use. */
  get(key: string): DocModel | null | undefined;
  /** `null` records "not a PR/FAQ or design doc" so such files are not re-parsed either. */
  set(key: string, model: DocModel | null): void;
  /** Forgets an entry that turned out unusable, so it is not written back. */
  delete?(key: string): void;
}

/** A content hash; the host supplies it (crypto on Node) so the core stays host-free. */
export type Hasher = (text: string) => string;

/**
 * Skips parsing unchanged files: models are keyed by the document's URI and content hash.
 * The store is expected to be scoped to one parser version and configuration (see the
 * Node store), so a parser upgrade or a config change misses instead of serving stale models.
 */
/**
 * Whether a cached value can stand for `input`'s model: the shape of a model for the same URI, or
 * `null` ("not a PR/FAQ or design doc") only for an input that is none by its frontmatter and
 * path (a null entry for a PR/FAQ would hide all of its findings).
 */
function usable(cached: unknown, input: ParseInput): boolean {
  if (cached === null) return sniffedKind(input) === undefined;
  return isDocModelShape(cached) && (cached as DocModel).uri === input.uri;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found but unusable (wrong shape, another document's, a forged "not a document"): parsed again and overwritten. */
  rejected: number;
}

export function createCachingParser(inner: DocumentParser, store: ModelStore, hash: Hasher): DocumentParser & { readonly stats: CacheStats } {
  const stats: CacheStats = { hits: 0, misses: 0, rejected: 0 };
  return {
    stats,
    async parse(inputs: readonly ParseInput[]): Promise<ReadonlyArray<DocModel | undefined>> {
      await store.ready;
      const keys = inputs.map((input) => `${input.uri}\n${input.kindByPath ?? ''}\n${input.byteLength ?? ''}\n${hash(input.text)}`);
      const results: Array<DocModel | undefined> = new Array(inputs.length);
      const missing: number[] = [];
      keys.forEach((key, i) => {
        const cached = store.get(key);
        if (cached === undefined) missing.push(i);
        else if (!usable(cached, inputs[i] as ParseInput)) {
          stats.rejected++;
          store.delete?.(key);
          missing.push(i);
        } else {
          results[i] = cached ?? undefined;
          stats.hits++;
        }
      });
      stats.misses += missing.length;
      if (missing.length > 0) {
        const parsed = await inner.parse(missing.map((i) => inputs[i] as ParseInput));
        missing.forEach((i, j) => {
          const model = parsed[j];
          results[i] = model;
          // Failed parses are not cached: a later run with another budget may succeed.
          if (!model?.findings.some((f) => f.code === 'parse-failed')) store.set(keys[i] as string, model ?? null);
        });
      }
      return results;
    },
    dispose: () => inner.dispose?.(),
  };
}
