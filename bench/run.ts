/**
 * Repository-scan benchmark: this project's CLI against ESLint 10 (+ @typescript-eslint/parser, one
 * `no-restricted-syntax` rule) and ast-grep (one equivalent YAML rule), on the same files.
 *
 *   npx tsx bench/run.ts [--corpus synthetic|node_modules|<dir>]... [--runs 5] [--files 2000] [--seed 1]
 *                        [--tools ours,eslint,ast-grep] [--eslint-concurrency N] [--latency-iterations 100]
 *                        [--latency-project 500] [--no-latency] [--shards 2] [--no-doc] [--doc docs/BENCHMARKS.md]
 *                        [--cli dist/cli.js]
 *
 * Our CLI is built from the current src/ into bench/.corpus/dist (esbuild, unminified, with source
 * maps) unless --cli names one: dist/ is shared and may be rebuilt, or minified, during a run.
 *
 * With no --corpus, runs `synthetic` and `node_modules`. Each tool runs once untimed (warm-up: page
 * cache, and the cache of a warm re-scan), then --runs times, round-robin; the median wall time and the
 * largest peak RSS are reported. It exits non-zero only when a tool fails to run, never on timings.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCorpus, generateLargeFile } from './generate-corpus';
import { buildPrivateCli } from './lib/build';
import { CORPUS_ROOT, prepareCorpus, SELECTION, type CorpusInfo } from './lib/corpus';
import { describeMachine, GNU_TIME, measure, median, percentile, type Machine, type RunResult } from './lib/measure';
import { HISTORY_END, HISTORY_START, markdownTable, RESULTS_END, RESULTS_START, SECTION_HEADING, table, writeDoc } from './lib/report';
import { astGrepTool, ensureBenchDeps, eslintTool, oursCapabilities, oursTool, tempConfigDir, type Outcome, type Tool } from './lib/tools';

const REPO_ROOT = path.join(__dirname, '..');

interface Args {
  corpora: string[];
  runs: number;
  files: number;
  seed: number;
  tools: Set<string>;
  eslintConcurrency?: string;
  latency: boolean;
  latencyIterations: number;
  latencyProject: number;
  doc: string | null;
  shards: number;
  /** Our CLI: a private build from src/ (default) or the given file. */
  cli: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    corpora: [],
    runs: 5,
    files: 2000,
    seed: 1,
    tools: new Set(['ours', 'eslint', 'ast-grep']),
    latency: true,
    latencyIterations: 100,
    latencyProject: 500,
    doc: path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md'),
    shards: 2,
    cli: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--corpus') args.corpora.push(value());
    else if (a === '--runs') args.runs = Math.max(1, Number(value()));
    else if (a === '--files') args.files = Number(value());
    else if (a === '--seed') args.seed = Number(value());
    else if (a === '--tools') args.tools = new Set(value().split(','));
    else if (a === '--eslint-concurrency') args.eslintConcurrency = value();
    else if (a === '--no-latency') args.latency = false;
    else if (a === '--latency-iterations') args.latencyIterations = Number(value());
    else if (a === '--latency-project') args.latencyProject = Number(value());
    else if (a === '--no-doc') args.doc = null;
    else if (a === '--doc') args.doc = path.resolve(value());
    else if (a === '--shards') args.shards = Number(value());
    else if (a === '--cli') args.cli = path.resolve(value());
    else if (a === '--help' || a === '-h') {
      console.log(fs.readFileSync(__filename, 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (args.corpora.length === 0) args.corpora = ['synthetic', 'node_modules'];
  return args;
}

interface ToolResult {
  tool: Tool;
  runs: RunResult[];
  outcome: Outcome | null;
  error?: string;
}

interface CorpusResult {
  corpus: CorpusInfo;
  results: ToolResult[];
  warnings: string[];
  /** 1-minute load average before each timed run: other work on the machine skews wall times. */
  loads: number[];
}

function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function peakRssKiB(runs: RunResult[]): number {
  return Math.max(...runs.map((r) => Math.max(r.maxRssKiB ?? 0, r.treeRssKiB)));
}

function fmtMiB(kib: number): string {
  return `${(kib / 1024).toFixed(0)} MB`;
}

async function runCorpus(corpus: CorpusInfo, tools: Tool[], runs: number): Promise<CorpusResult> {
  const results: ToolResult[] = tools.map((tool) => ({ tool, runs: [], outcome: null }));
  const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), `fl-bench-${corpus.name}-`));
  const warnings: string[] = [];
  const loads: number[] = [];
  for (let round = 0; round <= runs; round++) {
    for (const r of results) {
      if (r.error) continue;
      r.tool.before?.(corpus.dir);
      const outDir = path.join(outRoot, `${r.tool.id}-${round}`);
      fs.mkdirSync(outDir, { recursive: true });
      if (round > 0) loads.push(os.loadavg()[0]!);
      process.stdout.write(`  ${round === 0 ? 'warm-up' : `run ${round}/${runs}`}: ${r.tool.label} … `);
      const res = await measure(r.tool.cmd, r.tool.args, { cwd: corpus.dir, env: r.tool.env, outDir, timeoutMs: 30 * 60_000 });
      process.stdout.write(`${fmtMs(res.wallMs)}, ${fmtMiB(Math.max(res.maxRssKiB ?? 0, res.treeRssKiB))}\n`);
      if (!r.tool.okExit(res.exitCode)) {
        const stderr = fs.readFileSync(res.stderrPath, 'utf8').slice(-2000);
        r.error = `exit ${res.exitCode}${res.signal ? ` (${res.signal})` : ''}: ${stderr.trim()}`;
        continue;
      }
      if (round === 0 || r.outcome === null) {
        try {
          r.outcome = r.tool.read(fs.readFileSync(res.stdoutPath, 'utf8'), fs.readFileSync(res.stderrPath, 'utf8'));
        } catch (e) {
          r.error = `could not read its output: ${(e as Error).message}`;
          continue;
        }
      }
      if (round > 0) r.runs.push(res);
    }
  }
  fs.rmSync(outRoot, { recursive: true, force: true });
  for (const r of results) {
    if (r.error || !r.outcome) continue;
    if (r.outcome.files !== null && r.outcome.files !== corpus.files) {
      warnings.push(`${r.tool.label} processed ${r.outcome.files} files, not the corpus's ${corpus.files}: its figures are for a different amount of work.`);
    } else if (r.outcome.files === null) {
      warnings.push(`${r.tool.label} does not say how many files it processed.`);
    }
    if (r.outcome.parseErrors) warnings.push(`${r.tool.label} could not parse ${r.outcome.parseErrors} files.`);
    if (r.outcome.note) warnings.push(`${r.tool.label}: ${r.outcome.note}.`);
  }
  const busiest = Math.max(...loads);
  if (busiest > os.cpus().length + 0.5) {
    warnings.push(
      `The machine was busy with other work (1-minute load average up to ${busiest.toFixed(1)} on ${os.cpus().length} cores): wall times are inflated; CPU seconds are less affected.`,
    );
  }
  const competitors = results.filter((r) => !r.error && r.outcome && (r.tool.id.startsWith('eslint') || r.tool.id === 'ast-grep'));
  const matchCounts = new Set(competitors.map((r) => r.outcome!.matches));
  if (matchCounts.size > 1) {
    warnings.push(`The competitors disagree on the matches: ${competitors.map((r) => `${r.tool.label} ${r.outcome!.matches}`).join(', ')}.`);
  }
  if (corpus.manifest) {
    const expected = corpus.manifest.competitorMatches.total;
    for (const r of competitors) {
      if (r.outcome!.matches !== expected) warnings.push(`${r.tool.label} matched ${r.outcome!.matches} calls; the manifest expects ${expected}.`);
    }
  }
  return { corpus, results, warnings, loads };
}

interface Row {
  label: string;
  wall: string;
  filesPerSec: string;
  mbPerSec: string;
  cpu: string;
  rss: string;
  files: string;
  matches: string;
  vsOurs: string;
}

function rows(cr: CorpusResult): { rows: Row[]; ratios: string[] } {
  const mb = cr.corpus.bytes / 1e6;
  const oursCold = cr.results.find((r) => r.tool.id === 'ours-cold' && r.runs.length);
  const oursColdMs = oursCold ? median(oursCold.runs.map((r) => r.wallMs)) : NaN;
  const out: Row[] = cr.results.map((r) => {
    if (r.error || r.runs.length === 0) {
      return { label: r.tool.label, wall: 'FAILED', filesPerSec: '', mbPerSec: '', cpu: '', rss: '', files: '', matches: '', vsOurs: '' };
    }
    const ms = median(r.runs.map((x) => x.wallMs));
    return {
      label: r.tool.label,
      wall: fmtMs(ms),
      filesPerSec: (cr.corpus.files / (ms / 1000)).toFixed(0),
      mbPerSec: (mb / (ms / 1000)).toFixed(2),
      cpu: r.runs.every((x) => x.cpuSec !== null) ? `${median(r.runs.map((x) => x.cpuSec!)).toFixed(1)} s` : '?',
      rss: fmtMiB(peakRssKiB(r.runs)),
      files: r.outcome?.files === null || r.outcome === null ? '?' : String(r.outcome.files),
      matches: r.outcome?.matches === null || r.outcome === null ? '?' : String(r.outcome.matches),
      vsOurs: Number.isFinite(oursColdMs) ? `${(ms / oursColdMs).toFixed(2)}×` : '',
    };
  });
  const ratios: string[] = [];
  const med = (id: string): number => {
    const r = cr.results.find((x) => x.tool.id === id && x.runs.length);
    return r ? median(r.runs.map((x) => x.wallMs)) : NaN;
  };
  const eslint = med('eslint');
  const astGrep = med('ast-grep');
  const warm = med('ours-warm');
  if (Number.isFinite(oursColdMs)) {
    if (Number.isFinite(eslint)) ratios.push(`ESLint/ours (cold) = ${(eslint / oursColdMs).toFixed(2)} (target ≥ 5) ${eslint / oursColdMs >= 5 ? 'met' : 'NOT met'}`);
    if (Number.isFinite(astGrep)) {
      const r = oursColdMs / astGrep;
      ratios.push(
        `ast-grep/ours (cold) = ${(astGrep / oursColdMs).toFixed(2)}, i.e. ours/ast-grep = ${r.toFixed(2)} (target ≤ 1.0, first step ≤ 1.5) ${r <= 1 ? 'met' : r <= 1.5 ? 'first step met' : 'NOT met'}`,
      );
    }
    const estree = med('ours-cold-parsertypescriptestree');
    if (Number.isFinite(estree) && Number.isFinite(eslint)) {
      ratios.push(`with the portable parser (--parser typescript-estree): ESLint/ours = ${(eslint / estree).toFixed(2)}, ours/ast-grep = ${Number.isFinite(astGrep) ? (estree / astGrep).toFixed(2) : '–'}`);
    }
    if (Number.isFinite(warm)) ratios.push(`cold/warm (unchanged repo, cache on disk) = ${(oursColdMs / warm).toFixed(1)} (target ≥ 20) ${oursColdMs / warm >= 20 ? 'met' : 'NOT met'}`);
    const rss = oursCold ? peakRssKiB(oursCold.runs) / 1024 : NaN;
    if (cr.corpus.files >= 5000 && Number.isFinite(rss)) ratios.push(`ours peak RSS on ${cr.corpus.files} files = ${rss.toFixed(0)} MB (target ≤ 400 MB) ${rss <= 400 ? 'met' : 'NOT met'}`);
  }
  for (const r of cr.results.filter((x) => x.tool.id.includes('-shard') && x.runs.length)) {
    const ms = median(r.runs.map((x) => x.wallMs));
    if (Number.isFinite(oursColdMs)) ratios.push(`${r.tool.label}: ${fmtMs(ms)} = ${((ms / oursColdMs) * 100).toFixed(0)}% of the full cold scan`);
  }
  return { rows: out, ratios };
}

const HEADER = ['tool', 'wall (median)', 'files/s', 'MB/s', 'CPU user+sys', 'peak RSS', 'files seen', 'matches / findings', 'time vs ours'];
const ALIGN: Array<'l' | 'r'> = ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'];

function toCells(r: Row): string[] {
  return [r.label, r.wall, r.filesPerSec, r.mbPerSec, r.cpu, r.rss, r.files, r.matches, r.vsOurs];
}

function corpusLine(c: CorpusInfo): string {
  const ext = Object.entries(c.byExtension)
    .sort((a, b) => b[1] - a[1])
    .map(([e, n]) => `${n} ${e}`)
    .join(', ');
  const ex = c.excluded;
  const excluded = ex.declarations + ex.tooLarge + ex.minified + ex.other;
  return (
    `${c.description}: ${c.files} files (${ext}), ${(c.bytes / 1e6).toFixed(1)} MB, ${c.lines.toLocaleString('en-US')} lines` +
    (excluded
      ? `; left out: ${ex.declarations} declaration files, ${ex.tooLarge} over ${SELECTION.maxBytes / 1024} KiB, ${ex.minified} minified/bundled/generated${ex.other ? `, ${ex.other} unreadable/binary` : ''} (by ${c.selection ?? 'the selection rules'})`
      : '')
  );
}

interface Latency {
  parser: string;
  lines: number;
  projectFiles: number;
  iterations: number;
  analyze: { p50: number; p95: number };
  reindexAndAnalyze: { p50: number; p95: number };
  findings: number;
}

type ParserOption = { parser?: string; incremental?: boolean };
type AnalyzerApi = {
  analyzeFile: (file: { path: string; text: string }, index: unknown, config: unknown, options?: ParserOption) => { findings?: unknown[] };
  indexFile: (file: { path: string; text: string }, config: unknown, options?: ParserOption) => unknown;
  oxcAvailable?: () => boolean;
  buildProjectIndex: (facts: unknown[]) => unknown;
  updateProjectIndex?: (index: unknown, facts: unknown) => unknown;
};

/**
 * Single-file re-analysis of a generated 3 000-line file, in-process through the analyzer API, as the
 * editor does it after an edit: the project index of a surrounding project (the synthetic corpus of
 * `projectFiles` files) stands, the file changes (a new comment at its end per edit, so nothing can come
 * from a content cache), and each tree is built from the previous one (`incremental`, as the editor
 * asks). Measures indexFile + updateProjectIndex (or buildProjectIndex) + analyzeFile, the editor's
 * path, and, after another edit, analyzeFile alone.
 */
async function singleFileLatency(iterations: number, projectFiles: number): Promise<Latency[] | string> {
  let api: Partial<AnalyzerApi>;
  let configMod: { defaultConfig?: () => unknown };
  try {
    // Loaded at run time (through tsx), so the benchmark builds and runs before the API exists.
    api = require(path.join(REPO_ROOT, 'src', 'analyzer')) as Partial<AnalyzerApi>;
    configMod = require(path.join(REPO_ROOT, 'src', 'analyzer', 'config')) as { defaultConfig?: () => unknown };
  } catch (e) {
    return `analyzer API not available yet (${(e as Error).message.split('\n')[0]})`;
  }
  const { analyzeFile, indexFile, buildProjectIndex, updateProjectIndex } = api;
  const defaultConfig = configMod.defaultConfig;
  if (!analyzeFile || !indexFile || !buildProjectIndex || !defaultConfig) {
    return 'analyzer API lacks analyzeFile/indexFile/buildProjectIndex/defaultConfig';
  }
  const config = defaultConfig();
  const big = generateLargeFile(3000);
  const project = generateCorpus({ files: projectFiles, seed: 1 }).files;
  // Each parser the analyzer offers: the API's default (typescript-estree), and oxc where its binding loads.
  const parsers: Array<string | undefined> = [undefined];
  if (api.oxcAvailable?.()) parsers.push('oxc');
  const out: Latency[] = [];
  for (const parser of parsers) {
    const opts: ParserOption = parser ? { parser, incremental: true } : { incremental: true };
    const projectFacts = project.map((f) => indexFile(f, config, opts));
    const index = buildProjectIndex([...projectFacts, indexFile(big, config, opts)]);
    const analyzeTimes: number[] = [];
    const fullTimes: number[] = [];
    let findings = 0;
    const warmup = Math.min(20, Math.ceil(iterations / 5));
    for (let i = 0; i < warmup + iterations; i++) {
      const edited = { path: big.path, text: `${big.text}// edit ${i}\n` };
      let t0 = process.hrtime.bigint();
      const facts = indexFile(edited, config, opts);
      const idx = updateProjectIndex ? updateProjectIndex(index, facts) : buildProjectIndex([...projectFacts, facts]);
      analyzeFile(edited, idx, config, opts);
      const f = Number(process.hrtime.bigint() - t0) / 1e6;
      const editedAgain = { path: big.path, text: `${big.text}// edit ${i}.\n` };
      t0 = process.hrtime.bigint();
      const result = analyzeFile(editedAgain, index, config, opts);
      const a = Number(process.hrtime.bigint() - t0) / 1e6;
      if (i >= warmup) {
        analyzeTimes.push(a);
        fullTimes.push(f);
      }
      findings = result?.findings?.length ?? findings;
    }
    out.push({
      parser: parser ?? 'typescript-estree (API default)',
      lines: big.text.split('\n').length - 1,
      projectFiles,
      iterations,
      analyze: { p50: percentile(analyzeTimes, 50), p95: percentile(analyzeTimes, 95) },
      reindexAndAnalyze: { p50: percentile(fullTimes, 50), p95: percentile(fullTimes, 95) },
      findings,
    });
  }
  return out;
}

function gitDescribe(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${sha} (src/ modified)` : sha;
  } catch {
    return 'unknown';
  }
}

function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}, Node ${m.node}`;
}

const TEMPLATE = `${SECTION_HEADING}

How fast \`fallacy-lens scan\` is on a whole repository, next to the cheapest thing an ESLint user could
do (ESLint 10 with \`@typescript-eslint/parser\` and one \`no-restricted-syntax\` rule selecting
\`CallExpression[callee.name='fetch'], CallExpression[callee.object.name='axios']\`) and ast-grep with
the equivalent YAML rule (one per grammar: TypeScript, Tsx, JavaScript). The competitors are
devDependencies of \`bench/\` only (\`bench/package.json\`, installed with \`npm ci --prefix bench\`).

Run it with \`npm run bench\`, or \`npx tsx bench/run.ts [--corpus synthetic|node_modules|<dir>]... [--runs 5] [--files 2000]\`.

- **Corpora.** \`synthetic\`: \`bench/generate-corpus.ts\`, seeded, N files (default 2 000) of services,
  models, utilities, scripts and components; about a quarter have network calls (fetch, axios, got, ky,
  direct and through instances created in one file and imported in others, p-retry wrappers, loops,
  Promise.all fan-outs); \`manifest.json\` records every call site and how many calls the competitors'
  rule must match. \`node_modules\`: the JavaScript and TypeScript of this project's own dependencies.
  \`<dir>\`: any folder, e.g. a public repository (its node_modules left out). Real code is mirrored
  (hard links) into \`bench/.corpus/\` without declaration files and without the files our analyzer
  would skip unread (over 1 MiB, minified, bundled, marked generated), with directories renamed so that
  no tool's built-in ignore list applies: every tool gets the same files, and the runner checks the file
  count each one reports and that the competitors agree on the matches (and with the manifest).
- **Our CLI** is built from the current \`src/\` into \`bench/.corpus/dist\` (esbuild, as \`esbuild.js\` does,
  unminified, with source maps), because \`dist/\` is shared and may be rebuilt during a run
  (\`--cli dist/cli.js\` times that one instead). It runs with its defaults (\`--format json\`, worker
  threads: one per core, \`--parser auto\`: oxc where its native binding is installed) and once more with
  \`--parser typescript-estree\`, the portable parser. "Warm" (an unchanged repo, content-hash cache on disk) and \`--shard K/N\` are
  timed automatically once \`scan --help\` lists \`--cache\` / \`--shard\`.
- **Method.** Each tool runs once untimed (page cache, and the cache of a warm run), then \`--runs\` times
  round-robin. Wall time is the median; CPU is user+system seconds (GNU time), which other work on a shared
  machine distorts much less than wall time; peak RSS is the largest of GNU time's \`%M\` and the summed
  RSS of the process tree polled from /proc. The 1-minute load average is recorded; wall times taken
  while the machine was busy are flagged. The runner never fails on timings; it fails when a tool fails.
- **Single-file re-analysis**: a generated 3 000-line service file inside a 500-file synthetic project,
  edited (a new comment) before each of the iterations, timed in-process through the analyzer API.

The runner replaces the per-corpus blocks below with its latest figures and adds lines to the history.

${RESULTS_START}
${RESULTS_END}

### History

${HISTORY_START}
| date | commit | corpus | files | ours cold | ours warm | ESLint | ast-grep | ESLint/ours | ours/ast-grep | ours RSS | 3 000-line p50 |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${HISTORY_END}
`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const machine = describeMachine();
  const commit = gitDescribe();
  const command = `npx tsx bench/run.ts ${process.argv.slice(2).join(' ')}`.trim();
  console.log(`machine: ${machineLine(machine)}`);
  if (!GNU_TIME) console.log('note: GNU time not found (apt-get install time); peak RSS comes from polling /proc only.');

  if (args.tools.has('eslint') || args.tools.has('ast-grep')) ensureBenchDeps();
  const configDir = tempConfigDir();
  const problems: string[] = [];
  let cli = args.cli;
  if (args.tools.has('ours') && !cli) {
    try {
      cli = await buildPrivateCli(REPO_ROOT, path.join(CORPUS_ROOT, 'dist'));
      console.log(`our CLI: built from the current src/ into ${path.relative(REPO_ROOT, cli)} (unminified, with source maps)`);
    } catch (e) {
      problems.push(`our CLI could not be built (${(e as Error).message}): it was not timed.`);
    }
  }
  const caps = args.tools.has('ours') && cli ? oursCapabilities(cli) : null;
  if (args.tools.has('ours') && cli && !caps) problems.push(`${cli} does not exist: our CLI was not timed.`);

  const corpusResults: CorpusResult[] = [];
  let failed = false;
  for (const spec of args.corpora) {
    const corpus = prepareCorpus(spec, { files: args.files, seed: args.seed, repoRoot: REPO_ROOT });
    console.log(`\ncorpus ${corpus.name}: ${corpusLine(corpus)}`);
    const tools: Tool[] = [];
    const cacheDir = path.join(configDir, `cache-${corpus.name}`);
    if (caps) {
      tools.push(oursTool(caps, 'cold', cacheDir));
      if (caps.parser) tools.push(oursTool(caps, 'cold', cacheDir, ['--parser', 'typescript-estree']));
      if (caps.cache) tools.push(oursTool(caps, 'warm', cacheDir));
      if (caps.shard) for (let k = 1; k <= args.shards; k++) tools.push(oursTool(caps, 'cold', cacheDir, ['--shard', `${k}/${args.shards}`]));
    }
    if (args.tools.has('eslint')) {
      tools.push(eslintTool(configDir));
      if (args.eslintConcurrency) tools.push(eslintTool(configDir, args.eslintConcurrency));
    }
    if (args.tools.has('ast-grep')) tools.push(astGrepTool(configDir));
    const cr = await runCorpus(corpus, tools, args.runs);
    corpusResults.push(cr);
    for (const r of cr.results) {
      if (r.error) {
        failed = true;
        console.error(`\n${r.tool.label} FAILED: ${r.error}`);
      }
    }
  }

  let latency: Latency[] | string | null = null;
  if (args.latency && args.tools.has('ours')) {
    console.log('\nsingle-file re-analysis (3 000-line file, in-process)…');
    latency = await singleFileLatency(args.latencyIterations, args.latencyProject);
  }

  // Report.
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const out: string[] = [];
  const blocks: Array<{ key: string; body: string }> = [];
  const runLine = `Run ${when}, commit ${commit}, \`${command}\`, ${args.runs} timed runs per tool (median wall, median CPU, largest peak RSS). Machine: ${machineLine(machine)}.`;
  for (const cr of corpusResults) {
    const { rows: rs, ratios } = rows(cr);
    const md: string[] = [`#### ${cr.corpus.name}`, '', runLine, '', corpusLine(cr.corpus), '', markdownTable(HEADER, rs.map(toCells), ALIGN)];
    out.push(`\n${corpusLine(cr.corpus)}`, table(HEADER, rs.map(toCells), ALIGN));
    const load = `1-minute load average before the timed runs: median ${median(cr.loads).toFixed(1)}, max ${Math.max(...cr.loads).toFixed(1)} (${machine.cores} cores)`;
    out.push(`  ${load}`);
    md.push('', `- ${load}`);
    if (ratios.length) {
      out.push(...ratios.map((r) => `  ${r}`));
      md.push(...ratios.map((r) => `- ${r}`));
    }
    if (cr.warnings.length) {
      out.push(...cr.warnings.map((w) => `  WARNING: ${w}`));
      md.push(...cr.warnings.map((w) => `- ⚠ ${w}`));
    }
    if (problems.length) md.push(...problems.map((p) => `- ${p}`));
    blocks.push({ key: cr.corpus.name, body: md.join('\n') });
  }
  if (latency !== null) {
    if (typeof latency === 'string') {
      out.push(`\nsingle-file re-analysis: not measured: ${latency}`);
    } else {
      const lines = latency.map(
        (l) =>
          `single-file re-analysis (${l.parser}) of a ${l.lines}-line file in a ${l.projectFiles}-file project (${l.iterations} edits, in-process): ` +
          `indexFile + updateProjectIndex + analyzeFile (the editor's path) p50 ${l.reindexAndAnalyze.p50.toFixed(1)} ms, p95 ${l.reindexAndAnalyze.p95.toFixed(1)} ms ` +
          `(target p50 ≤ 15 ms) ${l.reindexAndAnalyze.p50 <= 15 ? 'met' : 'NOT met'}; analyzeFile alone p50 ${l.analyze.p50.toFixed(1)} ms, p95 ${l.analyze.p95.toFixed(1)} ms; ${l.findings} findings`,
      );
      out.push('', ...lines);
      blocks.push({
        key: 'single-file',
        body: ['#### Single-file re-analysis', '', runLine, '', ...lines.map((line) => `- ${line.charAt(0).toUpperCase()}${line.slice(1)}`)].join('\n'),
      });
    }
  }
  if (problems.length) out.push(...problems.map((p) => `NOTE: ${p}`));
  console.log(out.join('\n'));

  if (args.doc) {
    const history = corpusResults.map((cr) => {
      const med = (id: string): number => {
        const r = cr.results.find((x) => x.tool.id === id && x.runs.length);
        return r ? median(r.runs.map((x) => x.wallMs)) : NaN;
      };
      const f = (ms: number): string => (Number.isFinite(ms) ? fmtMs(ms) : '–');
      const ratio = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '–');
      const cold = med('ours-cold');
      const oursCold = cr.results.find((x) => x.tool.id === 'ours-cold' && x.runs.length);
      const lat = latency && typeof latency !== 'string' ? latency.map((l) => `${l.reindexAndAnalyze.p50.toFixed(1)} ms`).join(' / ') : '–';
      return `| ${when.slice(0, 16).replace('T', ' ')} | ${commit} | ${cr.corpus.name} | ${cr.corpus.files} | ${f(cold)} | ${f(med('ours-warm'))} | ${f(med('eslint'))} | ${f(med('ast-grep'))} | ${ratio(med('eslint') / cold)} | ${ratio(cold / med('ast-grep'))} | ${oursCold ? fmtMiB(peakRssKiB(oursCold.runs)) : '–'} | ${lat} |`;
    });
    fs.mkdirSync(path.dirname(args.doc), { recursive: true });
    writeDoc(args.doc, TEMPLATE, blocks, history);
    console.log(`\nwrote the "${SECTION_HEADING}" section of ${path.relative(process.cwd(), args.doc)}`);
  }
  fs.rmSync(configDir, { recursive: true, force: true });
  if (failed) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
