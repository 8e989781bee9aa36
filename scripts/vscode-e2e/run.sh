#!/usr/bin/env bash
# Builds and packages the extension, then runs the extension-host suites and the UI test in a real
# VS Code (code-server + Chromium). Needs scripts/vscode-e2e/install.sh first. Exits non-zero on any
# failure. Results: test-results/ (JSON summary, screenshots, code-server logs).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
mkdir -p test-results .vscode-test

echo "run.sh: building"
node esbuild.js --production
node scripts/vscode-e2e/build-tests.js

echo "run.sh: packaging"
VSIX="$ROOT/.vscode-test/fallacy-lens.vsix"
rm -f "$VSIX"
"$ROOT/node_modules/.bin/vsce" package --no-dependencies --out "$VSIX" 2>&1 | tee test-results/vsce-package.log
if grep -qi "warning" test-results/vsce-package.log; then
  echo "run.sh: vsce printed warnings (see test-results/vsce-package.log)" >&2
  exit 1
fi

echo "run.sh: running the suites in code-server"
node out/test/vscode/run-code-server.js "$VSIX"
