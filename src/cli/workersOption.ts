/** More parser threads than this is a typo, not a machine: each may use up to its heap limit. */
export const MAX_WORKERS = 64;

/**
 * The value of `--workers`: a whole number from 0 (parse on the main thread) to MAX_WORKERS,
 * written in digits. An empty value (`--workers=`), blanks, signs, decimals and exponents are
 * refused rather than read as numbers (`Number('')` is 0).
 */
export function parseWorkersOption(value: string): number | { readonly error: string } {
  if (!/^[0-9]{1,3}$/.test(value) || Number(value) > MAX_WORKERS) {
    return { error: `--workers must be a whole number from 0 to ${MAX_WORKERS} (0 parses on the main thread), not "${value}"` };
  }
  return Number(value);
}
