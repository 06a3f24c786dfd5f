import { strict as assert } from 'node:assert';
import { LineIndex, type DocModel, type Position, type Range, type WorkspaceIndex } from '../../../src/core/api';
import type { TextEdit } from '../../../src/core/language';
import { indexFiles, md, OWNERS, ROOT } from '../helpers';

export const uri = (path: string): string => `${ROOT}/${path}`;

/** Applies non-overlapping edits to a text, as an editor would. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offset = (p: Position) => lines.lineStart(p.line) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  let previousStart = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    const start = offset(edit.range.start);
    const end = offset(edit.range.end);
    assert.ok(end <= previousStart, 'edits overlap');
    out = out.slice(0, start) + edit.newText + out.slice(end);
    previousStart = start;
  }
  return out;
}

export function range(line: number, from: number, to: number, endLine = line): Range {
  return { start: { line, character: from }, end: { line: endLine, character: to } };
}

/** Where `needle` (the `occurrence`-th one) starts in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, occurrence = 1, delta = 0): Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" #${occurrence} not in text`);
  }
  return new LineIndex(text).position(at + delta);
}

export function mustGet(index: WorkspaceIndex, path: string): DocModel {
  const doc = index.get(uri(path));
  assert.ok(doc, `${path} not indexed`);
  return doc;
}

export const CHECKOUT = md`
  ---
  type: prfaq
  title: One-Click Checkout
  ${OWNERS.replace(/\n/g, '\n  ')}
  waived:
    CHK-8: "Gift wrapping moves to the holiday PR/FAQ"
  ---
  # One-Click Checkout

  ## Commitments

  ### CHK-1: Buy with one click

  A signed-in customer places an order with *one* click.

  - **CHK-2** Cancel within 30 minutes.
  - CHK-3 Refunds reach the card within 24 hours.
  - CHK-6 Order history marks one-click orders.
  - CHK-8 Gift wrapping.

  ### Fraud screening
  \`feat~fraud-screen~1\`

  Every order is screened before the card is charged.
`;

export const SERVICE = md`
  ---
  type: design
  title: Checkout Service
  ${OWNERS.replace(/\n/g, '\n  ')}
  prfaq: ../prfaq/checkout.md
  ---
  # Checkout Service

  ## Order placement
  <!-- owner: @bob -->

  Covers: CHK-1, CHK-2

  The order path; see CHK-6 for history.

  ## Fraud and refunds

  Covers:
  - [CHK-3](../prfaq/checkout.md#chk-3)
  - feat~fraud-screen~1

  Back to [buying](../prfaq/checkout.md#chk-1-buy-with-one-click).
`;

export const PAYMENTS = md`
  ---
  type: design
  title: Payments
  ${OWNERS.replace(/\n/g, '\n  ')}
  ---
  # Payments

  ## Card charge

  Covers: CHK-1, CHK-12
`;

export const ADDRESSES = md`
  ---
  type: prfaq
  title: Address Book
  ${OWNERS.replace(/\n/g, '\n  ')}
  ---
  - ADDR-1 Save two addresses.
  - ADDR-2 Pick the default address.
`;

export const FILES = {
  'prfaq/checkout.md': CHECKOUT,
  'prfaq/addresses.md': ADDRESSES,
  'design/service.md': SERVICE,
  'design/payments.md': PAYMENTS,
} as const;

export function workspace(files: Readonly<Record<string, string>> = FILES): Promise<WorkspaceIndex> {
  return indexFiles(files);
}
