/**
 * The scan command end to end, in-process (runCli with the real analyzer in tsx worker threads),
 * on temporary projects. test/cli/bundle.test.ts repeats the essentials against the bundle.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tempTree } from '../runner/temp-tree';
import { git, runInProcess } from './cli-harness';
import { validateSarif } from './sarif-validator';

const NO_TIMEOUT = 'export async function load(url: string) {\n  const res = await fetch(url);\n  return res;\n}\n';
const QUIET_RULES = ['--rule', 'no-retry=off'];

interface JsonReport {
  findings: Array<{ ruleId: string; severity: string; file: string; range: { start: { line: number; column: number } } }>;
  notes: Array<{ file: string | null; kind: string }>;
  files: Array<{ path: string }>;
}

describe('cli: scan (in-process)', function () {
  this.timeout(120_000);

  describe('on a project with one fetch without timeout', () => {
    const project = tempTree({ 'src/a.ts': NO_TIMEOUT, 'src/a.test.ts': NO_TIMEOUT, 'src/ok.ts': 'export const x = 1;\n' });
    after(() => project.cleanup());

    it('prints stylish findings with position, severity and rule, and fails at the default warning level', async () => {
      const run = await runInProcess(['scan', ...QUIET_RULES], project.root);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /src\/a\.ts\n\s+2:21\s+warning\s+fetch has no deadline.*no-timeout/);
      // Test files are reported one level lower.
      assert.match(run.stdout, /src\/a\.test\.ts\n\s+2:21\s+info\s+.*no-timeout/);
      assert.match(run.stdout, /✖ 2 problems \(0 errors, 1 warning, 1 info\)/);
      assert.equal(run.stderr, '');
    });

    it('sets the exit code from --fail-on and --rule', async () => {
      const code = async (...args: string[]) => (await runInProcess(['scan', ...QUIET_RULES, ...args], project.root)).code;
      assert.equal(await code('--fail-on', 'error'), 0);
      assert.equal(await code('--fail-on', 'info'), 1);
      assert.equal(await code('--fail-on', 'never'), 0);
      assert.equal(await code('--fail-on', 'error', '--rule', 'no-timeout=error'), 1);
      assert.equal(await code('--fail-on', 'info', '--rule', 'no-timeout=off'), 0);
    });

    it('writes JSON with the finding at its line and column', async () => {
      const run = await runInProcess(['scan', 'src/a.ts', '--format', 'json', ...QUIET_RULES], project.root);
      const json = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(
        json.findings.map((f) => [f.ruleId, f.file, f.range.start.line, f.range.start.column]),
        [['no-timeout', 'src/a.ts', 2, 21]],
      );
    });

    it('writes valid SARIF to --output, creating directories, and nothing to stdout', async () => {
      const run = await runInProcess(['scan', '--format', 'sarif', '--output', 'reports/deep/out.sarif'], project.root);
      assert.equal(run.stdout, '');
      const log = JSON.parse(readFileSync(path.join(project.root, 'reports/deep/out.sarif'), 'utf8'));
      assert.deepEqual(validateSarif(log), []);
      assert.ok(log.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'no-timeout'));
    });

    it('writes Markdown for a pull-request comment', async () => {
      const run = await runInProcess(['scan', '--format', 'markdown', ...QUIET_RULES], project.root);
      assert.match(run.stdout, /^### Fallacy Lens: 2 findings/);
      assert.match(run.stdout, /<details><summary><code>src\/a\.ts<\/code>/);
    });

    it('--quiet reports errors only and does not fail on warnings', async () => {
      const run = await runInProcess(['scan', '--quiet'], project.root);
      assert.equal(run.code, 0);
      assert.doesNotMatch(run.stdout, /no-timeout/);
      const strict = await runInProcess(['scan', '--quiet', '--rule', 'no-timeout=error'], project.root);
      assert.equal(strict.code, 1);
      assert.match(strict.stdout, /src\/a\.ts\n\s+2:21\s+error/);
      assert.doesNotMatch(strict.stdout, /a\.test\.ts/);
    });
  });

  describe('usage and configuration errors exit with 2', () => {
    const project = tempTree({
      'src/a.ts': NO_TIMEOUT,
      'README.md': '# x',
      '.fallacy-lens.json': '{\n  "rules": {\n    "no-timeout": "warn"\n  }\n}\n',
      'other.json': '{"rulez": {}}',
      'ok.json': '{}',
    });
    after(() => project.cleanup());

    it('names the file, position and key of a bad configuration value', async () => {
      const run = await runInProcess(['scan'], project.root);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'fallacy-lens: .fallacy-lens.json:3:5: "rules.no-timeout" must be one of off, info, warning, error (got "warn")\n');
    });

    it('reads --config instead of the default file', async () => {
      const run = await runInProcess(['scan', '--config', 'other.json'], project.root);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /other\.json:1:2: "rulez" is not a known key.*did you mean "rules"/);
      const missing = await runInProcess(['scan', '--config', 'nope.json'], project.root);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /Cannot read the configuration file nope\.json: ENOENT/);
    });

    it('rejects missing paths and unknown flags', async () => {
      const missing = await runInProcess(['scan', 'src', 'nope', '--config', 'x'], project.root);
      assert.equal(missing.code, 2);
      const missingPath = await runInProcess(['scan', 'nope'], tempTree({ 'a.ts': '' }).root);
      assert.equal(missingPath.code, 2);
      assert.match(missingPath.stderr, /No such file or directory: nope/);
      const markdownFile = await runInProcess(['scan', 'README.md', 'src/a.ts', '--fail-on', 'never', '--config', 'ok.json'], project.root);
      assert.equal(markdownFile.code, 0, markdownFile.stderr);
      assert.equal(markdownFile.stderr, 'fallacy-lens: README.md is not a TypeScript or JavaScript file; skipped.\n');
      const flag = await runInProcess(['scan', '--colour'], project.root);
      assert.equal(flag.code, 2);
      assert.match(flag.stderr, /Unknown option '--colour'/);
    });
  });

  describe('other commands', () => {
    it('lists the rule catalog as text and JSON', async () => {
      const text = await runInProcess(['rules'], process.cwd());
      assert.equal(text.code, 0);
      assert.match(text.stdout, /^no-timeout\s+warning\s+Fallacy 2: Latency is zero$/m);
      const json = await runInProcess(['rules', '--format', 'json'], process.cwd());
      const rules = JSON.parse(json.stdout) as Array<{ id: string; docsUrl: string }>;
      assert.ok(rules.some((r) => r.id === 'no-timeout' && r.docsUrl.endsWith('no-timeout.md')));
    });

    it('documents every scan flag in --help and exits 0', async () => {
      const run = await runInProcess(['scan', '--help'], process.cwd());
      assert.equal(run.code, 0);
      for (const flag of ['--format', '--output', '--fail-on', '--rule', '--config', '--changed-since', '--fix', '--jobs', '--no-color', '--quiet']) {
        assert.ok(run.stdout.includes(flag), flag);
      }
      assert.match((await runInProcess(['--help'], process.cwd())).stdout, /Exit codes:/);
    });

    it('delegates simulate, including its help, to the simulator', async () => {
      const run = await runInProcess(['help', 'simulate'], process.cwd());
      assert.match(run.stdout, /^Usage: fallacy-lens simulate/);
    });

    it('exits 2 without a command', async () => {
      const run = await runInProcess([], process.cwd());
      assert.equal(run.code, 2);
      assert.match(run.stderr, /Missing command/);
    });
  });

  describe('configuration and project root', () => {
    const project = tempTree({
      '.fallacy-lens.json': JSON.stringify({ rules: { 'no-retry': 'off' }, overrides: [{ files: ['src/legacy/**'], rules: { 'no-timeout': 'off' } }], exclude: ['src/gen/**'] }),
      'src/a.ts': NO_TIMEOUT,
      'src/legacy/old.ts': NO_TIMEOUT,
      'src/gen/client.ts': NO_TIMEOUT,
      'dist/bundle.js': NO_TIMEOUT,
      '.gitignore': 'ignored/\n',
      'ignored/x.ts': NO_TIMEOUT,
    });
    before(() => git(project.root, 'init', '-q'));
    after(() => project.cleanup());

    it('finds the configuration at the git root from a subdirectory and reports root-relative paths', async () => {
      const run = await runInProcess(['scan', '.', '--format', 'json'], path.join(project.root, 'src'));
      const json = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(json.files.map((f) => f.path), ['src/a.ts', 'src/legacy/old.ts']);
      assert.deepEqual(json.findings.map((f) => `${f.file}:${f.ruleId}`), ['src/a.ts:no-timeout']);
    });

    it('skips dist, .gitignore\'d and excluded paths when walking', async () => {
      const run = await runInProcess(['scan', '--format', 'json'], project.root);
      const json = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(json.files.map((f) => f.path), ['src/a.ts', 'src/legacy/old.ts']);
    });
  });

  describe('--changed-since', () => {
    const project = tempTree({
      'src/api.ts': "import axios from 'axios';\nexport const api = axios.create({ timeout: 5000 });\n",
      'src/a.ts': NO_TIMEOUT,
      'src/b.ts': NO_TIMEOUT,
    });
    before(() => {
      git(project.root, 'init', '-q');
      git(project.root, 'add', '.');
      git(project.root, 'commit', '-q', '-m', 'base');
      // A new unbounded call at line 5 of a.ts, a call through the bounded instance of api.ts
      // (unchanged, so only a whole-project analysis knows it is bounded), and an untracked file.
      writeFileSync(
        path.join(project.root, 'src/a.ts'),
        `${NO_TIMEOUT}export const again = () => fetch('https://example.test/x');\nimport { api } from './api';\nexport const viaApi = () => api.get('/y');\n`,
      );
      writeFileSync(path.join(project.root, 'src/new.ts'), NO_TIMEOUT);
    });
    after(() => project.cleanup());

    it('reports only findings on changed lines and untracked files, with cross-file facts intact', async () => {
      const run = await runInProcess(['scan', '--changed-since', 'HEAD', '--format', 'json', ...QUIET_RULES], project.root);
      assert.equal(run.code, 1, run.stderr);
      const json = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(
        json.findings.map((f) => `${f.file}:${f.range.start.line}:${f.ruleId}`),
        ['src/a.ts:5:no-timeout', 'src/new.ts:2:no-timeout'],
      );
      assert.deepEqual(json.files.map((f) => f.path), ['src/a.ts', 'src/new.ts']);
    });

    it('exits 2 for an unknown ref or outside a git repository', async () => {
      const run = await runInProcess(['scan', '--changed-since', 'no-such-ref'], project.root);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /unknown git ref 'no-such-ref'/);
      const outside = tempTree({ 'a.ts': NO_TIMEOUT });
      try {
        const noGit = await runInProcess(['scan', '--changed-since', 'HEAD'], outside.root);
        assert.equal(noGit.code, 2);
        assert.match(noGit.stderr, /--changed-since HEAD/);
      } finally {
        outside.cleanup();
      }
    });
  });

  describe('--fix', () => {
    it('applies safe fixes in place, keeps BOM and CRLF, and reports what remains', async () => {
      const project = tempTree({
        'src/a.ts': "export async function load(url: string) {\n  return fetch(url, { method: 'GET' });\n}\n",
        'src/crlf.ts': '\ufeffexport const b = (u: string) => fetch(u);\r\nexport const c = 1;\r\n',
      });
      try {
        const run = await runInProcess(['scan', '--fix', ...QUIET_RULES], project.root);
        assert.equal(run.code, 0, run.stdout);
        assert.match(run.stdout, /2 fixes applied/);
        assert.equal(
          readFileSync(path.join(project.root, 'src/a.ts'), 'utf8'),
          "export async function load(url: string) {\n  return fetch(url, { method: 'GET', signal: AbortSignal.timeout(10000) });\n}\n",
        );
        const crlf = readFileSync(path.join(project.root, 'src/crlf.ts'), 'utf8');
        assert.equal(crlf, '\ufeffexport const b = (u: string) => fetch(u, { signal: AbortSignal.timeout(10000) });\r\nexport const c = 1;\r\n');
        const again = await runInProcess(['scan', ...QUIET_RULES], project.root);
        assert.equal(again.code, 0);
      } finally {
        project.cleanup();
      }
    });

    it('leaves files that are not valid UTF-8 alone', async () => {
      const bytes = Buffer.concat([Buffer.from('const s = "'), Buffer.from([0xe9]), Buffer.from('";\nexport const r = fetch("https://a.test/");\n')]);
      const project = tempTree({ 'latin1.ts': bytes });
      try {
        const run = await runInProcess(['scan', '--fix', ...QUIET_RULES], project.root);
        assert.equal(run.code, 1);
        assert.deepEqual(readFileSync(path.join(project.root, 'latin1.ts')), bytes);
      } finally {
        project.cleanup();
      }
    });
  });

  describe('robustness', () => {
    const depth = 5000;
    const project = tempTree({
      'src/broken.ts': 'export const x = fetch(;\n',
      'src/good.ts': NO_TIMEOUT,
      'src/deep.ts': `export const x = ${'[\n'.repeat(depth)}${']\n'.repeat(depth)};\nexport const r = fetch('https://a.test/');\n`,
      'src/bundle.js': `/*! bundle */\n${'var a=fetch(b);'.repeat(1000)}\n`,
      'src/bom-crlf.ts': '\ufeffconst a = 1;\r\nconst r = await fetch(u);\r\n',
      'src/latin1.ts': Buffer.concat([Buffer.from('const s = "'), Buffer.from([0xe9, 0xff]), Buffer.from('";\nconst r = await fetch(u);\n')]),
      'src/binary.js': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x00]),
    });
    let json: JsonReport;
    before(async () => {
      const run = await runInProcess(['scan', '--format', 'json', ...QUIET_RULES], project.root);
      assert.equal(run.code, 1, run.stderr);
      json = JSON.parse(run.stdout) as JsonReport;
    });
    after(() => project.cleanup());

    // Only no-timeout: these tests are about positions and notes, not about the rule set.
    const findingsOf = (file: string) =>
      json.findings.filter((f) => f.file === file && f.ruleId === 'no-timeout').map((f) => `${f.range.start.line}:${f.range.start.column}:${f.ruleId}`);
    const notesOf = (file: string) => json.notes.filter((n) => n.file === file).map((n) => n.kind);

    it('reports a parse error as a note and still reports the other files', () => {
      assert.deepEqual(notesOf('src/broken.ts'), ['parse-error']);
      assert.deepEqual(findingsOf('src/good.ts'), ['2:21:no-timeout']);
    });

    it(`analyses a file nested ${depth} levels deep`, () => {
      assert.deepEqual(findingsOf('src/deep.ts'), [`${2 * depth + 2}:18:no-timeout`]);
    });

    it('skips a minified bundle and a binary file with notes', () => {
      assert.deepEqual(notesOf('src/bundle.js'), ['skipped-minified']);
      assert.deepEqual(findingsOf('src/bundle.js'), []);
      assert.deepEqual(notesOf('src/binary.js'), ['skipped-binary']);
    });

    it('gets columns right in a file with a BOM and CRLF line ends', () => {
      assert.deepEqual(findingsOf('src/bom-crlf.ts'), ['2:17:no-timeout']);
    });

    it('analyses a file with invalid UTF-8 and warns about it', () => {
      assert.deepEqual(notesOf('src/latin1.ts'), ['decode-warning']);
      assert.deepEqual(findingsOf('src/latin1.ts'), ['2:17:no-timeout']);
    });

    it('does not leave a report file or progress output behind', () => {
      assert.equal(existsSync(path.join(project.root, 'fallacy-lens.sarif')), false);
    });
  });
});
