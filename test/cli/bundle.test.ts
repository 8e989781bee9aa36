/**
 * The shipped shape: a bundled cli.js next to analysis-worker.js, run as its own process. Few
 * cases, each one about something only a separate process shows: exit codes, streams, the
 * bundled worker's stack for deep nesting, and progress staying off a non-terminal stderr.
 */
import { strict as assert } from 'node:assert';
import { tempTree } from '../runner/temp-tree';
import { spawnCli, bundledCli } from './cli-harness';
import { validateSarif } from './sarif-validator';

const NO_TIMEOUT = 'export async function load(url: string) {\n  const res = await fetch(url);\n  return res;\n}\n';

describe('cli: bundled dist/cli.js', function () {
  this.timeout(180_000);
  const depth = 5000;
  const project = tempTree({
    'src/a.ts': NO_TIMEOUT,
    'src/deep.ts': `export const x = ${'[\n'.repeat(depth)}${']\n'.repeat(depth)};\nexport const r = fetch('https://a.test/');\n`,
    'bad/.fallacy-lens.json': '{"rules": {"no-timeout": "warn"}}',
  });
  before(() => bundledCli());
  after(() => project.cleanup());

  it('prints the version and the help', async () => {
    const version = await spawnCli(['--version'], project.root);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const help = await spawnCli(['scan', '--help'], project.root);
    assert.equal(help.code, 0);
    for (const flag of ['--format', '--output', '--fail-on', '--rule', '--config', '--changed-since', '--fix', '--jobs', '--no-color', '--quiet']) {
      assert.ok(help.stdout.includes(flag), `help mentions ${flag}`);
    }
  });

  it('scans in bundled worker threads, including a file nested 5000 levels deep, with exit code 1', async () => {
    const run = await spawnCli(['scan', 'src', '--format', 'json', '--rule', 'no-retry=off', '--jobs', '2'], project.root);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    const json = JSON.parse(run.stdout) as { findings: Array<{ file: string; ruleId: string; range: { start: { line: number } } }>; notes: unknown[] };
    const noTimeout = json.findings.filter((f) => f.ruleId === 'no-timeout').map((f) => `${f.file}:${f.range.start.line}`);
    assert.deepEqual(noTimeout, ['src/a.ts:2', `src/deep.ts:${2 * depth + 2}`]);
    assert.deepEqual(json.notes, []);
  });

  it('writes SARIF and stylish without colour when piped', async () => {
    const sarif = await spawnCli(['scan', 'src/a.ts', '--format', 'sarif'], project.root);
    assert.deepEqual(validateSarif(JSON.parse(sarif.stdout)), []);
    const stylish = await spawnCli(['scan', 'src/a.ts', '--fail-on', 'never'], project.root);
    assert.equal(stylish.code, 0);
    assert.match(stylish.stdout, /2:21\s+warning/);
    assert.doesNotMatch(stylish.stdout, /\u001b\[/);
  });

  it('exits 2 with a message on stderr for bad configuration, unknown flags and missing paths', async () => {
    const config = await spawnCli(['scan', '.'], `${project.root}/bad`);
    assert.equal(config.code, 2);
    assert.match(config.stderr, /\.fallacy-lens\.json:1:12: "rules\.no-timeout" must be one of off, info, warning, error \(got "warn"\)/);
    const flag = await spawnCli(['scan', '--bogus'], project.root);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /Unknown option '--bogus'/);
    const missing = await spawnCli(['scan', 'nothing-here'], project.root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /No such file or directory: nothing-here/);
  });
});
