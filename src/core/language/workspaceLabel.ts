import type { IndexQueries } from '../index/indexQueries';

function directoryOf(uri: string): string {
  return uri.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}

/**
 * `uri` relative to the deepest folder that holds every indexed document ("prfaq/checkout.md"),
 * for messages. The index knows no workspace roots; its documents' common folder stands in.
 */
export function workspaceLabel(index: IndexQueries, uri: string): string {
  let common: string | undefined;
  for (const doc of index.documents()) {
    const dir = directoryOf(doc.uri);
    if (common === undefined) {
      common = dir;
      continue;
    }
    while (!dir.startsWith(common)) common = directoryOf(common.slice(0, -1));
  }
  const base = common ?? directoryOf(uri);
  const path = uri.startsWith(base) ? uri.slice(base.length) : uri;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
