import type { DocModel } from '../model';

/**
 * Everyone the documents name as an owner (`owners:` roles and section owner comments), most
 * mentioned first, then alphabetically: the people to offer when assigning.
 */
export function workspacePeople(documents: Iterable<DocModel>): string[] {
  const counts = new Map<string, number>();
  for (const doc of documents) {
    for (const person of [...doc.owners.roles.flatMap((role) => role.people), ...doc.sections.flatMap((section) => section.owners)]) {
      counts.set(person, (counts.get(person) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([person]) => person);
}
