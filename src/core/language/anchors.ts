import type { IndexQueries } from '../index/indexQueries';
import type { AnchorLink, DocModel, Requirement } from '../model';

export interface LinkedRequirement {
  readonly doc: DocModel;
  readonly requirement: Requirement;
}

/** The requirement an anchor link points at, when its fragment is one of that requirement's anchors. */
export function resolveAnchorLink(link: AnchorLink, from: DocModel, index?: IndexQueries): LinkedRequirement | undefined {
  const target = index?.get(link.target) ?? (link.target === from.uri ? from : undefined);
  if (!target) return undefined;
  const requirement = target.requirements.find((r) => r.anchors.includes(link.fragment));
  return requirement && { doc: target, requirement };
}
