import type { DocModel } from '../model';
import { isMe, type Identity } from './whoAmI';

/** Whether I co-own the document (any role of its `owners:`). */
export function coOwnedByMe(doc: DocModel, me: Identity): boolean {
  return doc.owners.roles.some((role) => role.people.some((person) => isMe(me, person)));
}

/** Whether the section's `<!-- owner: … -->` comment names me (its own comment, not an enclosing one). */
export function sectionOwnedByMe(doc: DocModel, sectionIndex: number, me: Identity): boolean {
  return (doc.sections[sectionIndex]?.owners ?? []).some((person) => isMe(me, person));
}

/** Whether a requirement is mine: I co-own its PR/FAQ or own the section it stands in (or an enclosing one). */
export function requirementIsMine(doc: DocModel, sectionIndex: number, me: Identity): boolean {
  if (coOwnedByMe(doc, me)) return true;
  for (let i = sectionIndex; i >= 0; i = doc.sections[i]?.parent ?? -1) if (sectionOwnedByMe(doc, i, me)) return true;
  return false;
}

/** Whether anything in the document is mine: I co-own it or own one of its sections. */
export function hasMine(doc: DocModel, me: Identity): boolean {
  return coOwnedByMe(doc, me) || doc.sections.some((_s, i) => sectionOwnedByMe(doc, i, me));
}

/** How the document's `owners:` writes me, if it names me in any role (the first such entry). */
export function myOwnerEntry(doc: DocModel, me: Identity): string | undefined {
  return doc.owners.roles.flatMap((role) => role.people).find((person) => isMe(me, person));
}
