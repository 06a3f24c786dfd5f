import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PARSER_VERSION, type Config, type DocModel, type Hasher, type ModelStore } from '../core/api';

export const sha1: Hasher = (text) => createHash('sha1').update(text).digest('base64');

/** What a cached model depends on besides the document: the parser and the parse-relevant settings. */
function scopeOf(config: Config): string {
  return sha1(JSON.stringify([PARSER_VERSION, config.idPattern, config.maxFileSize]));
}

/**
 * Parsed models persisted as one JSON file per parser version + configuration, in `dir`
 * (the CLI's --cache-dir, the extension's storageUri). Only entries used in a run are written
 * back, so the file does not grow with deleted or edited documents.
 */
export class FileModelStore implements ModelStore {
  private readonly file: string;
  private readonly loaded: Map<string, DocModel | null>;
  private readonly used = new Map<string, DocModel | null>();

  /** Resolves once the cache file is read; the caching parser waits for it before its first lookup. */
  readonly ready: Promise<unknown>;

  constructor(private readonly dir: string, config: Config) {
    this.file = join(dir, `models-${scopeOf(config).replace(/[/+=]/g, '_')}.json`);
    this.loaded = new Map();
    this.ready = this.load();
  }

  /**
   * Reads the cache file without blocking the thread; a missing, unreadable or malformed cache
   * starts empty (entries are checked one by one when used, see the caching parser). A FIFO or
   * device in the file's place is not read (O_NONBLOCK, then the handle's type is checked).
   */
  private async load(): Promise<this> {
    let json: string;
    try {
      const handle = await open(this.file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      try {
        if (!(await handle.stat()).isFile()) return this;
        json = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch {
      return this; // no cache yet, or unreadable
    }
    try {
      this.fill(JSON.parse(json));
    } catch {
      // not JSON: starts empty and is rewritten on save
    }
    return this;
  }

  private fill(data: unknown): void {
    if (typeof data !== 'object' || data === null) return;
    const { version, entries } = data as { version?: unknown; entries?: unknown };
    if (version !== PARSER_VERSION || !Array.isArray(entries)) return;
    for (const entry of entries) {
      if (Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string') this.loaded.set(entry[0], entry[1] as DocModel | null);
    }
  }

  get(key: string): DocModel | null | undefined {
    const model = this.used.get(key) ?? this.loaded.get(key);
    if (model !== undefined) this.used.set(key, model);
    return model;
  }

  set(key: string, model: DocModel | null): void {
    this.used.set(key, model);
  }

  delete(key: string): void {
    this.used.delete(key);
    this.loaded.delete(key);
  }

  /** Writes the entries used in this run (atomically: a temporary file renamed over the old one). */
  async save(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, JSON.stringify({ version: PARSER_VERSION, entries: [...this.used] }));
    await rename(temp, this.file);
  }
}
