// Types for code-server.mjs, so the TypeScript UI tests (test/vscode/ui/) can import it.
import type { BrowserContext } from 'playwright-core';

export declare const ROOT: string;
export declare const VSCODE_TEST: string;
export declare const CODE_SERVER_DIR: string;
export declare const CODE_SERVER_ENTRY: string;
export declare const INSTALL_SCRIPT: string;
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
export declare const VIEWPORT: { width: number; height: number };

export declare function quietSettings(o?: { untrusted?: boolean }): Record<string, unknown>;
export declare function harnessEnv(extra?: Record<string, string | undefined | null>): NodeJS.ProcessEnv;
export declare function assertInstalled(): void;
export declare function freshDir(dir: string): string;
export declare function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void;
export declare function freePort(preferred?: number): Promise<number>;
export declare function resolveWorkspace(workspace: string): { path: string; param: 'folder' | 'workspace' };
export declare function copyWorkspace(workspace: string, runDir: string): string;
export declare function tail(file: string, lines?: number): string;

export interface CodeServer {
  port: number;
  pid: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** 127.0.0.1:PORT, the authority of vscode-remote:// URIs */
  authority: string;
  logFile: string;
  /** Kills code-server's whole process group. */
  stop(): Promise<void>;
}

export declare function startCodeServer(o: {
  userDataDir: string;
  extensionsDir: string;
  workspace?: string;
  untrusted?: boolean;
  env?: Record<string, string | undefined>;
  logFile: string;
  /** Preferred port, used when free. */
  port?: number;
}): Promise<CodeServer>;

export declare function workbenchUrl(
  server: Pick<CodeServer, 'origin' | 'authority'>,
  o?: { workspace?: string; extensionDevelopmentPath?: string; extensionTestsPath?: string },
): string;

export declare function launchBrowser(profileDir: string): Promise<BrowserContext>;
export declare function installExtension(vsix: string, extensionsDir: string, userDataDir: string): string;
