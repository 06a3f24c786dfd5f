import { OFT_ID_SOURCE } from './trace/oftId';

/** OpenFastTrace-style IDs: `type~name~revision`, e.g. `feat~one-click~1`, with OFT's own grammar (trace/oftId.ts). */
export const OFT_ID_PATTERN = OFT_ID_SOURCE;

/**
 * This project's requirement IDs (`CHK-1`), when the configuration sets no idPattern. Its home is
 * here, not in config.ts, so the parser (and its worker bundle) need not load the configuration
 * and its pattern-safety analysis.
 */
export const DEFAULT_ID_PATTERN = '[A-Z][A-Z0-9]*-[0-9]+';

/** Longer tokens are not IDs: keeps hostile input (a megabyte-long "ID") out of maps and messages. */
export const MAX_ID_LENGTH = 128;

export interface IdToken {
  readonly id: string;
  /** Offset of the token in the searched text. */
  readonly start: number;
  readonly end: number;
}

export interface IdMatcher {
  /** The configured pattern (not counting the OpenFastTrace form, which is always accepted). */
  readonly pattern: string;
  isId(text: string): boolean;
  isOftId(text: string): boolean;
  /** Every ID token in `text`, left to right. */
  findAll(text: string): IdToken[];
  /** The ID token that begins `text` (leading whitespace allowed), if any. */
  matchAtStart(text: string): IdToken | undefined;
}

// Whole tokens in any script: no letter, digit, _ or ~ (nor - before) may touch an ID.
const BEFORE = '(?<![\\p{L}\\p{N}_~\\-])';
const AFTER = '(?![\\p{L}\\p{N}_~])';
/** The token boundaries as the matcher compiles them, for the pattern-safety analysis (idPatternSafety.ts), which must see what runs. */
export const ID_BEFORE = BEFORE;
export const ID_AFTER = AFTER;
/** Every ID expression is compiled with the u flag, so patterns can use \p{Lu} and friends. */
export const ID_PATTERN_FLAGS = 'u';

export function createIdMatcher(pattern: string = DEFAULT_ID_PATTERN): IdMatcher {
  const body = `(?:${pattern})|(?:${OFT_ID_PATTERN})`;
  const exact = new RegExp(`^(?:${body})$`, ID_PATTERN_FLAGS);
  const oftExact = new RegExp(`^(?:${OFT_ID_PATTERN})$`, ID_PATTERN_FLAGS);
  const global = new RegExp(`${BEFORE}(?:${body})${AFTER}`, `g${ID_PATTERN_FLAGS}`);
  const atStart = new RegExp(`^\\s*(${BEFORE}(?:${body})${AFTER})`, ID_PATTERN_FLAGS);
  return {
    pattern,
    isId: (text) => text.length <= MAX_ID_LENGTH && exact.test(text),
    isOftId: (text) => text.length <= MAX_ID_LENGTH && oftExact.test(text),
    findAll(text) {
      const tokens: IdToken[] = [];
      global.lastIndex = 0;
      for (let match = global.exec(text); match; match = global.exec(text)) {
        if (match[0].length === 0) {
          global.lastIndex++;
          continue;
        }
        if (match[0].length <= MAX_ID_LENGTH) {
          tokens.push({ id: match[0], start: match.index, end: match.index + match[0].length });
        }
      }
      return tokens;
    },
    matchAtStart(text) {
      const match = atStart.exec(text);
      if (!match || match[1] === undefined || match[1].length === 0 || match[1].length > MAX_ID_LENGTH) return undefined;
      const start = match[0].length - match[1].length;
      return { id: match[1], start, end: match[0].length };
    },
  };
}
