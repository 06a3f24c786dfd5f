import type { DocModel, OwnerRole } from '../../core/api';

const roleNames: Readonly<Record<string, string>> = { pm: 'PM', engineer: 'Lead engineer' };

export function roleLabel(role: string): string {
  return roleNames[role] ?? role.charAt(0).toUpperCase() + role.slice(1);
}

export function coOwnersText(doc: DocModel): string {
  const get = (role: string): OwnerRole | undefined => doc.owners.roles.find((entry) => entry.role === role);
  const pm = get('pm')?.people.join(', ');
  const engineer = get('engineer')?.people.join(', ');
  return [pm && `PM ${pm}`, engineer && `Eng ${engineer}`].filter(Boolean).join(' · ') || 'no co-owners';
}

