import matter from 'gray-matter';
import { Document, parseDocument as parseYamlDocument } from 'yaml';

/** Frontmatter beyond this many characters is rejected, not parsed. */
export const MAX_FRONTMATTER_LENGTH = 64 * 1024;
/** Alias expansions allowed when converting YAML to data: real frontmatter uses a handful at most. */
export const MAX_YAML_ALIASES = 50;

/** Where the frontmatter block of a text is, found by line scanning alone (no parsing). */
export interface FrontmatterBlock {
  /** The word after the opening `---` (`js`, `json`, …), '' for YAML. */
  readonly language: string;
  /** Offset where the body (first line after the opening fence) starts. */
  readonly bodyStart: number;
  /** Offset where the body ends (start of the closing fence line), or the scan limit when unclosed. */
  readonly bodyEnd: number;
  /** Offset just past the closing fence line (its line break included). */
  readonly end: number;
  readonly closed: boolean;
  /** Line of the closing fence (0-based), or -1. */
  readonly closeLine: number;
}

const OPEN = /^\uFEFF?---([A-Za-z][A-Za-z0-9_-]*)?[ \t]*(?:\r\n|\n|\r|$)/;
const CLOSE_LINE = /^---[ \t]*$/;

export function locateFrontmatter(text: string): FrontmatterBlock | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const language = (open[1] ?? '').toLowerCase();
  const bodyStart = open[0].length;
  let lineStart = bodyStart;
  let line = 1;
  const limit = Math.min(text.length, bodyStart + MAX_FRONTMATTER_LENGTH);
  while (lineStart < limit) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    if (CLOSE_LINE.test(text.slice(lineStart, lineEnd))) {
      let end = lineEnd;
      if (text[end] === '\r') end++;
      if (text[end] === '\n' && (end === lineEnd || text[end - 1] === '\r')) end++;
      return { language, bodyStart, bodyEnd: lineStart, end, closed: true, closeLine: line };
    }
    lineStart = lineEnd;
    if (text[lineStart] === '\r') lineStart++;
    if (text[lineStart] === '\n') lineStart++;
    if (lineStart === lineEnd) break;
    line++;
  }
  return { language, bodyStart, bodyEnd: limit, end: limit, closed: false, closeLine: -1 };
}

export type FrontmatterResult =
  | { readonly ok: true; readonly data: Readonly<Record<string, unknown>>; readonly yaml: Document | undefined }
  | { readonly ok: false; readonly message: string; /** Offset in the text the error points at. */ readonly offset: number };

function refuse(language: string): never {
  throw new Error(`frontmatter in "${language}" is never executed or read`);
}

/**
 * Reads YAML frontmatter through gray-matter with every engine but a safe YAML one removed:
 * `---js` and friends are data, never code, and YAML uses the `yaml` package's core schema
 * (dates stay strings, alias expansion bounded). Always passes an options object: gray-matter
 * caches every input forever when called without one.
 */
export function readFrontmatter(text: string, block: FrontmatterBlock): FrontmatterResult {
  if (block.language !== '' && block.language !== 'yaml' && block.language !== 'yml') {
    return {
      ok: false,
      message: `frontmatter in "${block.language}" is not read: only YAML frontmatter (---) is supported, and nothing in it is executed`,
      offset: 0,
    };
  }
  if (!block.closed) {
    const tooLong = block.bodyEnd - block.bodyStart >= MAX_FRONTMATTER_LENGTH;
    return {
      ok: false,
      message: tooLong
        ? `frontmatter is longer than ${MAX_FRONTMATTER_LENGTH} characters or not closed by a "---" line`
        : 'frontmatter is not closed by a "---" line',
      offset: 0,
    };
  }
  const body = text.slice(block.bodyStart, block.bodyEnd);
  let yaml: Document | undefined;
  const safeYaml = {
    parse(source: string): unknown {
      yaml = parseYamlDocument(source, { prettyErrors: true, uniqueKeys: true, schema: 'core' });
      const error = yaml.errors[0];
      if (error) throw Object.assign(new Error(error.message.split('\n')[0]), { yamlOffset: error.pos[0] });
      return yaml.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    },
  };
  const refusing = { parse: refuse };
  let data: unknown;
  try {
    data = matter(`---\n${body}\n---\n`, {
      language: 'yaml',
      engines: {
        yaml: safeYaml,
        yml: safeYaml,
        javascript: refusing,
        js: refusing,
        coffee: refusing,
        coffeescript: refusing,
        cson: refusing,
        json: refusing,
        toml: refusing,
      },
    } as unknown as Parameters<typeof matter>[1]).data;
  } catch (error) {
    const yamlOffset = (error as { yamlOffset?: number }).yamlOffset;
    // gray-matter hands the engine "\n" + body: offset 1 there is bodyStart here.
    const offset = yamlOffset === undefined ? block.bodyStart : Math.min(block.bodyEnd, block.bodyStart + Math.max(0, yamlOffset - 1));
    const message = (error as Error).message
      .replace(/ at line \d+, column \d+:?$/, '')
      .replace(/^Excessive alias count.*/, `more than ${MAX_YAML_ALIASES} YAML alias expansions`);
    return { ok: false, message: `frontmatter is not valid YAML: ${message}`, offset };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, message: 'frontmatter must be a map of keys to values, not a list or a single value', offset: block.bodyStart };
  }
  return { ok: true, data: data as Record<string, unknown>, yaml };
}

/** The top-level `type:` value, found without parsing: decides whether a file is analysed at all. */
const YAML_TYPE = /^["']?type["']?[ \t]*:[ \t]*(["']?)(prfaq|design)\1[ \t]*(?:#.*)?$/m;
/** For frontmatter in other languages (`---json`, `---js`): still recognise the kind, to report the problem. */
const OTHER_TYPE = /["']?type["']?\s*[:=]\s*["'](prfaq|design)["']/;

export function sniffKind(text: string, block: FrontmatterBlock | undefined = locateFrontmatter(text)): 'prfaq' | 'design' | undefined {
  if (!block) return undefined;
  const body = text.slice(block.bodyStart, block.bodyEnd);
  if (block.language === '' || block.language === 'yaml' || block.language === 'yml') {
    const match = YAML_TYPE.exec(body);
    return match ? (match[2] as 'prfaq' | 'design') : undefined;
  }
  const match = OTHER_TYPE.exec(body);
  return match ? (match[1] as 'prfaq' | 'design') : undefined;
}
