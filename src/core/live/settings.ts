import type { Config } from '../config';
import type { ConfigurationChange } from './events';

/** Every setting of the editor lives under this section (`prfaqTrace.include`, `prfaqTrace.me`, …). */
export const SETTINGS_SECTION = 'prfaqTrace';

/**
 * Settings that change what the index holds: each overrides the `.prfaq-trace.json` key (and
 * Config field) of the same name, and a change re-scans the workspace.
 */
export const indexSettings = ['include', 'exclude', 'prfaqGlobs', 'designGlobs', 'sourceGlobs', 'idPattern', 'severities', 'maxFileSize', 'structure', 'requireReview', 'requireApproval'] as const satisfies ReadonlyArray<keyof Config>;

/** Settings that only change what views show: a change refreshes them and leaves the index alone. */
export const viewSettings = ['me', 'sectionOwnerLens'] as const;

export type IndexSetting = (typeof indexSettings)[number];
export type ViewSetting = (typeof viewSettings)[number];
export type Setting = IndexSetting | ViewSetting;

/** The full key of a setting, as VS Code names it. */
export function settingKey(setting: Setting): string {
  return `${SETTINGS_SECTION}.${setting}`;
}

/** Whether a configuration change calls for a re-scan (a view-only setting never does). */
export function affectsIndex(change: ConfigurationChange): boolean {
  return indexSettings.some((setting) => change.affects(settingKey(setting)));
}

/** The view-only settings a change touches. */
export function affectedViewSettings(change: ConfigurationChange): ViewSetting[] {
  return viewSettings.filter((setting) => change.affects(settingKey(setting)));
}
