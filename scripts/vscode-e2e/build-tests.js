// Compiles the extension-host suites to out/test/vscode (one CommonJS file per suite, helpers
// bundled in; `vscode`, `mocha` and `typescript` come from the host and node_modules at run time).
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const suiteDir = path.join(root, 'test', 'vscode', 'suite');
const entryPoints = [
  path.join(root, 'test', 'vscode', 'index.ts'),
  path.join(root, 'test', 'vscode', 'run-electron.ts'),
  path.join(root, 'test', 'vscode', 'run-code-server.ts'),
  ...fs.readdirSync(suiteDir).filter((name) => name.endsWith('.test.ts')).map((name) => path.join(suiteDir, name)),
];

esbuild
  .build({
    entryPoints,
    outbase: path.join(root, 'test', 'vscode'),
    outdir: path.join(root, 'out', 'test', 'vscode'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha', 'typescript', '@vscode/test-electron', 'playwright-core'],
    logLevel: 'warning',
  })
  .catch(() => process.exit(1));
