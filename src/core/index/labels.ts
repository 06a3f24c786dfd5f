import { URI, Utils } from 'vscode-uri';

/** A short path of `target` as seen from `from`'s folder, for messages ("../prfaq/checkout.md"). */
export function relativeLabel(from: string, target: string): string {
  if (from === target) return Utils.basename(URI.parse(target));
  const fromParts = Utils.dirname(URI.parse(from)).path.split('/').filter(Boolean);
  const targetParts = URI.parse(target).path.split('/').filter(Boolean);
  let common = 0;
  while (common < fromParts.length && common < targetParts.length - 1 && fromParts[common] === targetParts[common]) common++;
  return [...fromParts.slice(common).map(() => '..'), ...targetParts.slice(common)].join('/');
}
