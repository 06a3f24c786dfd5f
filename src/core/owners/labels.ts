import type { DocModel, OwnerRole } from '../model';
import { CO_OWNER_ROLES, peopleInRole } from './roles';

// Roles come from documents: any key of `owners:` (`__proto__`, `constructor`, `toString` too),
// so role names are looked up in Maps, never as properties of an object literal.
const ROLE_NAMES: ReadonlyMap<string, string> = new Map([
  ['pm', 'PM'],
  ['engineer', 'Lead engineer'],
]);
const ROLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['pm', 'PM'],
  ['engineer', 'Eng'],
]);

/** A role as a title, for a node of its own: "PM", "Lead engineer", "Designer". */
export function roleName(role: string): string {
  return ROLE_NAMES.get(role) ?? role.charAt(0).toUpperCase() + role.slice(1);
}

/** A role in a line of owners: "PM", "Eng", other roles as written ("designer"). */
export function roleAbbreviation(role: string): string {
  return ROLE_ABBREVIATIONS.get(role) ?? role;
}

/** The co-owner label of a document: "PM @priya · Eng @marco", "—" for a role nobody fills ("PM @priya · Eng —"). */
export function coOwnersLabel(doc: Pick<DocModel, 'owners'>): string {
  return CO_OWNER_ROLES.map((role) => {
    const people = peopleInRole(doc, role);
    return `${roleAbbreviation(role)} ${people.length > 0 ? people.join(', ') : '—'}`;
  }).join(' · ');
}

/** Every role of `owners:` in frontmatter order: "PM Priya Raman · Eng @marco.lee · designer @ana", or "no owners". */
export function ownersLabel(roles: readonly OwnerRole[]): string {
  const parts = roles.map((entry) => `${roleAbbreviation(entry.role)} ${entry.people.join(', ')}`);
  return parts.length > 0 ? parts.join(' · ') : 'no owners';
}

/** `owners:` as written, for messages about who may do something: "pm: @priya; engineer: @marco", or "it names no owners". */
export function ownersAsWritten(roles: readonly OwnerRole[]): string {
  return roles.map((entry) => `${entry.role}: ${entry.people.join(', ')}`).join('; ') || 'it names no owners';
}
