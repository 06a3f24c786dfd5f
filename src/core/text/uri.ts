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

/** Path of `uri` relative to `baseUri` when inside it, else the URI's path. */
export function relativePath(baseUri: string, uri: string): string {
  const base = URI.parse(baseUri).path.replace(/\/?$/, '/');
  const path = URI.parse(uri).path;
  return path.startsWith(base) ? path.slice(base.length) : path;
}
