/**
 * Builds a private copy of the CLI (and its analysis worker, which must sit next to it) from the
 * current sources into bench/.corpus/dist, with the options of the project's esbuild.js (bundled,
 * CommonJS, node20) but unminified and with source maps, so that profiles name functions and files.
 * dist/ is shared with everyone working in the tree and may be rebuilt (or minified) mid-run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The modules the project's esbuild.js leaves to `require` at run time for one entry (native parsers, the TypeScript compiler). */
function projectExternals(repoRoot: string, source: string): string[] {
  const config = require(path.join(repoRoot, 'esbuild.js')) as { ENTRIES: { in: string }[]; externalsOf(entry: { in: string }): string[] };
  const entry = config.ENTRIES.find((candidate) => candidate.in === source);
  if (!entry) throw new Error(`esbuild.js has no entry for ${source}`);
  return config.externalsOf(entry);
}

export async function buildPrivateCli(repoRoot: string, outDir: string): Promise<string> {
  const esbuild = require(path.join(repoRoot, 'node_modules', 'esbuild')) as typeof import('esbuild');
  const entries: Record<string, string> = { cli: 'src/cli/main.ts', 'analysis-worker': 'src/runner/analysis-worker.ts' };
  for (const [, src] of Object.entries(entries)) {
    if (!fs.existsSync(path.join(repoRoot, src))) throw new Error(`${src} does not exist yet`);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: false,
    sourcemap: true,
    sourcesContent: false,
    // Left external, they resolve at run time from the repository's node_modules (up the tree).
    external: [...new Set(Object.values(entries).flatMap((source) => projectExternals(repoRoot, source)))],
    logLevel: 'warning',
  });
  return path.join(outDir, 'cli.js');
}
