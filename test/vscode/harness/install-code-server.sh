#!/usr/bin/env bash
# Idempotent install of code-server (VS Code 1.100.3 web workbench + Node server + Node extension host)
# into .vscode-test/code-server/, following ../shared/real-vscode.md: code-server's own postinstall downloads
# from GitHub, which is unreachable here, so its steps are done by hand.
#
# Cached by version: when .vscode-test/code-server/.installed names CODE_SERVER_VERSION and the Node ABI,
# and the server answers --version, nothing is done. Any other state is wiped and rebuilt from the npm registry.
# Also makes sure the Debian packages chromium, ripgrep and libkrb5-dev are there (CI starts clean; root).
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
VT="$ROOT/.vscode-test"
DEST="$VT/code-server"
MARKER="$DEST/.installed"
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"
# The cache key: code-server's version and the Node ABI its native modules were compiled for.
KEY="$CODE_SERVER_VERSION node-abi-$(node -p process.versions.modules)"

log() { printf '[install-code-server] %s\n' "$*"; }

# --- environment for every step (recipe §2, §9) ----------------------------------------------------------
mkdir -p "$VT/xdg/config" "$VT/xdg/data" "$VT/xdg/cache" "$VT/tmp"
export XDG_CONFIG_HOME="$VT/xdg/config" XDG_DATA_HOME="$VT/xdg/data" XDG_CACHE_HOME="$VT/xdg/cache"
export TMPDIR="$VT/tmp"
export npm_config_yes=true            # node-pty's install runs `npx node-gyp`
export npm_config_nodedir=/usr        # build against the local Node headers, no header download
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel="${npm_config_loglevel:-error}"

# --- Debian packages (recipe §1) ------------------------------------------------------------------------
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if ((${#need_apt[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}" >"$VT/apt.log" 2>&1; then
    log "apt-get install failed; running apt-get update first"
    $SUDO apt-get update -q >>"$VT/apt.log" 2>&1
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}" >>"$VT/apt.log" 2>&1 ||
      { cat "$VT/apt.log" >&2; exit 1; }
  fi
fi

# --- cache check --------------------------------------------------------------------------------------------
if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$KEY" ] && [ -f "$ENTRY" ]; then
  if node "$ENTRY" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
    log "code-server $CODE_SERVER_VERSION already installed in ${DEST#"$ROOT"/}"
    exit 0
  fi
  log "cached install does not answer --version; reinstalling"
fi

# --- install (recipe §3-§7) -----------------------------------------------------------------------------------
start=$SECONDS
rm -rf "$DEST"
mkdir -p "$DEST"
trap 'rc=$?; if [ $rc -ne 0 ]; then log "FAILED (exit $rc); removing partial install"; rm -rf "$DEST"; fi' EXIT
cd "$DEST"
printf '{ "name": "vscode-test-code-server", "private": true }\n' > package.json

log "npm install --ignore-scripts code-server@$CODE_SERVER_VERSION"
npm install --no-save --ignore-scripts --no-package-lock "code-server@$CODE_SERVER_VERSION" >"$DEST/npm-install.log" 2>&1 ||
  { cat "$DEST/npm-install.log" >&2; exit 1; }

CS="$DEST/node_modules/code-server"
log "rebuild argon2 from source"
(cd "$DEST" && npm_config_build_from_source=true npm rebuild argon2) >"$DEST/argon2.log" 2>&1 ||
  { cat "$DEST/argon2.log" >&2; exit 1; }

VS="$CS/lib/vscode"
log "lib/vscode: npm install --omit=dev --ignore-scripts"
(cd "$VS" && npm install --omit=dev --ignore-scripts) >"$DEST/vscode-install.log" 2>&1 ||
  { cat "$DEST/vscode-install.log" >&2; exit 1; }
# @vscode/ripgrep's postinstall skips its GitHub download when bin/ exists: use Debian's rg.
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
log "lib/vscode: npm rebuild (kerberos, node-pty, spdlog, watchdog)"
(cd "$VS" && npm rebuild) >"$DEST/vscode-rebuild.log" 2>&1 ||
  { cat "$DEST/vscode-rebuild.log" >&2; exit 1; }

# The symlinks code-server's postinstall.sh makes (recipe §6).
ln -sfn node_modules "$VS/node_modules.asar"
ln -sfn code-linux.sh "$VS/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VS/bin/helpers/browser.sh"

log "lib/vscode/extensions: npm install --omit=dev"
(cd "$VS/extensions" && npm install --omit=dev) >"$DEST/extensions-install.log" 2>&1 ||
  { cat "$DEST/extensions-install.log" >&2; exit 1; }

# (the first start also prints a line about the default config file it wrote under XDG_CONFIG_HOME)
out="$(node "$ENTRY" --version 2>&1 | grep "^$CODE_SERVER_VERSION " || true)"
[ -n "$out" ] || { log "code-server does not answer --version"; node "$ENTRY" --version >&2 || true; exit 1; }
printf '%s' "$KEY" > "$MARKER"
trap - EXIT
log "installed code-server $out in $((SECONDS - start)) s"
