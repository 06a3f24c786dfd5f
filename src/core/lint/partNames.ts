/** The parts of a working-backwards press release, in the order the press release tells them. */
export const PRESS_RELEASE_PARTS = [
  'headline',
  'subheading',
  'summary',
  'problem',
  'solution',
  'leaderQuote',
  'gettingStarted',
  'customerQuote',
  'callToAction',
] as const;

export type PressReleasePart = (typeof PRESS_RELEASE_PARTS)[number];

export type FaqKind = 'external' | 'internal';

/** "**The Problem:**", "Problem paragraph", "Solution (draft)" → "problem", "solution". */
export function normalizeName(label: string): string {
  return label
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/[\s.:;!—–-]+$/, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .replace(/ (?:paragraphs?|section)$/, '')
    .trim();
}

const PART_NAMES: Readonly<Record<PressReleasePart, readonly string[]>> = {
  headline: ['headline', 'heading', 'title'],
  subheading: ['subheading', 'sub-heading', 'sub heading', 'subhead', 'sub-headline', 'subheadline', 'subtitle'],
  summary: ['summary', 'intro', 'introduction', 'opening', 'lede', 'first'],
  problem: ['problem', 'customer problem', 'problem statement'],
  solution: ['solution', 'how it works', 'solution statement'],
  leaderQuote: ['quote', 'leader quote', 'quote from a leader', 'leadership quote', 'company quote', 'executive quote', 'spokesperson quote', 'internal quote', 'quote from you', 'your quote'],
  gettingStarted: ['how to get started', 'getting started', 'get started', 'how to start', 'how to begin'],
  customerQuote: ['customer quote', 'quote from a customer', 'customer testimonial', 'testimonial'],
  callToAction: ['call to action', 'closing and call to action', 'closing', 'cta'],
};

const partByName = new Map<string, PressReleasePart>(
  PRESS_RELEASE_PARTS.flatMap((part) => PART_NAMES[part].map((name) => [name, part] as const)),
);

/** The press release part a label names, if any. */
export function pressReleasePartNamed(label: string): PressReleasePart | undefined {
  return partByName.get(normalizeName(label));
}

export function isPressReleaseName(label: string): boolean {
  return /^(?:press release|press release draft|draft press release|pr)$/.test(normalizeName(label));
}

const FAQ = '(?:faqs?|frequently asked questions)';
const EXTERNAL = new RegExp(`^(?:customer|customers|external|public)(?: ${FAQ})$`);
const INTERNAL = new RegExp(`^(?:internal|stakeholder|stakeholders)(?: ${FAQ})$`);
const GENERIC = new RegExp(`^${FAQ}$`);
/** Inside a generic "FAQ": "Customer", "External questions", "Internal", "For stakeholders". */
const EXTERNAL_SUB = new RegExp(`^(?:for )?(?:customer|customers|external|public)(?: (?:questions|${FAQ}))?$`);
const INTERNAL_SUB = new RegExp(`^(?:for )?(?:internal|stakeholder|stakeholders)(?: (?:questions|${FAQ}))?$`);

/** An FAQ part a label names: external or internal, or "generic" for a plain "FAQ". */
export function faqNamed(label: string): FaqKind | 'generic' | undefined {
  const name = normalizeName(label);
  if (EXTERNAL.test(name)) return 'external';
  if (INTERNAL.test(name)) return 'internal';
  if (GENERIC.test(name)) return 'generic';
  return undefined;
}

/** The kind of a sub-part of a generic FAQ ("### Customer questions" under "## FAQ"). */
export function faqSubpartNamed(label: string): FaqKind | undefined {
  const name = normalizeName(label);
  if (EXTERNAL_SUB.test(name)) return 'external';
  if (INTERNAL_SUB.test(name)) return 'internal';
  return undefined;
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** "September 9, 2025", "9 September 2025", "2025-09-09", "9/9/2025", or a template's "[Month D, YYYY]". */
const DATE = new RegExp(
  `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\[[^\\]]*(?:date|yyyy)[^\\]]*\\]`,
  'i',
);

/** How far into the summary the dateline must start to be "opening" it. */
const DATELINE_REACH = 120;

/** Whether a summary opens with a dateline: a launch date (and so, in practice, its place) near its start. */
export function hasDateline(lead: string): boolean {
  const match = DATE.exec(lead);
  return match !== null && match.index <= DATELINE_REACH;
}

/** "To get started, sign in…" — how getting started is usually written in prose. */
export function opensGettingStarted(lead: string): boolean {
  return /^(?:\*\*)?(?:to get started|getting started|to start|get started|to begin|start by)\b/i.test(lead);
}
