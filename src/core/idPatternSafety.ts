import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { getFirstCharAfter, getFirstConsumedChar, hasSomeAncestor, isPotentiallyZeroLength } from 'regexp-ast-analysis';
import { analyse } from 'scslre';
import { ID_AFTER, ID_BEFORE, ID_PATTERN_FLAGS } from './ids';

/** Longer patterns are not ID patterns; the limit also keeps the analysis below cheap. */
export const MAX_ID_PATTERN_LENGTH = 500;

const parser = new RegExpParser({ ecmaVersion: 2025 });

function repeats(node: AST.Node): boolean {
  return node.type === 'Quantifier' && node.max > 1;
}

/** The first structural reason the pattern can backtrack catastrophically, if any. */
function structuralProblem(literal: AST.RegExpLiteral): string | undefined {
  const { flags } = literal;
  let problem: string | undefined;
  visitRegExpAST(literal, {
    onBackreferenceEnter() {
      problem ??= 'it uses a backreference';
    },
    onQuantifierEnter(quantifier) {
      if (!repeats(quantifier)) return;
      if (isPotentiallyZeroLength(quantifier.element, flags)) {
        problem ??= `it repeats something that can match nothing (${quantifier.raw})`;
        return;
      }
      // A variable repetition inside another: if it can stop or go on at the same character, the
      // outer one can split the same text in exponentially many ways ((A+)+B, ((ab)+)+c).
      if (quantifier.min !== quantifier.max && hasSomeAncestor(quantifier, repeats)) {
        const first = getFirstConsumedChar(quantifier.element, 'ltr', flags);
        if (!first.char.isDisjointWith(getFirstCharAfter(quantifier, 'ltr', flags).char)) {
          problem ??= `it has a repetition inside a repetition that can end or go on at the same character (${quantifier.raw})`;
        }
      }
    },
    onGroupEnter(group) {
      problem ??= ambiguousAlternatives(group, flags);
    },
    onCapturingGroupEnter(group) {
      problem ??= ambiguousAlternatives(group, flags);
    },
  });
  return problem;
}

/** Alternatives inside a repetition must each begin with characters the others cannot: (a|ab)* can try both at every step. */
function ambiguousAlternatives(group: AST.Group | AST.CapturingGroup, flags: AST.Flags): string | undefined {
  if (group.alternatives.length < 2 || !hasSomeAncestor(group, repeats)) return undefined;
  const firsts = group.alternatives.map((alternative) => getFirstConsumedChar(alternative, 'ltr', flags));
  for (let i = 0; i < firsts.length; i++) {
    for (let j = i + 1; j < firsts.length; j++) {
      const [a, b] = [firsts[i], firsts[j]];
      if (a && b && (a.empty || b.empty || !a.char.isDisjointWith(b.char))) {
        return `it has alternatives inside a repetition that can begin with the same character (${group.raw}); move the common start out of the group`;
      }
    }
  }
  return undefined;
}

/**
 * Why an ID pattern is refused, or undefined when it is safe to run over untrusted documents:
 * an ID pattern runs over every line of every document, and JavaScript regular expressions
 * backtrack, so a pattern like `(A+)+B` costs exponential time on a line of A's (there is no way
 * to interrupt a running match on the main thread). The check is static and conservative:
 * - the pattern as the matcher compiles it (with its token boundaries) is analysed with scslre
 *   for polynomial and exponential backtracking on repeated characters;
 * - backreferences, repeated empty matches, repetitions nested in repetitions that can end or go
 *   on at the same character, and alternatives inside a repetition that can begin with the same
 *   character are refused (the shapes of exponential backtracking scslre's single-character
 *   search does not see).
 * It may refuse a harmless pattern (the message says how to rewrite it); what it accepts is
 * matched in time linear in the text, times the pattern.
 */
export function idPatternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_ID_PATTERN_LENGTH) return `it is longer than ${MAX_ID_PATTERN_LENGTH} characters`;
  let literals: AST.RegExpLiteral[];
  try {
    // The two shapes the matcher runs over document text: a global search with token boundaries,
    // and a match at the start of a heading or list item after white space.
    literals = [`/${ID_BEFORE}(?:${pattern})${ID_AFTER}/g${ID_PATTERN_FLAGS}`, `/^\\s*${ID_BEFORE}(?:${pattern})${ID_AFTER}/${ID_PATTERN_FLAGS}`].map((source) =>
      parser.parseLiteral(source),
    );
  } catch (error) {
    return `it cannot be analysed: ${(error as Error).message.replace(/\s+/g, ' ')}`;
  }
  for (const literal of literals) {
    const structural = structuralProblem(literal);
    if (structural) return structural;
    const report = analyse(literal, { maxReports: 1 }).reports[0];
    if (report) {
      const where = report.type === 'Trade' ? `${report.startQuant.raw} and ${report.endQuant.raw}` : report.quant.raw;
      return `it can take ${report.exponential ? 'exponential' : 'polynomial'} time on a run of one repeated character (${where})`;
    }
  }
  return undefined;
}
