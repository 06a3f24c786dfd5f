import type { IndexQueries } from '../index/indexQueries';
import type { RequirementStatus } from '../index/workspaceIndex';
import type { CommentThread, DocModel, Finding, Severity } from '../model';
import { approvalReport, coverageReviewReport, type ApprovalReport, type CoverageReviewReport } from '../review/reviewReport';
import { relativePath } from '../text/uri';
import { coveringReport, requirementTraceReport, type CoveringReport, type RequirementTraceReport } from '../trace/traceReport';

/** The machine-readable report (`--format json`); every other format is rendered from it. */
export interface Report {
  readonly prfaqs: readonly PrfaqReport[];
  readonly designs: readonly DesignReport[];
  readonly findings: readonly FindingReport[];
}

export type OwnersReport = Readonly<Record<string, readonly string[]>>;

export interface PrfaqReport {
  readonly path: string;
  readonly title: string;
  readonly owners: OwnersReport;
  readonly summary: { readonly total: number; readonly covered: number; readonly waived: number; readonly uncovered: number; readonly suspect: number };
  readonly requirements: readonly RequirementReport[];
  /** Threads with status "open". */
  readonly openComments: number;
  readonly comments: readonly CommentReport[];
  readonly approval: ApprovalReport;
}

/** One comment thread of a document, in document order. */
export interface CommentReport {
  readonly id: string;
  readonly status: 'open' | 'resolved';
  /** 1-based line of the block the thread is about. */
  readonly line: number;
  /** Author of the first comment. */
  readonly author: string;
  /** Comments after the first. */
  readonly replies: number;
  /** Time of the latest comment, as written (ISO 8601). */
  readonly lastActivity: string;
}

export interface RequirementReport extends RequirementTraceReport {
  readonly id: string;
  readonly title: string;
  readonly line: number;
  readonly status: RequirementStatus;
  /** The requirement's fingerprint (docs/format.md § 15.1): what review stamps hold. */
  readonly fingerprint: string;
  readonly waivedBecause?: string;
  readonly coveredBy: ReadonlyArray<{ readonly path: string; readonly section: string; readonly line: number } & CoveringReport & CoverageReviewReport>;
}

export interface DesignReport {
  readonly path: string;
  readonly title: string;
  readonly owners: OwnersReport;
  readonly prfaq: readonly string[];
  readonly sections: ReadonlyArray<{ readonly heading: string; readonly line: number; readonly owners: readonly string[]; readonly covers: readonly string[] }>;
  /** OpenFastTrace items defined in the design doc (`dsn~…`, `arch~…`), as PR/FAQ requirements are reported. */
  readonly requirements: readonly RequirementReport[];
  readonly openComments: number;
  readonly comments: readonly CommentReport[];
  readonly approval: ApprovalReport;
}

export interface FindingReport {
  readonly code: string;
  readonly severity: Severity;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
}

function ownersOf(doc: DocModel): OwnersReport {
  return Object.fromEntries(doc.owners.roles.map((role) => [role.role, role.people]));
}

/** The latest comment time; times with different offsets are compared as instants. */
function lastActivity(thread: CommentThread): string {
  let latest = '';
  let latestMs = -Infinity;
  for (const comment of thread.comments) {
    const ms = Date.parse(comment.time);
    const at = Number.isNaN(ms) ? -Infinity : ms;
    if (latest === '' || at >= latestMs) {
      latest = comment.time;
      latestMs = at;
    }
  }
  return latest;
}

function commentsOf(doc: DocModel): { openComments: number; comments: CommentReport[] } {
  const comments = doc.threads.map((thread): CommentReport => ({
    id: thread.id,
    status: thread.status,
    line: thread.anchor.start.line + 1,
    author: thread.comments[0]?.author ?? '',
    replies: Math.max(0, thread.comments.length - 1),
    lastActivity: lastActivity(thread),
  }));
  return { openComments: comments.filter((c) => c.status === 'open').length, comments };
}

/** Open threads over every PR/FAQ and design doc of the report. */
export function openCommentTotal(report: Report): number {
  let total = 0;
  for (const doc of [...report.prfaqs, ...report.designs]) total += doc.openComments;
  return total;
}

/** Builds the report with paths relative to `baseUri` (the scanned root). Lines and columns are 1-based. */
export function buildReport(index: IndexQueries, baseUri: string): Report {
  const path = (uri: string) => relativePath(baseUri, uri);
  // Each ID once per document: the first definition (a duplicate has its own finding).
  const requirementsOf = (doc: DocModel): RequirementReport[] => {
    const seen = new Set<string>();
    return doc.requirements
      .filter((r) => !seen.has(r.id) && seen.add(r.id))
      .map((r): RequirementReport => {
        const status = index.status(r.id);
        const reason = status === 'waived' ? index.waiverReason(r.id) : undefined;
        return {
          id: r.id,
          title: r.title,
          line: r.idRange.start.line + 1,
          status,
          fingerprint: r.fingerprint,
          ...requirementTraceReport(index, r),
          ...(reason !== undefined ? { waivedBecause: reason } : {}),
          coveredBy: index.coverage(r.id).map((c) => ({
            path: path(c.doc.uri),
            section: c.section?.heading ?? c.doc.title,
            line: (c.section?.range.start.line ?? c.cover.range.start.line) + 1,
            ...coveringReport(c),
            ...coverageReviewReport(c.doc, c.cover, index.definitions(r.id)[0]?.requirement.fingerprint),
          })),
        };
      });
  };
  const prfaqs = index.prfaqs().map((doc): PrfaqReport => {
    const requirements = requirementsOf(doc);
    return { path: path(doc.uri), title: doc.title, owners: ownersOf(doc), summary: index.summary(doc), requirements, ...commentsOf(doc), approval: approvalReport(index, doc) };
  });
  const designs = index.designs().map((doc): DesignReport => ({
    path: path(doc.uri),
    title: doc.title,
    owners: ownersOf(doc),
    prfaq: doc.prfaqLinks.map((link) => path(link.target)),
    sections: doc.sections.map((section, i) => ({
      heading: section.heading,
      line: section.range.start.line + 1,
      owners: section.owners,
      covers: doc.covers.filter((c) => c.sectionIndex === i).map((c) => c.id),
    })),
    requirements: requirementsOf(doc),
    ...commentsOf(doc),
    approval: approvalReport(index, doc),
  }));
  const findings = index.allFindings().map((f) => findingReport(f, path(f.uri)));
  return { prfaqs, designs, findings };
}

export function findingReport(f: Finding, path: string): FindingReport {
  return {
    code: f.code,
    severity: f.severity,
    path,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    message: f.message,
  };
}

export function countBySeverity(findings: readonly FindingReport[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
