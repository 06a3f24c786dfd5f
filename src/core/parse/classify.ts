import { Minimatch } from 'minimatch';
import type { Config } from '../config';
import type { DocKind } from '../model';
import { locateFrontmatter, sniffKind } from './frontmatter';

const globOptions = { dot: true, nocase: false, matchBase: false } as const;

type PathTest = (path: string) => boolean;

/**
 * Compiled globs: compiling a pattern costs far more than matching it, and scans match
 * thousands of paths. The two shapes every configuration has ("any file with this extension",
 * "anything under a folder of this name") become string tests; anything else goes through minimatch.
 */
const compiled = new Map<string, PathTest>();

function compile(glob: string): PathTest {
  const extension = /^\*\*\/\*(\.[A-Za-z0-9]+)$/.exec(glob);
  if (extension) {
    const suffix = extension[1] as string;
    return (path) => path.endsWith(suffix);
  }
  const folder = /^\*\*\/([A-Za-z0-9._-]+)\/\*\*$/.exec(glob);
  if (folder) {
    const name = folder[1] as string;
    return (path) => path.startsWith(`${name}/`) || path.includes(`/${name}/`);
  }
  const pattern = new Minimatch(glob, globOptions);
  return (path) => pattern.match(path);
}

function matcher(glob: string): PathTest {
  let result = compiled.get(glob);
  if (!result) {
    if (compiled.size > 1000) compiled.clear();
    compiled.set(glob, (result = compile(glob)));
  }
  return result;
}

function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => matcher(glob)(path));
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

/** Markdown is never a source file: its OFT tags are the markdown reader's business. */
const MARKDOWN = /\.(md|markdown)$/i;

/** The kind a path has by configuration alone (prfaqGlobs/designGlobs/sourceGlobs), if any. */
export function kindByPath(relativePath: string, config: Config): DocKind | undefined {
  if (matchesAny(relativePath, config.prfaqGlobs)) return 'prfaq';
  if (matchesAny(relativePath, config.designGlobs)) return 'design';
  if (config.sourceGlobs.length > 0 && !MARKDOWN.test(relativePath) && matchesAny(relativePath, config.sourceGlobs)) return 'source';
  return undefined;
}

/**
 * Decides from the first bytes whether a file is analysed: the frontmatter `type:` wins,
 * then the configured globs; a source file's path decides alone (it is never markdown).
 * Costs a line scan of the frontmatter, never a markdown parse.
 */
export function classify(text: string, relativePath: string, config: Config): DocKind | undefined {
  const byPath = kindByPath(relativePath, config);
  if (byPath === 'source') return byPath;
  return sniffKind(text, locateFrontmatter(text)) ?? byPath;
}
