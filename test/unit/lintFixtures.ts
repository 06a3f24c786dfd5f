import { md, OWNERS } from './helpers';

/** Frontmatter of the fixtures: a PR/FAQ with both co-owners (7 lines, so the body starts on line 8). */
export const HEAD = `---\ntype: prfaq\ntitle: Checkout\n${OWNERS}\n---\n`;

/** Every part as a bold label (the template's way). */
export const LABELS = md`
  # One-Click Checkout

  ## Press release

  **Headline.** Larkspur launches One-Click Checkout.

  **Subheading.** Signed-in customers buy from any product page in one click.

  **Summary.** PORTLAND, Ore. — September 9, 2025 — Larkspur Goods today launched One-Click Checkout.

  **Problem.** Checkout takes six screens and 71% of mobile carts are abandoned.

  **Solution.** One click places the order with the saved card and address.

  **Quote from a leader.** "We remember you," said Dana Whitfield, VP of Customer Experience.

  **How to get started.** Switch it on in Account settings.

  **Customer quote.** "I tap once while the kettle boils," said Hannah O., a customer in Tucson.

  **Call to action.** Switch it on today at larkspur.example/one-click.

  ## Customer FAQ

  ### How do I turn it on?

  In Account settings.

  ## Internal FAQ

  ### What does it cost?

  31 person-weeks.

  ## Commitments

  - CHK-1 Buy with one click.
`;

/** Parts as headings, questions as **Q:** paragraphs, FAQ names "External FAQ" and "Internal FAQ". */
export const HEADINGS = md`
  # One-Click Checkout

  ## Press Release

  ### Headline

  Larkspur launches One-Click Checkout

  ### Subheading

  Signed-in customers buy from any product page in one click.

  ### Summary

  PORTLAND, Ore., 2025-09-09 — Larkspur Goods today launched One-Click Checkout.

  ### The Problem

  Checkout takes six screens.

  ### Solution

  One click places the order.

  ### Quote

  "We remember you," said Dana Whitfield.

  ### Getting started

  Switch it on in Account settings.

  ### Customer Quote

  "I tap once," said Hannah O.

  ### Closing and call to action

  Switch it on today.

  ## External FAQ

  **Q: How do I turn it on?**

  In Account settings.

  ## Internal FAQ

  Q: What does it cost?

  31 person-weeks.

  ## Commitments

  - CHK-1 Buy with one click.
`;

/** A press release in prose: headline heading, bold subheading, dateline, quotes and "To get started"; labels where prose cannot tell. */
export const PROSE = md`
  # One-Click Checkout

  ## Press release

  ### Larkspur Goods launches One-Click Checkout

  *Signed-in customers can now buy from any product page in one click.*

  PORTLAND, Ore. — September 9, 2025 — Larkspur Goods, the online store for
  home goods, today launched One-Click Checkout.

  **The problem:** checkout takes six screens.

  **Solution:** one click places the order.

  "We remember you," said Dana Whitfield, VP of Customer Experience.

  To get started, open Account settings and switch it on.

  “I tap once while the kettle boils,” says Hannah O., a customer since 2019.

  **Call to action.** Switch it on today.

  ## Frequently Asked Questions

  ### Customer questions

  #### Q: Which cards work?

  Visa and Mastercard.

  ### Internal questions

  #### What does it cost?

  31 person-weeks.

  ## Commitments

  - CHK-1 Buy with one click.
`;

