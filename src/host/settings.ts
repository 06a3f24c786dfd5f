import * as vscode from 'vscode';
import {
  affectedViewSettings,
  CONFIG_FILE_NAME,
  ConfigError,
  indexSettings,
  resolveConfig,
  SETTINGS_SECTION,
  type ConfigurationChange,
  type LoadedConfig,
  type ViewSetting,
} from '../core/api';

/**
 * Every `prfaqTrace.*` setting the editor reads goes through here. Which settings change the
 * index (a re-scan) and which only change views (a refresh) is core/live/settings.ts.
 */

/** The types and defaults of the view settings, as package.json declares them. */
export interface ViewSettingValues {
  readonly me: string;
  readonly sectionOwnerLens: boolean;
}

const viewDefaults: ViewSettingValues = { me: '', sectionOwnerLens: true };

export function viewSetting<K extends ViewSetting>(key: K): ViewSettingValues[K] {
  const value: unknown = vscode.workspace.getConfiguration(SETTINGS_SECTION).get(key);
  return typeof value === typeof viewDefaults[key] ? (value as ViewSettingValues[K]) : viewDefaults[key];
}

export function updateViewSetting<K extends ViewSetting>(key: K, value: ViewSettingValues[K]): Thenable<void> {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

/** Fires with the view settings a configuration change touched (never for index settings alone). */
export function onDidChangeViewSettings(listener: (settings: readonly ViewSetting[]) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    const changed = affectedViewSettings(configurationChange(event));
    if (changed.length > 0) listener(changed);
  });
}

export function configurationChange(event: vscode.ConfigurationChangeEvent): ConfigurationChange {
  return { affects: (key) => event.affectsConfiguration(key) };
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
    return undefined; // no configuration file: the defaults
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new ConfigError(`${CONFIG_FILE_NAME} in ${folder.name} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The configuration the CLI would use (`.prfaq-trace.json` of the first workspace folder),
 * with every index setting the user set explicitly on top, so editor and CI agree.
 */
export async function loadEditorConfig(): Promise<LoadedConfig> {
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
  for (const key of indexSettings) {
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
