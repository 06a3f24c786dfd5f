import { URI, Utils } from 'vscode-uri';

/** One spelling per resource, so URIs from hosts, links and caches compare equal. */
export function normalizeUri(uri: string): string {
  return URI.parse(uri).toString();
}

/** Resolves a path written in a document (relative to it, `%20`-encoded or not) to a URI string. */
export function resolveDocumentPath(documentUri: string, path: string): string {
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // keep the path as written
  }
  const base = URI.parse(documentUri);
  return Utils.resolvePath(Utils.dirname(base), decoded).toString();
}

export function fileNameOf(uri: string): string {
  return Utils.basename(URI.parse(uri));
}

export function fileStem(uri: string): string {
  return fileNameOf(uri).replace(/\.(md|markdown)$/i, '');
}

/**
 * The path of `uri` as seen from the folder `baseUri`: "prfaq/checkout.md" inside it,
 * "../other/design.md" beside it (so labels of several roots stay true paths from one base).
 * The URI's absolute path when the two share no folder, scheme or authority (another drive,
 * another host), where a relative path would not exist. The one home of path labels in reports.
 */
export function relativePath(baseUri: string, uri: string): string {
  const base = URI.parse(baseUri);
  const target = URI.parse(uri);
  if (base.scheme !== target.scheme || base.authority !== target.authority) return target.path;
  const baseParts = base.path.split('/').filter(Boolean);
  const targetParts = target.path.split('/').filter(Boolean);
  let common = 0;
  while (common < baseParts.length && common < targetParts.length && baseParts[common] === targetParts[common]) common++;
  if (common === 0 && baseParts.length > 0) return target.path;
  return [...baseParts.slice(common).map(() => '..'), ...targetParts.slice(common)].join('/');
}

/** The folder holding a document, as a URI string ("file:///ws/prfaq" for "file:///ws/prfaq/checkout.md"). */
export function folderOf(uri: string): string {
  return Utils.dirname(URI.parse(uri)).toString();
}

/**
 * `target` as a document at `from` links to it or names it: from `from`'s folder
 * ("../prfaq/checkout.md", "design.md" beside it), the file name for the document itself.
 */
export function documentRelativePath(from: string, target: string): string {
  if (normalizeUri(from) === normalizeUri(target)) return fileNameOf(target);
  return relativePath(folderOf(from), target);
}

/** The deepest folder holding every one of `uris` (undefined for none): the base of labels that stay short. */
export function commonFolder(uris: Iterable<string>): string | undefined {
  let common: URI | undefined;
  for (const uri of uris) {
    const folder = Utils.dirname(URI.parse(uri));
    if (!common) {
      common = folder;
      continue;
    }
    if (common.scheme !== folder.scheme || common.authority !== folder.authority) return undefined;
    const a = common.path.split('/');
    const b = folder.path.split('/');
    let shared = 0;
    while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
    common = common.with({ path: a.slice(0, shared).join('/') || '/' });
  }
  return common?.toString();
}
