#!/usr/bin/env bash
# Installs what the real-VS-Code test route needs on a fresh Debian machine (idempotent):
# Debian's chromium, ripgrep and libkrb5-dev, then code-server 4.99.4 in a folder of its own
# (.vscode-test/code-server) so that its ~170 MB never enter the project's dependencies.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CODE_SERVER_VERSION="4.99.4"
CODE_SERVER_DIR="$ROOT/.vscode-test/code-server"
CODE_SERVER_BIN="$CODE_SERVER_DIR/node_modules/.bin/code-server"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing_packages=()
[ -x /usr/bin/chromium ] || missing_packages+=(chromium)
[ -x /usr/bin/rg ] || missing_packages+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing_packages+=(libkrb5-dev)
if [ "${#missing_packages[@]}" -gt 0 ]; then
  echo "install.sh: apt-get install ${missing_packages[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_packages[@]}"
fi

if [ -x "$CODE_SERVER_BIN" ] && "$CODE_SERVER_BIN" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION"; then
  echo "install.sh: code-server $CODE_SERVER_VERSION already installed"
else
  # code-server's postinstall fetches ripgrep from GitHub, which is unreachable here; its downloader
  # first looks for a cached archive, so we hand it Debian's rg in the expected shape.
  rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  rg_archive="$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -s "$rg_archive" ]; then
    mkdir -p "$rg_cache"
    staging="$(mktemp -d)"
    cp /usr/bin/rg "$staging/rg"
    tar -czf "$rg_archive" -C "$staging" rg
    rm -rf "$staging"
  fi
  mkdir -p "$CODE_SERVER_DIR"
  [ -f "$CODE_SERVER_DIR/package.json" ] || echo '{ "name": "fallacy-lens-code-server", "private": true }' > "$CODE_SERVER_DIR/package.json"
  echo "install.sh: npm install code-server@$CODE_SERVER_VERSION (about a minute)"
  (cd "$CODE_SERVER_DIR" && npm_config_yes=true npm_config_unsafe_perm=true \
    npm install --unsafe-perm --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION")
fi

# The project's own dev dependencies (playwright-core, @vscode/vsce, esbuild, …).
if [ ! -d "$ROOT/node_modules/playwright-core" ] || [ ! -d "$ROOT/node_modules/@vscode/vsce" ]; then
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi

"$CODE_SERVER_BIN" --version | head -1
echo "install.sh: done"
