// Helpers for browser UI tests of the PACKAGED extension in code-server's real VS Code 1.100 workbench,
// driven by playwright-core in headless Debian chromium. Prefer role/aria selectors; never compare pixels.
// run-ui-tests.ts packages the .vsix and installs it into UI_EXTENSIONS_DIR before any test runs.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  ROOT, VIEWPORT, VSCODE_TEST, copyWorkspace, freshDir, installExtension, launchBrowser, quietSettings, startCodeServer, tail,
  workbenchUrl, writeUserSettings, type CodeServer,
} from '../harness/code-server.mjs';

/** Every UI wait; 60 s was ample on these machines (page load takes 2-3 s). */
export const UI_TIMEOUT = 60_000;
export const UI_DIR = path.join(VSCODE_TEST, 'ui');
/** Extensions dir shared by the UI tests of one `npm run test:ui`; the packaged .vsix is installed here. */
export const UI_EXTENSIONS_DIR = path.join(UI_DIR, 'extensions');
export const VSIX = path.join(VSCODE_TEST, 'prfaq-trace.vsix');
/**
 * Where screenshots go. `npm test` must leave the working tree clean, so by default they land in the ignored
 * .vscode-test/screenshots; `npm run screenshots` points this at docs/screenshots to refresh the README's images.
 */
export const SCREENSHOT_DIR = process.env.PRFAQ_TRACE_SCREENSHOT_DIR
  ? path.resolve(ROOT, process.env.PRFAQ_TRACE_SCREENSHOT_DIR)
  : path.join(VSCODE_TEST, 'screenshots');
/**
 * Port the UI workbench prefers (when free), because the workbench shows it ("127.0.0.1:PORT - Installed" in the
 * Extensions view) and screenshots should not change from run to run. Override with PRFAQ_TRACE_UI_PORT.
 */
export const UI_PORT = Number(process.env.PRFAQ_TRACE_UI_PORT || 47813);

/**
 * Settings the UI tests add to the quiet defaults so that screenshots come out the same every run: the
 * breadcrumbs' symbol part and the minimap fill in at unpredictable moments. Override with opts.settings.
 */
export const UI_SETTINGS: Record<string, unknown> = {
  'breadcrumbs.enabled': false,
  'editor.minimap.enabled': false,
};

export interface Workbench {
  page: Page;
  context: BrowserContext;
  server: CodeServer;
  /** Closes the browser and kills code-server's process group. */
  close(): Promise<void>;
}

export interface OpenWorkbenchOptions {
  /** Leave the workspace untrusted (workspace trust on, restricted mode). */
  untrusted?: boolean;
  /** Extra user settings on top of the quiet defaults. */
  settings?: Record<string, unknown>;
  /** Run folder name under .vscode-test/ui/runs/ (default: the workspace's base name). */
  name?: string;
  extensionsDir?: string;
  /** Extra environment for code-server and so for the extension host. */
  env?: Record<string, string | undefined>;
  /** Open the fixture itself instead of a scratch copy under .vscode-test/ui/runs/<name>/workspace/. */
  copy?: boolean;
}

/** `vsce package` of the already-built dist/ into .vscode-test/prfaq-trace.vsix. */
export function packageVsix(out: string = VSIX): string {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  const res = spawnSync(
    vsce,
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (res.status !== 0) throw new Error(`vsce package failed (${res.status}):\n${res.stdout}\n${res.stderr}`);
  return out;
}

/** Installs a .vsix into a fresh extensions dir with code-server's `--install-extension`. */
export function installVsix(vsix: string = VSIX, extensionsDir: string = UI_EXTENSIONS_DIR): void {
  freshDir(extensionsDir);
  const userDataDir = freshDir(path.join(UI_DIR, 'install-user-data'));
  installExtension(vsix, extensionsDir, userDataDir);
}

/**
 * Starts code-server (fresh user-data dir, the UI extensions dir) and opens `folder` — a folder or a
 * .code-workspace file, absolute or relative to the repository root; by default a scratch copy of it — in
 * headless chromium; resolves when the workbench's activity bar and status bar are there.
 */
export async function openWorkbench(folder: string, opts: OpenWorkbenchOptions = {}): Promise<Workbench> {
  const name = opts.name ?? path.basename(folder).replace(/\.code-workspace$/, '');
  const runDir = freshDir(path.join(UI_DIR, 'runs', name));
  const userDataDir = path.join(runDir, 'user-data');
  writeUserSettings(userDataDir, { ...quietSettings({ untrusted: !!opts.untrusted }), ...UI_SETTINGS, ...opts.settings });
  const opened = opts.copy === false ? folder : copyWorkspace(folder, runDir);
  const server = await startCodeServer({
    userDataDir,
    extensionsDir: opts.extensionsDir ?? UI_EXTENSIONS_DIR,
    workspace: opened,
    untrusted: !!opts.untrusted,
    logFile: path.join(runDir, 'code-server.log'),
    port: UI_PORT,
    ...(opts.env ? { env: opts.env } : {}),
  });
  let context: BrowserContext | undefined;
  try {
    context = await launchBrowser(path.join(runDir, 'chromium'));
    context.setDefaultTimeout(UI_TIMEOUT);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(workbenchUrl(server, { workspace: opened }));
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible' });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible' });
    const ctx = context;
    return {
      page,
      context: ctx,
      server,
      async close() {
        await ctx.close().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (err) {
    await context?.close().catch(() => undefined);
    await server.stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}\ncode-server log (tail):\n${tail(server.logFile)}`);
  }
}

interface Manifest {
  displayName?: string;
  name: string;
  contributes?: { commands?: { command: string; title: string; category?: string }[] };
}

/** The extension's package.json. */
export function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
}

/** The palette title ("Category: Title") of a contributed command, read from package.json. */
export function commandTitle(command: string): string {
  const c = manifest().contributes?.commands?.find((x) => x.command === command);
  if (!c) throw new Error(`package.json contributes no command ${command}`);
  return c.category ? `${c.category}: ${c.title}` : c.title;
}

/** The command palette's input box. */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget input');
}

/** Runs a command by its palette title (e.g. "PR/FAQ Trace: Refresh"): F1, type, pick the exact row. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = quickInput(page);
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) })
    .first();
  await row.waitFor({ state: 'visible' });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Opens a view container from the activity bar by the start of its label ("Explorer", "Extensions", or the
 * extension's own container title); does nothing when it is already open. Resolves to the side bar.
 */
export async function openViewContainer(page: Page, label: string): Promise<Locator> {
  const item = page.locator('.part.activitybar .action-item').filter({
    has: page.locator(`a[aria-label^="${label.replace(/"/g, '\\"')}"]`),
  }).first();
  await item.waitFor({ state: 'visible' });
  const checked = await item.evaluate((el) => el.classList.contains('checked'));
  if (!checked) await item.locator('a').click();
  const sidebar = page.locator('.part.sidebar');
  await sidebar.waitFor({ state: 'visible' });
  return sidebar;
}

/** Types a query into the Extensions view's search box (e.g. "@installed prfaq"); resolves to the result rows. */
export async function searchExtensions(page: Page, query: string): Promise<Locator> {
  const sidebar = await openViewContainer(page, 'Extensions');
  const box = sidebar.locator('.extensions-viewlet .suggest-input-container').first();
  await box.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(query);
  // The default sections ("<host> - Installed", "Browser - Installed") give way to the search result list.
  await sidebar.locator('.pane-header', { hasText: /- Installed$/i }).first().waitFor({ state: 'hidden' });
  return sidebar.locator('.extensions-list .monaco-list-row');
}

/** A row of a tree view (Explorer, or the extension's own trees) by its accessible name. */
export function treeItem(page: Page, name: string | RegExp, exact = false): Locator {
  return page.getByRole('treeitem', { name, exact });
}

/** Opens the Problems panel (when it is not showing) and returns its rows. */
export async function problemsRows(page: Page): Promise<Locator> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await runCommand(page, 'Problems: Focus on Problems View');
    await panel.waitFor({ state: 'visible' });
  }
  return panel.locator('.monaco-list-row');
}

/**
 * Parts of the workbench that differ from run to run (they are hidden, not masked, in screenshots):
 * the activation time next to an extension in the Extensions view, blinking editor cursors (also in
 * monaco-based inputs such as the Extensions search box) and progress bars.
 */
export const VOLATILE_SELECTORS = [
  '.extension-list-item .activation-status',
  '.monaco-editor .cursors-layer',
  '.monaco-progress-container',
];

/**
 * Saves SCREENSHOT_DIR/<name>.png (fixed viewport, no animations, no caret, VOLATILE_SELECTORS and `hide`
 * hidden). Parks the mouse where it raises no hover and lets the status bar's transient "Activating
 * Extensions..." go first.
 */
export async function screenshot(page: Page, name: string, hide: string[] = []): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.mouse.move(VIEWPORT.width - 2, Math.round(VIEWPORT.height / 2));
  await page
    .locator('.part.statusbar .statusbar-item', { hasText: 'Activating Extensions' })
    .waitFor({ state: 'hidden', timeout: 10_000 })
    .catch(() => undefined);
  await page.locator('.monaco-hover, .monaco-workbench .workbench-hover').first()
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => undefined);
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  const style = `${[...VOLATILE_SELECTORS, ...hide].join(', ')} { visibility: hidden !important; }`;
  // Like toHaveScreenshot(): shoot until two shots in a row are identical (syntax colouring, lists and
  // decorations fill in asynchronously), at most ~10 s; then keep the last one.
  let previous: Buffer | undefined;
  let shot: Buffer = Buffer.alloc(0);
  for (let i = 0; i < 40; i++) {
    shot = await page.screenshot({ animations: 'disabled', caret: 'hide', style });
    if (previous?.equals(shot)) break;
    previous = shot;
    await page.waitForTimeout(250);
  }
  fs.writeFileSync(file, shot);
  return file;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
