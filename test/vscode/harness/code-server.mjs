// Shared plumbing for the code-server harness (see ../shared/real-vscode.md):
// paths, a clean environment, quiet user settings, starting/stopping code-server in its own process group,
// the workbench URL (folder= / workspace= / payload=) and headless Debian chromium via playwright-core.
// Used by run-extension-tests.mjs (mocha in the extension host) and ../ui/ (browser UI checks).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const VSCODE_TEST = path.join(ROOT, '.vscode-test');
export const CODE_SERVER_DIR = path.join(VSCODE_TEST, 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');
export const INSTALL_SCRIPT = path.join(ROOT, 'test/vscode/harness/install-code-server.sh');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Viewport for every page: fixed, so screenshots are comparable between runs. */
export const VIEWPORT = { width: 1280, height: 800 };

/** User settings that keep the workbench quiet (recipe "Driving the UI"). */
export function quietSettings({ untrusted = false } = {}) {
  return {
    'security.workspace.trust.enabled': untrusted,
    ...(untrusted
      ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false }
      : {}),
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
  };
}

/** Environment for code-server and everything it starts: XDG_* and TMPDIR under .vscode-test, no VSCODE_* leaks. */
export function harnessEnv(extra = {}) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    // Variables of a surrounding VS Code (its terminal, or an extension host) would confuse the server.
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  }
  const xdg = path.join(VSCODE_TEST, 'xdg');
  Object.assign(env, {
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
    TMPDIR: path.join(VSCODE_TEST, 'tmp'),
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    // No marketplace is reachable: without a gallery, code-server does not query open-vsx.org at all.
    EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY ?? '{}',
  });
  for (const k of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'TMPDIR']) {
    fs.mkdirSync(env[k], { recursive: true });
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined || v === null) delete env[k];
    else env[k] = String(v);
  }
  return env;
}

export function assertInstalled() {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed: run  bash ${path.relative(ROOT, INSTALL_SCRIPT)}`);
  }
}

/** Removes and recreates a directory (fresh user-data dir, profile, ...). */
export function freshDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeUserSettings(userDataDir, settings) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

/** A free loopback port: `preferred` when it is free (stable URLs/labels in screenshots), else any. */
export function freePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((resolve, reject) => {
      const srv = net.createServer();
      srv.unref();
      srv.on('error', reject);
      srv.listen(port, '127.0.0.1', () => {
        const { port: got } = /** @type {net.AddressInfo} */ (srv.address());
        srv.close(() => resolve(got));
      });
    });
  return preferred ? tryPort(preferred).catch(() => tryPort(0)) : tryPort(0);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Live code-server process groups, killed on exit whatever happens. */
const liveGroups = new Set();
function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}
process.on('exit', () => {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
    process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
  });
}

/** Absolute path of a folder or .code-workspace file, and which URL parameter opens it. */
export function resolveWorkspace(workspace) {
  const abs = path.resolve(ROOT, workspace);
  if (!fs.existsSync(abs)) throw new Error(`workspace not found: ${abs}`);
  const isFile = abs.endsWith('.code-workspace');
  if (!isFile && !fs.statSync(abs).isDirectory()) throw new Error(`not a folder or .code-workspace: ${abs}`);
  return { path: abs, param: isFile ? 'workspace' : 'folder' };
}

/**
 * Copies a fixture workspace into `runDir/workspace/` so that tests may change files freely without touching
 * the repository: a folder is copied whole (same base name, so the workbench shows the same name); for a
 * .code-workspace file its whole directory is copied (folders outside that directory are not). Returns the
 * path to open.
 * @param {string} workspace folder or .code-workspace, absolute or relative to the repository root
 * @param {string} runDir
 */
export function copyWorkspace(workspace, runDir) {
  const ws = resolveWorkspace(workspace);
  const srcDir = ws.param === 'folder' ? ws.path : path.dirname(ws.path);
  const dstDir = path.join(freshDir(path.join(runDir, 'workspace')), path.basename(srcDir));
  fs.cpSync(srcDir, dstDir, { recursive: true });
  return ws.param === 'folder' ? dstDir : path.join(dstDir, path.basename(ws.path));
}

/**
 * Starts code-server on a free loopback port in its own process group (detached = setsid) and waits for /healthz.
 * @param {object} o
 * @param {string} o.userDataDir
 * @param {string} o.extensionsDir
 * @param {string} [o.workspace] folder or .code-workspace opened by default
 * @param {boolean} [o.untrusted] keep workspace trust on (no --disable-workspace-trust)
 * @param {Record<string,string|undefined>} [o.env] extra environment (reaches the extension host)
 * @param {string} o.logFile code-server's stdout+stderr
 * @param {number} [o.port] preferred port (used when free)
 */
export async function startCodeServer(o) {
  assertInstalled();
  const port = await freePort(o.port ?? 0);
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(o.untrusted ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', o.userDataDir,
    '--extensions-dir', o.extensionsDir,
    ...(o.workspace ? [resolveWorkspace(o.workspace).path] : []),
  ];
  fs.mkdirSync(path.dirname(o.logFile), { recursive: true });
  const log = fs.openSync(o.logFile, 'w');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: harnessEnv(o.env),
    detached: true, // setsid(): the server, its extension host and file watchers share one process group
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const pgid = /** @type {number} */ (child.pid);
  liveGroups.add(pgid);
  let exited = /** @type {number|string|null} */ (null);
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = code ?? signal ?? 'unknown';
      resolve(exited);
    });
  });

  const origin = `http://127.0.0.1:${port}`;
  const server = {
    port,
    pid: pgid,
    origin,
    authority: `127.0.0.1:${port}`,
    logFile: o.logFile,
    /** Kills the whole process group: TERM, then KILL for whatever is left. */
    async stop() {
      if (!liveGroups.has(pgid)) return;
      killGroup(pgid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && killGroup(pgid, 0)) await sleep(100);
      killGroup(pgid, 'SIGKILL');
      while (killGroup(pgid, 0) && Date.now() < deadline + 5000) await sleep(50);
      liveGroups.delete(pgid);
      if (exited === null) await Promise.race([exitPromise, sleep(2000)]);
    },
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) {
      liveGroups.delete(pgid);
      throw new Error(`code-server exited (${exited}) before answering; log:\n${tail(o.logFile)}`);
    }
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer ${origin}/healthz within 60 s; log:\n${tail(o.logFile)}`);
    }
    await sleep(100);
  }
  return server;
}

/** Last lines of a log file, for error messages. */
export function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * The workbench URL: ?folder=<abs> or ?workspace=<abs .code-workspace>, plus an optional payload
 * (extensionDevelopmentPath / extensionTestsPath as vscode-remote URIs on the page's own host:port).
 * @param {{origin: string, authority: string}} server
 * @param {{workspace?: string, extensionDevelopmentPath?: string, extensionTestsPath?: string}} o
 */
export function workbenchUrl(server, o = {}) {
  const params = new URLSearchParams();
  if (o.workspace) {
    const ws = resolveWorkspace(o.workspace);
    params.set(ws.param, ws.path);
  }
  const payload = [];
  const remote = (p) => `vscode-remote://${server.authority}${path.resolve(ROOT, p)}`;
  if (o.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)]);
  if (o.extensionTestsPath) payload.push(['extensionTestsPath', remote(o.extensionTestsPath)]);
  if (payload.length) params.set('payload', JSON.stringify(payload));
  return `${server.origin}/?${params.toString()}`;
}

/**
 * Headless Debian chromium with a fresh profile (playwright refuses --user-data-dir in args).
 * @param {string} profileDir
 */
export async function launchBrowser(profileDir) {
  const { chromium } = await import('playwright-core');
  freshDir(profileDir);
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    env: harnessEnv(),
  });
}

/** Installs a packaged .vsix into an extensions dir with code-server's own CLI. */
export function installExtension(vsix, extensionsDir, userDataDir) {
  assertInstalled();
  const res = spawnSync(
    process.execPath,
    [CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'],
    { cwd: ROOT, env: harnessEnv(), encoding: 'utf8' },
  );
  if (res.status !== 0) {
    throw new Error(`--install-extension ${vsix} failed (${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  return res.stdout;
}
