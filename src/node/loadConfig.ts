import { join } from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, resolveConfig, type Config } from '../core/api';
import { describeFsError, readRegularFile } from './regularFile';

/** A configuration file is a few hundred bytes; anything this large is not one. */
export const MAX_CONFIG_FILE_SIZE = 1_000_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the configuration file: the given path, else `.prfaq-trace.json` in `folder` when it
 * exists, else the defaults. Throws ConfigError with a one-line message. A FIFO or device in its
 * place is refused without blocking; a UTF-8 byte order mark is dropped, as editors show it.
 */
export async function loadConfig(folder: string, explicitPath?: string): Promise<Config> {
  const path = explicitPath ?? join(folder, CONFIG_FILE_NAME);
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(path, MAX_CONFIG_FILE_SIZE);
  } catch (error) {
    if (!explicitPath && (error as NodeJS.ErrnoException).code === 'ENOENT') return resolveConfig(undefined);
    throw new ConfigError(`cannot read configuration ${path}: ${describeFsError(error)}`);
  }
  let raw: string;
  try {
    raw = utf8.decode(bytes); // drops a leading BOM
  } catch {
    throw new ConfigError(`${path} is not UTF-8 text`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return resolveConfig(parsed);
  } catch (error) {
    throw new ConfigError(`${path}: ${(error as Error).message}`);
  }
}
