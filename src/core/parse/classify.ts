import { Minimatch } from 'minimatch';
import type { Config } from '../config';
import type { DocKind } from '../model';
import { locateFrontmatter, sniffKind } from './frontmatter';

const globOptions = { dot: true, nocase: false, matchBase: false } as const;

/** Compiled globs: compiling a pattern costs far more than matching it, and scans match thousands of paths. */
const compiled = new Map<string, Minimatch>();

function matcher(glob: string): Minimatch {
  let result = compiled.get(glob);
  if (!result) {
    if (compiled.size > 1000) compiled.clear();
    compiled.set(glob, (result = new Minimatch(glob, globOptions)));
  }
  return result;
}

function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => matcher(glob).match(path));
}

/** Whether a workspace-relative path is scanned at all (include/exclude globs). */
export function isScanned(relativePath: string, config: Config): boolean {
  return matchesAny(relativePath, config.include) && !matchesAny(relativePath, config.exclude);
}

/** Whether a host should read a file at all: included or marked by a kind glob, and not excluded. */
export function isCandidate(relativePath: string, config: Config): boolean {
  if (matchesAny(relativePath, config.exclude)) return false;
  return matchesAny(relativePath, config.include) || kindByPath(relativePath, config) !== undefined;
}

/** The kind a path has by configuration alone (prfaqGlobs/designGlobs), if any. */
export function kindByPath(relativePath: string, config: Config): DocKind | undefined {
  if (matchesAny(relativePath, config.prfaqGlobs)) return 'prfaq';
  if (matchesAny(relativePath, config.designGlobs)) return 'design';
  return undefined;
}

/**
 * Decides from the first bytes whether a file is analysed: the frontmatter `type:` wins,
 * then the configured globs. Costs a line scan of the frontmatter, never a markdown parse.
 */
export function classify(text: string, relativePath: string, config: Config): DocKind | undefined {
  return sniffKind(text, locateFrontmatter(text)) ?? kindByPath(relativePath, config);
}
