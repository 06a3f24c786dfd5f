import type { Config } from '../config';
import { kindByPath } from '../parse/classify';
import type { ParseInput } from '../parse/parseDocument';
import { normalizeUri } from '../text/uri';

/**
 * The one way a document becomes parser input, for a scan, a file changed on disk and an editor
 * buffer alike: the normalized URI, the kind its path gives, and its size on disk when read from it.
 */
export function inputFor(file: { readonly uri: string; readonly path: string }, text: string, config: Config, byteLength?: number): ParseInput {
  const byPath = kindByPath(file.path, config);
  return {
    uri: normalizeUri(file.uri),
    text,
    ...(byteLength === undefined ? {} : { byteLength }),
    ...(byPath ? { kindByPath: byPath } : {}),
  };
}
