import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, ConfigError, resolveConfig, type Config } from '../core/api';

export const SETTINGS_SECTION = 'prfaqTrace';
const settingKeys = ['include', 'exclude', 'prfaqGlobs', 'designGlobs', 'idPattern', 'severities', 'maxFileSize', 'structure'] as const;

export interface EditorConfig {
  readonly config: Config;
  /** A problem with the file or the settings; the defaults (or the file alone) are used meanwhile. */
  readonly error?: string;
  /** Set when a workspace-defined ID pattern was ignored because the workspace is not trusted. */
  readonly restricted?: string;
}

/**
 * A regular expression from a repository someone else wrote can be made to backtrack for
 * minutes on every keystroke; until the workspace is trusted only the user's own pattern counts.
 */
function withoutUntrustedPattern(raw: unknown): { value: unknown; dropped: boolean } {
  if (vscode.workspace.isTrusted || typeof raw !== 'object' || raw === null || !('idPattern' in raw)) return { value: raw, dropped: false };
  const { idPattern: _ignored, ...rest } = raw as Record<string, unknown>;
  return { value: rest, dropped: true };
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
  let dropped = false;
  try {
    if (folder) {
      const file = withoutUntrustedPattern(await readConfigFile(folder));
      dropped = file.dropped;
      config = resolveConfig(file.value);
    }
  } catch (e) {
    error = (e as Error).message;
  }
  const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder);
  const overrides: Record<string, unknown> = {};
  for (const key of settingKeys) {
    const inspected = settings.inspect(key);
    const workspaceValue = inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
    if (key === 'idPattern' && workspaceValue !== undefined && !vscode.workspace.isTrusted) {
      dropped = true;
      if (inspected?.globalValue !== undefined) overrides[key] = inspected.globalValue;
      continue;
    }
    const value = workspaceValue ?? inspected?.globalValue;
    if (value !== undefined) overrides[key] = value;
  }
  try {
    config = resolveConfig(overrides, config);
  } catch (e) {
    error = `settings: ${(e as Error).message}`;
  }
  const restricted = dropped ? 'This workspace sets its own requirement ID pattern; it is used once you trust the workspace.' : undefined;
  return { config, ...(error === undefined ? {} : { error }), ...(restricted ? { restricted } : {}) };
}
