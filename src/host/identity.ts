import * as vscode from 'vscode';
import { parseIdentity, type Identity } from '../core/api';
import { onDidChangeViewSettings, updateViewSetting, viewSetting } from './settings';

/** Reads git's identity for a folder; absent in the browser, where only the setting counts. */
export type GitIdentityReader = (folderPath: string) => Promise<{ name?: string; email?: string }>;

/**
 * Who the user is: the `prfaqTrace.me` setting, else git's user.name / user.email for the
 * first workspace folder. Cached until the setting changes.
 */
export class IdentityService implements vscode.Disposable {
  private cached: Promise<Identity> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly readGit?: GitIdentityReader) {
    this.subscription = onDidChangeViewSettings((settings) => {
      if (settings.includes('me')) this.cached = undefined;
    });
  }

  get(): Promise<Identity> {
    this.cached ??= this.resolve();
    return this.cached;
  }

  private async resolve(): Promise<Identity> {
    const setting = viewSetting('me').trim();
    if (setting) return parseIdentity(setting);
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file' || !this.readGit) return {};
    return this.readGit(folder.uri.fsPath);
  }

  /** The identity, asking once (and saving it to the user's settings) when nothing is known. */
  async require(): Promise<Identity | undefined> {
    const me = await this.get();
    if (me.name || me.email || me.handle) return me;
    const answer = await vscode.window.showInputBox({
      prompt: 'Who are you? Comments and "my assignments" use this (saved as the prfaqTrace.me setting).',
      placeHolder: '@handle, Your Name, you@example.com or Your Name <you@example.com>',
      ignoreFocusOut: true,
    });
    if (!answer?.trim()) return undefined;
    await updateViewSetting('me', answer.trim());
    this.cached = Promise.resolve(parseIdentity(answer));
    return this.cached;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
