import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
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

  /** Reads the cache file (the file read does not block the thread); a missing or unreadable cache starts empty. */
  private async load(): Promise<this> {
    try {
      this.fill(await readFile(this.file, 'utf8'));
    } catch {
      // no cache yet, or unreadable
    }
    return this;
  }

  private fill(json: string): void {
    const data = JSON.parse(json) as { version: string; entries: Array<[string, DocModel | null]> };
    if (data.version === PARSER_VERSION) for (const [key, model] of data.entries) this.loaded.set(key, model);
  }

  get(key: string): DocModel | null | undefined {
    const model = this.used.get(key) ?? this.loaded.get(key);
    if (model !== undefined) this.used.set(key, model);
    return model;
  }

  set(key: string, model: DocModel | null): void {
    this.used.set(key, model);
  }

  /** Writes the entries used in this run (atomically: a temporary file renamed over the old one). */
  async save(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, JSON.stringify({ version: PARSER_VERSION, entries: [...this.used] }));
    await rename(temp, this.file);
  }
}
