/**
 * Where a scan's time goes, phase by phase, in one thread (CPU time, so that other work on the
 * machine distorts it less than wall time): reading, the prefilters, parsing (TypeScript alone, and
 * typescript-estree with the analyzer's options and variants of them), indexing, analysing. It is a
 * measurement aid for deciding what to optimise; its figures go into docs/BENCHMARKS.md by hand.
 *
 *   npx tsx bench/phases.ts [--corpus synthetic|node_modules|<dir>] [--files 2000]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { prepareCorpus } from './lib/corpus';

const REPO_ROOT = path.join(__dirname, '..');

function listFiles(root: string): string[] {
  const out: string[] = [];
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name !== '.git') stack.push(r);
      } else if (/\.(?:[cm]?[jt]s|[jt]sx)$/.test(e.name)) out.push(r);
    }
  }
  return out.sort();
}

function cpuMs<T>(fn: () => T): { ms: number; value: T } {
  const before = process.cpuUsage();
  const value = fn();
  const d = process.cpuUsage(before);
  return { ms: (d.user + d.system) / 1000, value };
}

function main(): void {
  const argv = process.argv.slice(2);
  const arg = (n: string): string | undefined => {
    const i = argv.indexOf(n);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const corpus = prepareCorpus(arg('--corpus') ?? 'synthetic', { files: Number(arg('--files') ?? 2000), seed: 1, repoRoot: REPO_ROOT });
  const api = require(path.join(REPO_ROOT, 'src', 'analyzer')) as {
    indexFile: (f: { path: string; text: string }, c: unknown) => unknown;
    analyzeFile: (f: { path: string; text: string }, i: unknown, c: unknown) => { findings: unknown[] };
    buildProjectIndex: (facts: unknown[]) => unknown;
  };
  const { defaultConfig } = require(path.join(REPO_ROOT, 'src', 'analyzer', 'config')) as { defaultConfig: () => unknown };
  const prefilter = require(path.join(REPO_ROOT, 'src', 'analyzer', 'prefilter')) as {
    mayHoldFacts: (t: string) => boolean;
    mayContainNetworkCall: (t: string, i: unknown) => boolean;
  };
  const ts = require(require.resolve('typescript', { paths: [REPO_ROOT] })) as typeof import('typescript');
  const estree = require(require.resolve('@typescript-eslint/typescript-estree', { paths: [REPO_ROOT] })) as {
    parse: (text: string, options: Record<string, unknown>) => unknown;
  };
  const config = defaultConfig();
  const paths = listFiles(corpus.dir);
  const rows: Array<[string, number, string]> = [];

  const read = cpuMs(() => paths.map((p) => ({ path: p, text: fs.readFileSync(path.join(corpus.dir, p), 'utf8') })));
  const files = read.value;
  rows.push(['read all files (readFileSync utf8)', read.ms, '']);
  const mb = files.reduce((n, f) => n + f.text.length, 0) / 1e6;

  // Warm the JIT on a slice, so that the first measured phase does not pay for it alone.
  for (const f of files.slice(0, 50)) {
    try {
      estree.parse(f.text, { filePath: f.path, loc: true, range: true, comment: true });
    } catch {
      // a file that does not parse still warms the parser
    }
  }

  const facts = cpuMs(() => files.filter((f) => prefilter.mayHoldFacts(f.text)).length);
  rows.push(['prefilter mayHoldFacts (index phase)', facts.ms, `${facts.value}/${files.length} files pass → parsed in phase 1`]);

  const tsOnly = cpuMs(() => {
    for (const f of files) ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, false);
  });
  rows.push(['ts.createSourceFile only (no parents)', tsOnly.ms, '']);
  const tsParents = cpuMs(() => {
    for (const f of files) ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, true);
  });
  rows.push(['ts.createSourceFile, setParentNodes', tsParents.ms, '']);
  const variants: Array<[string, Record<string, unknown>]> = [
    ['estree parse as the analyzer does (loc, range, comment)', { loc: true, range: true, comment: true, tokens: false }],
    ['estree parse without comments', { loc: true, range: true, comment: false, tokens: false }],
    ['estree parse without comments and loc', { loc: false, range: true, comment: false, tokens: false }],
  ];
  for (const [label, options] of variants) {
    const t = cpuMs(() => {
      for (const f of files) {
        try {
          estree.parse(f.text, { filePath: f.path, errorOnUnknownASTType: false, ...options });
        } catch {
          // parse errors count as work done
        }
      }
    });
    rows.push([label, t.ms, '']);
  }

  const index = cpuMs(() => files.map((f) => api.indexFile(f, config)));
  rows.push(['indexFile, all files (phase 1)', index.ms, '']);
  const built = cpuMs(() => api.buildProjectIndex(index.value));
  rows.push(['buildProjectIndex', built.ms, '']);
  const network = cpuMs(() => files.filter((f) => prefilter.mayContainNetworkCall(f.text, built.value)).length);
  rows.push(['prefilter mayContainNetworkCall (analyze phase)', network.ms, `${network.value}/${files.length} files pass → parsed again in phase 2`]);
  let findings = 0;
  const analyze = cpuMs(() => {
    for (const f of files) findings += api.analyzeFile(f, built.value, config).findings.length;
  });
  rows.push(['analyzeFile, all files (phase 2)', analyze.ms, `${findings} findings`]);

  console.log(`${corpus.description}: ${files.length} files, ${mb.toFixed(1)} MB (CPU ms, one thread)`);
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [label, ms, note] of rows) console.log(`${label.padEnd(w)}  ${ms.toFixed(0).padStart(7)} ms  ${note}`);
}

main();
