import {
  createIdMatcher,
  createInProcessParser,
  defaultConfig,
  indexWorkspace,
  LineIndex,
  parseDocument,
  resolveConfig,
  WorkspaceIndex,
  type Config,
  type DocModel,
  type Finding,
  type Range,
  type WorkspaceHost,
} from '../../src/core/api';

export const ROOT = 'file:///ws';

/** Strips the common indentation of a template literal, so fixtures can be indented in tests. */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** A workspace held in memory: path → text. */
export function memoryHost(files: Readonly<Record<string, string | Uint8Array>>): WorkspaceHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async listFiles() {
      return Object.keys(files).map((path) => ({ uri: `${ROOT}/${path}`, path }));
    },
    async readFile(uri: string) {
      reads.push(uri);
      const content = files[uri.slice(ROOT.length + 1)];
      if (content === undefined) throw new Error(`no such file ${uri}`);
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
  };
}

export async function indexFiles(files: Readonly<Record<string, string | Uint8Array>>, rawConfig?: unknown): Promise<WorkspaceIndex> {
  const config = resolveConfig(rawConfig);
  const index = new WorkspaceIndex(config.severities);
  await indexWorkspace(memoryHost(files), config, createInProcessParser(config), index);
  return index;
}

export function parse(text: string, path = 'doc.md', config: Config = defaultConfig): DocModel | undefined {
  return parseDocument({ uri: `${ROOT}/${path}`, text }, { ids: createIdMatcher(config.idPattern), maxFileSize: config.maxFileSize });
}

export function mustParse(text: string, path = 'doc.md', config: Config = defaultConfig): DocModel {
  const doc = parse(text, path, config);
  if (!doc) throw new Error('document was not analysed');
  return doc;
}

/** Applies one edit (0-based line/character range) to a text. */
export function applyEdit(text: string, edit: { readonly range: Range; readonly newText: string }): string {
  const lines = new LineIndex(text);
  const offset = (p: { line: number; character: number }) => (p.line >= lines.lineCount ? text.length : lines.lineStart(p.line) + p.character);
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** "code@line:col" with 1-based positions, compact for assertions. */
export function at(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

export const OWNERS = 'owners:\n  pm: "@priya"\n  engineer: "@marco"';

export function prfaq(body: string, extra = ''): string {
  return `---\ntype: prfaq\ntitle: Checkout\n${OWNERS}\n${extra}---\n${body}`;
}

export function design(body: string, extra = 'prfaq: prfaq.md\n'): string {
  return `---\ntype: design\ntitle: Design\n${OWNERS}\n${extra}---\n${body}`;
}
