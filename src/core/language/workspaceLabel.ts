import type { IndexQueries } from '../index/indexQueries';
import { commonFolder, folderOf, relativePath } from '../text/uri';

/**
 * `uri` relative to the deepest folder that holds every indexed document ("prfaq/checkout.md"),
 * for messages. The index knows no workspace roots; its documents' common folder stands in.
 */
export function workspaceLabel(index: IndexQueries, uri: string): string {
  return relativePath(commonFolder(index.documents().map((doc) => doc.uri)) ?? folderOf(uri), uri);
}
