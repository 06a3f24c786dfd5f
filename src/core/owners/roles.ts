import type { DocModel, Owners } from '../model';
import { samePerson } from './whoAmI';

/**
 * The roles every PR/FAQ and design doc names in `owners:`: its co-owners, whose approval it
 * needs. Other roles (designer, …) may be named too. The one list of them.
 */
export const CO_OWNER_ROLES = ['pm', 'engineer'] as const;

export type CoOwnerRole = (typeof CO_OWNER_ROLES)[number];

export function isCoOwnerRole(role: string): role is CoOwnerRole {
  return (CO_OWNER_ROLES as readonly string[]).includes(role);
}

/** The people named in one role of `owners:` (none when the role is absent or empty). */
export function peopleInRole(doc: Pick<DocModel, 'owners'>, role: string): readonly string[] {
  return doc.owners.roles.find((entry) => entry.role === role)?.people ?? [];
}

/** Co-owner roles that name nobody, in CO_OWNER_ROLES order. */
export function missingCoOwnerRoles(owners: Owners): CoOwnerRole[] {
  return CO_OWNER_ROLES.filter((role) => !owners.roles.some((entry) => entry.role === role && entry.people.length > 0));
}

/** Everyone named in a co-owner role, pm first, without repeats. */
export function coOwnerPeople(doc: Pick<DocModel, 'owners'>): string[] {
  return [...new Set(CO_OWNER_ROLES.flatMap((role) => peopleInRole(doc, role)))];
}

/** The roles of the document's `owners:` that name `person`, in frontmatter order. */
export function rolesOf(doc: Pick<DocModel, 'owners'>, person: string): string[] {
  return doc.owners.roles.filter((role) => role.people.some((p) => samePerson(p, person))).map((role) => role.role);
}
