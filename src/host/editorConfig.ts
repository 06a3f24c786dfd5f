import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, ConfigError, resolveConfig, type Config } from '../core/api';

export const SETTINGS_SECTION = 'prfaqTrace';
const settingKeys = ['include', 'exclude', 'prfaqGlobs', 'designGlobs', 'idPattern', 'severities', 'maxFileSize'] as const;

export interface EditorConfig {
  readonly config: Config;
  /** A problem with the file or the settings; the defaults (or the file alone) are used meanwhile. */
  readonly error?: string;
}

async function readConfigFile(folder: vscode.WorkspaceFolder): Promise<unknown> {
  const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new ConfigError(`${CONFIG_FILE_NAME} in ${folder.name} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The configuration the CLI would use (`.prfaq-trace.json` of the first workspace folder),
 * with every `prfaqTrace.*` setting the user set explicitly on top, so editor and CI agree.
 */
export async function loadEditorConfig(): Promise<EditorConfig> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  let config = resolveConfig(undefined);
  let error: string | undefined;
  try {
    if (folder) config = resolveConfig(await readConfigFile(folder));
  } catch (e) {
    error = (e as Error).message;
  }
  const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder);
  const overrides: Record<string, unknown> = {};
  for (const key of settingKeys) {
    const inspected = settings.inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value !== undefined) overrides[key] = value;
  }
  try {
    config = resolveConfig(overrides, config);
  } catch (e) {
    error = `settings: ${(e as Error).message}`;
  }
  return error === undefined ? { config } : { config, error };
}
