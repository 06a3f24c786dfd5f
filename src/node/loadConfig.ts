import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, resolveConfig, type Config } from '../core/api';

/**
 * Reads the configuration file: the given path, else `.prfaq-trace.json` in `folder` when it
 * exists, else the defaults. Throws ConfigError with a one-line message.
 */
export async function loadConfig(folder: string, explicitPath?: string): Promise<Config> {
  const path = explicitPath ?? join(folder, CONFIG_FILE_NAME);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if (!explicitPath && (error as NodeJS.ErrnoException).code === 'ENOENT') return resolveConfig(undefined);
    throw new ConfigError(`cannot read configuration ${path}: ${(error as Error).message}`);
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
