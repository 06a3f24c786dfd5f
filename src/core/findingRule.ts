import type { Severity } from './model';

/**
 * A finding code with its default severity and description. One shape for every family of codes
 * (core, structure lint, review, tracing); each family declares its own in its folder, and
 * findings.ts gathers them. A leaf module, so those folders need not import findings.ts.
 */
export interface FindingRuleOf<Code extends string> {
  readonly code: Code;
  readonly defaultSeverity: Severity;
  /** One sentence for SARIF rule descriptions and the docs. */
  readonly description: string;
}
