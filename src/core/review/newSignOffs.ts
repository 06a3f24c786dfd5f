import type { IndexQueries } from '../index/indexQueries';
import { documentRelativePath } from '../text/uri';
import type { CoverEntry, DocModel } from '../model';
import { ownersAsWritten } from '../owners/labels';
import { isCoOwnerRole, peopleInRole, rolesOf } from '../owners/roles';
import { samePerson } from '../owners/whoAmI';
import type { ApprovalData, ApprovedCoverage, StampData } from './signOffFormat';

/** Why `person` may not approve `doc`, or undefined: only people named in its `owners:` approve. */
export function approvalRefusal(doc: DocModel, person: string): string | undefined {
  if (rolesOf(doc, person).length > 0) return undefined;
  return `${person} is not a co-owner of this document (${ownersAsWritten(doc.owners.roles)}); only its co-owners approve it`;
}

/**
 * The approval `person` (a co-owner) gives `doc` now: the person as the frontmatter writes them,
 * their role (pm or engineer first), the document's fingerprint and, for a PR/FAQ, the design
 * sections covering its requirements with their fingerprints. Undefined for a non-co-owner.
 */
export function newApproval(index: IndexQueries, doc: DocModel, person: string, at: string): ApprovalData | undefined {
  const roles = rolesOf(doc, person);
  const role = roles.find(isCoOwnerRole) ?? roles[0];
  if (role === undefined) return undefined;
  const written = peopleInRole(doc, role).find((p) => samePerson(p, person)) ?? person;
  return { role, fingerprint: doc.fingerprint, person: written, at, coverage: doc.kind === 'prfaq' ? coverageNow(index, doc) : [] };
}

/** The design sections (or design docs, for document-level declarations) covering each requirement of a PR/FAQ, now. */
export function coverageNow(index: IndexQueries, prfaq: DocModel): ApprovedCoverage[] {
  const out: ApprovedCoverage[] = [];
  const seen = new Set<string>();
  for (const id of new Set(prfaq.requirements.map((r) => r.id))) {
    for (const { doc, section } of index.coverage(id)) {
      const entry: ApprovedCoverage = {
        id,
        path: documentRelativePath(prfaq.uri, doc.uri),
        ...(section ? { anchor: section.slug } : {}),
        fingerprint: section?.fingerprint ?? doc.fingerprint,
      };
      const key = `${entry.id} ${entry.path}#${entry.anchor ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(entry);
    }
  }
  return out;
}

/** The stamp that marks `cover` reviewed against its requirement as it reads now; undefined for an unknown requirement. */
export function newStamp(index: IndexQueries, cover: CoverEntry, reviewer: string, at: string): StampData | undefined {
  const [definition] = index.definitions(cover.id);
  return definition && { id: cover.id, fingerprint: definition.requirement.fingerprint, reviewer, at };
}
