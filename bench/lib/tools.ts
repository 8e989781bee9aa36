/**
 * The tools the benchmark times, each as a command run in the corpus directory on `.`, plus how to read
 * from its output how many files it looked at and how many calls it matched.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Outcome {
  /** Files the tool reports having processed; null if it does not say. */
  files: number | null;
  /** Matches / findings it reported. */
  matches: number | null;
  /** Files it could not parse, if it says. */
  parseErrors: number | null;
  /** Anything else worth showing (skipped files, …). */
  note?: string;
}

export interface Tool {
  id: string;
  label: string;
  version: string;
  cmd: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Runs before each timed run (outside the timing), e.g. to clear a cache. */
  before?: (corpusDir: string) => void;
  okExit: (code: number) => boolean;
  read: (stdout: string, stderr: string) => Outcome;
}

const BENCH_DIR = path.join(__dirname, '..');
const BENCH_MODULES = path.join(BENCH_DIR, 'node_modules');

/** The competitors' rule, in words: calls of `fetch(...)` and of `axios.<anything>(...)`. */
export const ESLINT_SELECTORS = ["CallExpression[callee.name='fetch']", "CallExpression[callee.object.name='axios']"];

function haveBenchDeps(): boolean {
  return fs.existsSync(path.join(BENCH_MODULES, 'eslint')) && fs.existsSync(path.join(BENCH_MODULES, '@ast-grep', 'cli'));
}

/** Installs the competitors from bench/package-lock.json (npm ci) when they are missing. */
export function ensureBenchDeps(): void {
  if (haveBenchDeps()) return;
  console.log('installing the competitors: npm ci in bench/ …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: BENCH_DIR, stdio: 'inherit' });
  if (r.status !== 0 || !haveBenchDeps()) throw new Error('`npm ci` in bench/ failed: the competitors are not installed');
}

function requireBenchDeps(): void {
  if (!haveBenchDeps()) throw new Error('bench dependencies are missing: run `npm ci --prefix bench` first');
}

function pkgVersion(name: string): string {
  return (JSON.parse(fs.readFileSync(path.join(BENCH_MODULES, name, 'package.json'), 'utf8')) as { version: string }).version;
}

export function eslintTool(configDir: string, concurrency?: string): Tool {
  requireBenchDeps();
  const parser = path.join(BENCH_MODULES, '@typescript-eslint', 'parser', 'dist', 'index.js');
  const config = path.join(configDir, 'eslint.config.mjs');
  fs.writeFileSync(
    config,
    [
      '// Written by bench/run.ts: the cheapest ESLint setup that finds fetch/axios calls in JS and TS.',
      `import * as tsParser from ${JSON.stringify(pathToFileURL(parser).href)};`,
      'export default [',
      '  {',
      "    files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],",
      "    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },",
      "    linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },",
      '    rules: {',
      "      'no-restricted-syntax': [",
      "        'warn',",
      ...ESLINT_SELECTORS.map((s) => `        { selector: ${JSON.stringify(s)}, message: 'outbound network call' },`),
      '      ],',
      '    },',
      '  },',
      '];',
      '',
    ].join('\n'),
  );
  const bin = path.join(BENCH_MODULES, 'eslint', 'bin', 'eslint.js');
  const args = [bin, '-c', config, '--no-config-lookup', '--no-warn-ignored', '--format', 'json'];
  if (concurrency) args.push('--concurrency', concurrency);
  args.push('.');
  return {
    id: concurrency ? `eslint-c${concurrency}` : 'eslint',
    label: `ESLint ${pkgVersion('eslint')} + @typescript-eslint/parser ${pkgVersion('@typescript-eslint/parser')}${concurrency ? ` (--concurrency ${concurrency})` : ''}`,
    version: pkgVersion('eslint'),
    cmd: process.execPath,
    args,
    // Exit 1 means "problems found" (our rule reports warnings, so it should not happen); 2 is a crash.
    okExit: (code) => code === 0 || code === 1,
    read: (stdout) => {
      const results = JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string | null; fatal?: boolean }> }>;
      let matches = 0;
      let parseErrors = 0;
      for (const r of results) {
        for (const m of r.messages) {
          if (m.ruleId === 'no-restricted-syntax') matches++;
          else if (m.fatal) parseErrors++;
        }
      }
      return { files: results.length, matches, parseErrors };
    },
  };
}

export function astGrepRule(): string {
  const rule = (id: string, language: string): string =>
    [
      `id: ${id}`,
      `language: ${language}`,
      'severity: warning',
      'message: outbound network call',
      'rule:',
      '  kind: call_expression',
      '  any:',
      "    - has: { field: function, kind: identifier, regex: '^fetch$' }",
      '    - has:',
      '        field: function',
      '        kind: member_expression',
      "        has: { field: object, kind: identifier, regex: '^axios$' }",
    ].join('\n');
  // ast-grep has one grammar per language: TypeScript (.ts/.mts/.cts), Tsx (.tsx), JavaScript (.js/.mjs/.cjs/.jsx).
  return [rule('outbound-call-ts', 'TypeScript'), rule('outbound-call-tsx', 'Tsx'), rule('outbound-call-js', 'JavaScript')].join('\n---\n') + '\n';
}

function astGrepBinary(): string {
  // The platform package ships the binary; @ast-grep/cli's postinstall only copies it. Use it directly,
  // so the benchmark works whether or not install scripts ran.
  const platformPkg = `@ast-grep/cli-${process.platform}-${process.arch}${process.platform === 'linux' ? '-gnu' : process.platform === 'win32' ? '-msvc' : ''}`;
  const candidates = [path.join(BENCH_MODULES, platformPkg, 'ast-grep'), path.join(BENCH_MODULES, '@ast-grep', 'cli', 'ast-grep')];
  const found = candidates.find((c) => {
    try {
      fs.accessSync(c, fs.constants.X_OK);
      return fs.statSync(c).size > 100_000;
    } catch {
      return false;
    }
  });
  if (!found) throw new Error(`ast-grep binary not found in ${candidates.join(' or ')}`);
  return found;
}

export function astGrepTool(configDir: string): Tool {
  requireBenchDeps();
  const rules = path.join(configDir, 'outbound-call.yml');
  fs.writeFileSync(rules, astGrepRule());
  const bin = astGrepBinary();
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^ast-grep\s+/, '');
  return {
    id: 'ast-grep',
    label: `ast-grep ${version}`,
    version,
    cmd: bin,
    args: [
      'scan',
      '--rule',
      rules,
      '--json=stream',
      '--inspect',
      'summary',
      '--no-ignore',
      'hidden',
      '--no-ignore',
      'dot',
      '--no-ignore',
      'vcs',
      '--no-ignore',
      'parent',
      '--no-ignore',
      'global',
      '.',
    ],
    okExit: (code) => code === 0,
    read: (stdout, stderr) => {
      const matches = stdout.split('\n').filter((l) => l.trim().startsWith('{')).length;
      const scanned = /scannedFileCount=(\d+)/.exec(stderr);
      const skipped = /skippedFileCount=(\d+)/.exec(stderr);
      return {
        files: scanned ? Number(scanned[1]) : null,
        matches,
        parseErrors: null,
        ...(skipped && Number(skipped[1]) > 0 ? { note: `${skipped[1]} files skipped` } : {}),
      };
    },
  };
}

export interface OursCapabilities {
  cli: string;
  help: string;
  cache: boolean;
  cacheLocationFlag: string | null;
  shard: boolean;
  /** `--parser NAME` is supported: the portable parser gets a row of its own. */
  parser: boolean;
}

export function oursCapabilities(cli: string): OursCapabilities | null {
  if (!fs.existsSync(cli)) return null;
  const help = [['--help'], ['scan', '--help']]
    .map((a) => {
      const r = spawnSync(process.execPath, [cli, ...a], { encoding: 'utf8', timeout: 30_000 });
      return `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
    })
    .join('\n');
  const cacheLocationFlag = ['--cache-location', '--cache-dir'].find((f) => help.includes(f)) ?? null;
  return { cli, help, cache: /--cache\b/.test(help), cacheLocationFlag, shard: help.includes('--shard'), parser: help.includes('--parser') };
}

/**
 * Counts what our JSON report says: `summary.filesScanned` / `filesSkipped` / `findings`, and
 * parse errors from the notes (top-level `notes` array of `{ kind, file }`).
 */
export function readOurReport(stdout: string): Outcome {
  const report = JSON.parse(stdout) as {
    summary?: { findings?: number; filesScanned?: number; filesSkipped?: number };
    findings?: unknown[];
    notes?: Array<{ kind?: string }>;
    files?: unknown[];
  };
  const summary = report.summary ?? {};
  const files = typeof summary.filesScanned === 'number' ? summary.filesScanned : Array.isArray(report.files) ? report.files.length : null;
  const matches = typeof summary.findings === 'number' ? summary.findings : Array.isArray(report.findings) ? report.findings.length : null;
  const parseErrors = Array.isArray(report.notes) ? report.notes.filter((n) => n.kind === 'parse-error').length : null;
  const skipped = summary.filesSkipped ?? 0;
  return { files, matches, parseErrors, ...(skipped ? { note: `${skipped} files skipped` } : {}) };
}

export function oursTool(caps: OursCapabilities, mode: 'cold' | 'warm', cacheDir: string, extraArgs: string[] = []): Tool {
  const args = [caps.cli, 'scan', '.', '--format', 'json', ...extraArgs];
  if (mode === 'warm') {
    args.push('--cache');
    // The cache location is a file (--cache-location) or a directory (--cache-dir).
    if (caps.cacheLocationFlag) args.push(caps.cacheLocationFlag, caps.cacheLocationFlag === '--cache-dir' ? cacheDir : path.join(cacheDir, 'scan.json'));
  }
  return {
    id: `ours-${mode}${extraArgs.length ? `-${extraArgs.join('').replace(/[^A-Za-z0-9]+/g, '')}` : ''}`,
    label: `fallacy-lens scan (${mode}${mode === 'warm' ? ', unchanged repo, cache on disk' : ', no cache'})${extraArgs.length ? ` ${extraArgs.join(' ')}` : ''}`,
    version: 'HEAD',
    cmd: process.execPath,
    args,
    before:
      mode === 'cold'
        ? (corpusDir) => {
            // Cold means no cache anywhere it could be: ours, and the default location in the corpus.
            fs.rmSync(path.join(corpusDir, '.fallacy-lens-cache'), { recursive: true, force: true });
          }
        : undefined,
    // Like ESLint: 0 clean, 1 findings; 2 and above are usage errors or crashes.
    okExit: (code) => code === 0 || code === 1,
    read: (stdout) => readOurReport(stdout),
  };
}

export function tempConfigDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'fl-bench-config-'));
}
