import * as vscode from 'vscode';
import { createIdMatcher, entryReview, findReviewedText, parseDocument, requirementSource, type FileHistory } from '../../core/api';
import type { LiveWorkspace } from '../../host/liveWorkspace';
import type { EntryArgs } from './commands';
import { entryOf } from './markReviewed';

export const REVIEW_SCHEME = 'prfaq-trace-review';

/** Read-only documents holding requirement texts for the diff editor (`prfaq-trace-review:` URIs). */
export class ReviewTexts implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private next = 0;

  /** A URI whose document reads `text`; the name is what the editor tab shows. */
  add(name: string, text: string): vscode.Uri {
    const key = String(++this.next);
    this.texts.set(key, text);
    // Keep the last few: a diff editor re-reads its sides when reopened.
    for (const old of [...this.texts.keys()].slice(0, Math.max(0, this.texts.size - 20))) this.texts.delete(old);
    return vscode.Uri.from({ scheme: REVIEW_SCHEME, path: `/${name.replace(/[\\/]/g, '-')}.md`, query: key });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.query) ?? 'This text is no longer available; run "Show what changed" again.';
  }
}

function day(at: string): string {
  return at.slice(0, 10);
}

/**
 * Show what changed: the requirement as it read when this entry was last reviewed (found in the
 * PR/FAQ's history by the stamp's fingerprint) against now, in VS Code's diff editor. Without a
 * history (the browser) or when the reviewed text is not in it: the current text and the stamp's date.
 */
export async function showWhatChanged(live: LiveWorkspace, texts: ReviewTexts, history: FileHistory | undefined, args: EntryArgs): Promise<boolean> {
  const found = await entryOf(live, args);
  if (typeof found === 'string') {
    void vscode.window.showWarningMessage(found);
    return false;
  }
  const { doc, cover } = found;
  const [definition] = live.index.definitions(cover.id);
  if (!definition) {
    void vscode.window.showWarningMessage(`${cover.id} is not a requirement of any PR/FAQ.`);
    return false;
  }
  const { review, stamp } = entryReview(doc, cover, definition.requirement.fingerprint);
  if (!stamp) {
    void vscode.window.showInformationMessage(`This coverage of ${cover.id} has never been reviewed: there is no earlier text to compare.`);
    return false;
  }
  const prfaqDocument = await vscode.workspace.openTextDocument(vscode.Uri.parse(definition.doc.uri));
  const prfaq = (await live.modelFor(prfaqDocument)) ?? definition.doc;
  const now = requirementSource(prfaqDocument.getText(), prfaq, cover.id) ?? definition.requirement.text;
  const reviewed = `${cover.id} as reviewed by ${stamp.reviewer} on ${day(stamp.at)}`;
  let unavailable: string;
  if (review === 'current') {
    unavailable = 'it has not changed since';
  } else if (!history) {
    unavailable = 'the text as reviewed needs git history, which is not available here';
  } else {
    const config = live.config;
    const ids = createIdMatcher(config.idPattern);
    const parse = (text: string) => parseDocument({ uri: prfaq.uri, text, kindByPath: prfaq.kind }, { ids, maxFileSize: config.maxFileSize });
    try {
      const old = await findReviewedText(history, prfaq.uri, cover.id, stamp.fingerprint, parse);
      if (old) {
        const title = `${cover.id}: as reviewed (${old.version.commit.slice(0, 8)}, ${day(stamp.at)}) ↔ now`;
        await vscode.commands.executeCommand('vscode.diff', texts.add(reviewed, old.source), texts.add(`${cover.id} now`, now), title);
        return true;
      }
      unavailable = `no committed version of ${vscode.workspace.asRelativePath(prfaqDocument.uri)} has the text as reviewed (fingerprint ${stamp.fingerprint})`;
    } catch (error) {
      unavailable = (error as Error).message;
    }
  }
  const header = `> ${cover.id} as it reads now. Reviewed by ${stamp.reviewer} on ${stamp.at}; ${unavailable}.`;
  const document = await vscode.workspace.openTextDocument(texts.add(`${cover.id} now (reviewed ${day(stamp.at)})`, `${header}\n\n${now}\n`));
  await vscode.window.showTextDocument(document, { preview: true });
  return true;
}
