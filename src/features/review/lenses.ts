import * as vscode from 'vscode';
import { approvalLabel, approvalStatus, entryReview, myOwnerEntry, type DocModel, type Identity } from '../../core/api';
import type { IndexQueries } from '../../core/api';
import { toRange } from '../../host/convert';
import { APPROVE_COMMAND, MARK_REVIEWED_COMMAND, SHOW_WHAT_CHANGED_COMMAND, type ApproveArgs, type EntryArgs } from './commands';

export const approvalIcons = { approved: 'verified', 'partially-approved': 'pass', stale: 'warning', draft: 'circle-large-outline' } as const;

function day(at: string): string {
  return at.slice(0, 10);
}

/** The lenses at the top of a document: its sign-off state, and "Approve as me" for its co-owners. */
function approvalLenses(index: IndexQueries, doc: DocModel, me: Identity): vscode.CodeLens[] {
  const status = approvalStatus(index, doc);
  const top = new vscode.Range(0, 0, 0, 0);
  const lenses = [new vscode.CodeLens(top, { title: `$(${approvalIcons[status.state]}) ${approvalLabel(status)}`, command: '' })];
  const mine = myOwnerEntry(doc, me);
  if (mine) {
    const again = status.approvals.some((v) => v.approval.person === mine);
    lenses.push(
      new vscode.CodeLens(top, {
        title: again ? 'Approve again as me' : 'Approve as me',
        tooltip: `Record ${mine}'s approval of the document as it reads now`,
        command: APPROVE_COMMAND,
        arguments: [{ uri: doc.uri } satisfies ApproveArgs],
      }),
    );
  }
  return lenses;
}

/**
 * On a design doc's Covers: lines: a stale entry gets what changed and "Mark reviewed"; an unreviewed
 * one "Mark reviewed" when review is required or the document already uses stamps (no noise otherwise).
 */
function entryLenses(index: IndexQueries, doc: DocModel): vscode.CodeLens[] {
  if (doc.kind !== 'design') return [];
  const usesStamps = index.reviewRequired || doc.reviewStamps.length > 0;
  const lenses: vscode.CodeLens[] = [];
  for (const cover of doc.covers) {
    const [definition] = index.definitions(cover.id);
    if (!definition) continue;
    const { review, stamp } = entryReview(doc, cover, definition.requirement.fingerprint);
    const args: EntryArgs = { uri: doc.uri, id: cover.id, sectionIndex: cover.sectionIndex };
    const range = toRange(cover.range);
    if (review === 'stale' && stamp) {
      lenses.push(
        new vscode.CodeLens(range, {
          title: `$(warning) ${cover.id} changed since ${stamp.reviewer} reviewed it (${day(stamp.at)}): show what changed`,
          command: SHOW_WHAT_CHANGED_COMMAND,
          arguments: [args],
        }),
      );
    }
    if (review === 'stale' || (review === 'unreviewed' && usesStamps)) {
      lenses.push(new vscode.CodeLens(range, { title: `Mark ${cover.id} reviewed`, tooltip: 'Write a review stamp as me for the requirement as it reads now', command: MARK_REVIEWED_COMMAND, arguments: [args] }));
    }
  }
  return lenses;
}

export function reviewLenses(index: IndexQueries, doc: DocModel, me: Identity): vscode.CodeLens[] {
  return [...approvalLenses(index, doc, me), ...entryLenses(index, doc)];
}
