import type { CoverageDeclaration } from '../index/workspaceIndex';
import type { IndexQueries } from '../index/indexQueries';
import type { DocKind, Requirement } from '../model';

/** What the JSON report says of a requirement's levels (OpenFastTrace's shallow coverage). */
export interface RequirementTraceReport {
  /** The artifact type: `feat`, `req`, `dsn`, `impl` …, or `prfaq` for this project's IDs. */
  readonly type: string;
  /** The types that must cover it (empty: terminating); `design` for this project's IDs. */
  readonly needs: readonly string[];
  readonly coveredTypes: readonly string[];
  readonly uncoveredTypes: readonly string[];
}

/** What covers: a design doc's section or item, a PR/FAQ's item, or a source file's tag. */
export interface CoveringReport {
  readonly kind: DocKind;
  /** The artifact type it covers with (`dsn`, `impl`; `design` for a design section's own Covers: line). */
  readonly type: string;
  /** The covering OFT item or named tag, when there is one. */
  readonly by?: string;
}

export function requirementTraceReport(index: IndexQueries, requirement: Requirement): RequirementTraceReport {
  const trace = index.trace(requirement.id);
  return {
    type: requirement.type,
    needs: trace?.needs ?? requirement.needs,
    coveredTypes: trace?.coveredTypes ?? [],
    uncoveredTypes: trace?.uncoveredTypes ?? requirement.needs,
  };
}

export function coveringReport({ doc, cover }: CoverageDeclaration): CoveringReport {
  return { kind: doc.kind, type: cover.type, ...(cover.by !== undefined ? { by: cover.by } : {}) };
}
