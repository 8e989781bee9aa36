// Bundles every runtime entry point with esbuild (the pattern of VS Code's esbuild sample):
// one file per entry, `vscode` left external (and oxc-parser, whose native binding loads from
// node_modules at run time), sourcemaps only for development builds.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * The CLI is installed from npm with its dependencies, so it loads the TypeScript compiler from
 * node_modules, and only when the typescript-estree parser is used; the extension's .vsix carries
 * no node_modules, so its bundles include it.
 */
const FROM_NODE_MODULES = ['typescript', '@typescript-eslint/typescript-estree'];

const ENTRIES = [
  { in: 'src/cli/main.ts', out: 'cli', platform: 'node', banner: '#!/usr/bin/env node', external: FROM_NODE_MODULES },
  { in: 'src/runner/analysis-worker.ts', out: 'analysis-worker', platform: 'node', external: FROM_NODE_MODULES },
  { in: 'src/extension/extension.ts', out: 'extension', platform: 'node' },
  { in: 'src/extension/editor-worker.ts', out: 'editor-worker', platform: 'node' },
  { in: 'src/webview/lessons-panel.ts', out: 'webview/lessons-panel', platform: 'browser' },
];

/** What an entry leaves to `require` at run time (the benchmark builds its own CLI copy with the same). */
function externalsOf(entry) {
  return ['vscode', 'oxc-parser', ...(entry.external ?? [])];
}

async function main() {
  const builds = ENTRIES.filter((entry) => fs.existsSync(path.join(__dirname, entry.in))).map((entry) => ({
    entryPoints: { [entry.out]: entry.in },
    outdir: 'dist',
    bundle: true,
    format: entry.platform === 'browser' ? 'iife' : 'cjs',
    platform: entry.platform,
    target: entry.platform === 'browser' ? 'es2022' : 'node20',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    external: externalsOf(entry),
    banner: entry.banner ? { js: entry.banner } : undefined,
    logLevel: 'warning',
  }));
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  const cli = path.join(__dirname, 'dist', 'cli.js');
  if (fs.existsSync(cli)) fs.chmodSync(cli, 0o755);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { ENTRIES, externalsOf };
