import type { Severity } from './model';
import { findingRules } from './findings';
import { idPatternProblem } from './idPatternSafety';
import { DEFAULT_ID_PATTERN } from './ids';
import { defaultStructureSettings, readStructureSettings, type StructureSettings } from './lint/settings';

export type SeveritySetting = Severity | 'off';

/** The configuration shared by the CLI (`.prfaq-trace.json`) and the extension (settings over that file). */
export interface Config {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly prfaqGlobs: readonly string[];
  readonly designGlobs: readonly string[];
  /** Source files (not markdown) read by a line scan for OpenFastTrace tags such as `[impl->dsn~x~1]`. */
  readonly sourceGlobs: readonly string[];
  readonly idPattern: string;
  readonly severities: Readonly<Record<string, SeveritySetting>>;
  readonly maxFileSize: number;
  /** The PR/FAQ structure lint's word budgets and weasel words. */
  readonly structure: StructureSettings;
  /** Unreviewed coverage counts as suspect, like stale coverage (see review stamps in docs/format.md). */
  readonly requireReview: boolean;
  /** Documents that are not approved by their co-owners get a missing-approval finding. */
  readonly requireApproval: boolean;
}

export const CONFIG_FILE_NAME = '.prfaq-trace.json';

export { DEFAULT_ID_PATTERN };

export const defaultConfig: Config = {
  include: ['**/*.md', '**/*.markdown'],
  exclude: ['**/node_modules/**', '**/.git/**'],
  prfaqGlobs: [],
  designGlobs: [],
  sourceGlobs: [],
  idPattern: DEFAULT_ID_PATTERN,
  severities: {},
  maxFileSize: 2_000_000,
  structure: defaultStructureSettings,
  requireReview: false,
  requireApproval: false,
};

export class ConfigError extends Error {}

const severityValues: readonly string[] = ['error', 'warning', 'info', 'off'];
const knownCodes = new Set<string>(findingRules.map((rule) => rule.code));

function stringList(raw: unknown, key: string): readonly string[] {
  if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string' || item === '')) {
    throw new ConfigError(`"${key}" must be a list of non-empty glob strings`);
  }
  return raw as string[];
}

/**
 * Validates a parsed configuration object (from the JSON file or the editor's settings)
 * and fills in defaults. Throws ConfigError with a one-line message naming the key.
 */
export function resolveConfig(raw: unknown, base: Config = defaultConfig): Config {
  if (raw === undefined) return base;
  // `null` (a file holding just null) is as wrong as a list: an empty configuration is written {}.
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`the configuration must be a JSON object (write {} for the defaults), not ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw}`);
  }
  const input = raw as Record<string, unknown>;
  const result: { -readonly [K in keyof Config]: Config[K] } = { ...base };
  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'include':
      case 'exclude':
      case 'prfaqGlobs':
      case 'designGlobs':
      case 'sourceGlobs':
        result[key] = stringList(value, key);
        break;
      case 'idPattern':
        if (typeof value !== 'string' || value === '') throw new ConfigError('"idPattern" must be a non-empty regular expression string');
        checkIdPattern(value);
        result.idPattern = value;
        break;
      case 'severities':
        result.severities = { ...base.severities, ...checkSeverities(value) };
        break;
      case 'maxFileSize':
        if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
          throw new ConfigError('"maxFileSize" must be a positive integer (bytes)');
        }
        result.maxFileSize = value;
        break;
      case 'structure': {
        const structure = readStructureSettings(value, base.structure);
        if (typeof structure === 'string') throw new ConfigError(structure);
        result.structure = structure;
        break;
      }
      case 'requireReview':
      case 'requireApproval':
        if (typeof value !== 'boolean') throw new ConfigError(`"${key}" must be true or false`);
        result[key] = value;
        break;
      case '$schema':
        break;
      default:
        throw new ConfigError(`unknown configuration key "${key}"`);
    }
  }
  return result;
}

function checkIdPattern(pattern: string): void {
  let regex: RegExp;
  try {
    // The u flag, as the ID matcher compiles it: \p{Lu} works, and what u mode rejects is an error here.
    regex = new RegExp(`^(?:${pattern})$`, 'u');
  } catch (error) {
    throw new ConfigError(`"idPattern" is not a valid regular expression (compiled with the u flag): ${(error as Error).message.replace(/\s+/g, ' ')}`);
  }
  if (regex.test('')) throw new ConfigError('"idPattern" must not match the empty string');
  const unsafe = idPatternProblem(pattern);
  if (unsafe) throw new ConfigError(`"idPattern" is refused because matching it could take minutes on hostile text: ${unsafe}`);
}

function checkSeverities(value: unknown): Record<string, SeveritySetting> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError('"severities" must map finding codes to error, warning, info or off');
  }
  const out: Record<string, SeveritySetting> = {};
  for (const [code, severity] of Object.entries(value)) {
    if (!knownCodes.has(code)) throw new ConfigError(`"severities" names an unknown finding code "${code}"`);
    if (typeof severity !== 'string' || !severityValues.includes(severity)) {
      throw new ConfigError(`"severities.${code}" must be error, warning, info or off`);
    }
    out[code] = severity as SeveritySetting;
  }
  return out;
}
