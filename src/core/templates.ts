import GithubSlugger from 'github-slugger';
import type { DocModel } from './model';

/** A file name for a title: "One-Click Checkout" → "one-click-checkout". */
export function fileSlug(title: string): string {
  return new GithubSlugger().slug(title).replace(/^-+|-+$/g, '') || 'untitled';
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

export interface PrfaqTemplateInput {
  readonly title: string;
  readonly pm: string;
  readonly engineer: string;
  /** Prefix of the requirement IDs in the Commitments section ("CHK"). */
  readonly idPrefix?: string;
}

/** An ID prefix from a title: "One-Click Checkout" → "OCC". */
export function idPrefixFor(title: string): string {
  const letters = title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
  return /^[A-Z]/.test(letters) ? letters.slice(0, 4) : 'REQ';
}

/** A working-backwards PR/FAQ: press release, customer FAQ, internal FAQ, commitments. */
export function prfaqTemplate(input: PrfaqTemplateInput): string {
  const prefix = input.idPrefix ?? idPrefixFor(input.title);
  return `---
type: prfaq
title: ${yamlString(input.title)}
owners:
  pm: ${yamlString(input.pm)}
  engineer: ${yamlString(input.engineer)}
---
# ${input.title}

## Press release

**Headline.** Name the product the way the customer will know it.

**Subheading.** One sentence: who the customer is and what they get.

**Summary.** City, date — the launch in three or four sentences, written for the customer.

**Problem.** The problem the customer has today, in their words.

**Solution.** How the product solves it, simply.

**Quote from a leader.** Why we built it.

**How to get started.** What the customer does first.

**Customer quote.** A customer describing the benefit in their own words.

## Customer FAQ

### Who is this for?

### What does it cost?

### How do I get started?

## Internal FAQ

### What are the biggest risks?

### What does it cost us to build and run?

### How will we measure success?

## Commitments

What the product must do at launch. Design docs cover each one with a \`Covers:\` line.

- ${prefix}-1 The first customer-visible commitment.
- ${prefix}-2 The second commitment.
`;
}

/** A design doc answering `prfaq`: co-owners copied, one section per requirement with its Covers: line. */
export function designTemplate(prfaq: DocModel, prfaqPath: string, title = `${prfaq.title} — design`): string {
  const owner = (role: string) => prfaq.owners.roles.find((entry) => entry.role === role)?.people.join(', ') ?? '';
  const seen = new Set<string>();
  const sections = prfaq.requirements
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => `### ${r.title || r.id}\n\nCovers: ${r.id}\n\nHow the design meets ${r.id}.\n`)
    .join('\n');
  return `---
type: design
title: ${yamlString(title)}
owners:
  pm: ${yamlString(owner('pm'))}
  engineer: ${yamlString(owner('engineer'))}
prfaq: ${yamlString(prfaqPath)}
---
# ${title}

## Context

What the PR/FAQ asks for and what exists today.

## Goals and non-goals

## Design

${sections || 'Covers: \n'}
## Alternatives considered

## Rollout and operations
`;
}
