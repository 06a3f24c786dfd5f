/** What the structure lint can be told in the configuration's `structure` key. */
export interface StructureSettings {
  /** Word budget of the press release: "always less than one page" (Bryar & Carr). */
  readonly pressReleaseWords: number;
  /** Word budget of the FAQs together: "five pages or less" (Bryar & Carr). */
  readonly faqWords: number;
  /** Words and phrases reported in the press release (matched as whole words, any case). */
  readonly weaselWords: readonly string[];
}

/**
 * Adjectives and intensifiers that claim without saying: working-backwards reviews ask for the
 * number instead ("seamless" → "in one click", "significantly faster" → "in 2 s instead of 9").
 */
export const DEFAULT_WEASEL_WORDS: readonly string[] = [
  'easy',
  'easily',
  'simple',
  'simply',
  'seamless',
  'seamlessly',
  'effortless',
  'effortlessly',
  'intuitive',
  'world-class',
  'best-in-class',
  'best of breed',
  'industry-leading',
  'cutting-edge',
  'state-of-the-art',
  'next-generation',
  'game-changing',
  'revolutionary',
  'innovative',
  'robust',
  'powerful',
  'leverage',
  'synergy',
  'very',
  'extremely',
  'significantly',
  'substantially',
  'nearly all',
  'vast majority',
];

/** About 500 words fill a page of a memo; the budgets leave the "about" some room. */
export const defaultStructureSettings: StructureSettings = {
  pressReleaseWords: 600,
  faqWords: 3000,
  weaselWords: DEFAULT_WEASEL_WORDS,
};

const keys = ['pressReleaseWords', 'faqWords', 'weaselWords'] as const;

/**
 * Validates the configuration's `structure` object. Returns the settings, or a one-line problem
 * naming the key (the configuration reader turns it into its own error).
 */
export function readStructureSettings(raw: unknown, base: StructureSettings = defaultStructureSettings): StructureSettings | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return '"structure" must be an object with pressReleaseWords, faqWords and/or weaselWords';
  }
  const result: { -readonly [K in keyof StructureSettings]: StructureSettings[K] } = { ...base };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    switch (key) {
      case 'pressReleaseWords':
      case 'faqWords':
        if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) return `"structure.${key}" must be a positive whole number of words`;
        result[key] = value;
        break;
      case 'weaselWords':
        if (!Array.isArray(value) || value.some((word) => typeof word !== 'string' || word.trim() === '' || word.length > 100)) {
          return '"structure.weaselWords" must be a list of words or phrases (non-empty text, at most 100 characters each)';
        }
        result.weaselWords = (value as string[]).map((word) => word.trim());
        break;
      default:
        return `unknown configuration key "structure.${key}" (expected ${keys.join(', ')})`;
    }
  }
  return result;
}
