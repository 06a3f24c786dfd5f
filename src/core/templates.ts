import GithubSlugger from 'github-slugger';
import { PRESS_RELEASE_PARTS, type PressReleasePart } from './lint/partNames';
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

/** An ID prefix from a title: "One-Click Checkout" → "OCC", "Оплата в один клик" → "ОВОК"; "REQ" when no word starts with a letter. */
export function idPrefixFor(title: string): string {
  const letters = title
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => [...word][0]?.toUpperCase() ?? '')
    .join('');
  return /^\p{L}/u.test(letters) ? [...letters].slice(0, 4).join('') : 'REQ';
}

/** How the templates and the structure lint's quick fixes write each press-release part. */
export interface PartTemplate {
  /** The bold label ("**Problem.**") or heading text. */
  readonly label: string;
  /** What to write there, as a placeholder the author replaces. */
  readonly text: string;
}

/** The press release's parts in order (Bryar & Carr, *Working Backwards*): one home for templates and quick fixes. */
export const pressReleaseTemplate: Readonly<Record<PressReleasePart, PartTemplate>> = {
  headline: { label: 'Headline', text: 'Name the product the way its customers will know it.' },
  subheading: { label: 'Subheading', text: 'Who the customer is and what they get, in one sentence.' },
  summary: { label: 'Summary', text: '[CITY], [Month D, YYYY] — The launch in three or four sentences: the product, the customer and the benefit.' },
  problem: { label: 'Problem', text: 'What is hard for the customer today, in their words, with a number if there is one.' },
  solution: { label: 'Solution', text: 'How the product takes the problem away, from the customer\'s side.' },
  leaderQuote: { label: 'Quote from a leader', text: '"Why we built it," said [name], [title].' },
  gettingStarted: { label: 'How to get started', text: 'The first thing the customer does, and where.' },
  customerQuote: { label: 'Customer quote', text: '"What changed for me," said [name], a customer in [place].' },
  callToAction: { label: 'Call to action', text: 'Where to go next: the page, the button or the link.' },
};

/** A part as a bold-label paragraph, or as a heading of `level` with its text below. */
export function partText(part: PressReleasePart, level: number, eol = '\n'): string {
  const { label, text } = pressReleaseTemplate[part];
  return level > 0 ? `${'#'.repeat(level)} ${label}${eol}${eol}${text}` : `**${label}.** ${text}`;
}

/** A whole press release: its heading at `level`, then every part as a bold-label paragraph. */
export function pressReleaseText(level: number, eol = '\n'): string {
  return [`${'#'.repeat(Math.max(1, level))} Press release`, ...PRESS_RELEASE_PARTS.map((part) => partText(part, 0, eol))].join(`${eol}${eol}`);
}

export const customerFaqQuestions: readonly string[] = ['Who is this for?', 'What does it cost?', 'How do I get started?'];
export const internalFaqQuestions: readonly string[] = ['What are the biggest risks?', 'What does it cost us to build and run?', 'How will we measure success?'];
const ANSWER = 'Answer in a few sentences, with numbers where there are any.';

/** A question and its placeholder answer: a heading of `level`, or a "**Q: …**" paragraph at level 0. */
export function questionText(question: string, level: number, eol = '\n'): string {
  return `${level > 0 ? `${'#'.repeat(level)} ${question}` : `**Q: ${question}**`}${eol}${eol}${ANSWER}`;
}

/** An FAQ part: its heading at `level`, and its template questions one level below. */
export function faqText(kind: 'external' | 'internal', level: number, eol = '\n'): string {
  const heading = `${'#'.repeat(Math.max(1, level))} ${kind === 'external' ? 'Customer FAQ' : 'Internal FAQ'}`;
  const questions = (kind === 'external' ? customerFaqQuestions : internalFaqQuestions).map((q) => questionText(q, Math.min(6, Math.max(1, level) + 1), eol));
  return [heading, ...questions].join(`${eol}${eol}`);
}

/**
 * A working-backwards PR/FAQ that passes the structure lint: press release (every part as a
 * bold label), customer FAQ, internal FAQ, and a Commitments section of numbered requirements.
 */
export function prfaqTemplate(input: PrfaqTemplateInput): string {
  const prefix = input.idPrefix ?? idPrefixFor(input.title);
  return `---
type: prfaq
title: ${yamlString(input.title)}
owners:
  pm: ${yamlString(input.pm)}
  engineer: ${yamlString(input.engineer)}
idPrefix: ${yamlString(prefix)}
---
# ${input.title}

${pressReleaseText(2)}

${faqText('external', 2)}

${faqText('internal', 2)}

## Commitments

What the product must do at launch, one numbered item each. Design docs cover each one with a
\`Covers:\` line; "PR/FAQ: Number Commitments" numbers new items.

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
