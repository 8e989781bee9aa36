import assert from 'node:assert/strict';
import { runSimulateCommand } from '../../src/cli/simulate-command';

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runSimulateCommand(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('fallacy-lens simulate', () => {
  it('prints a readable summary for a preset', () => {
    const { code, stdout, stderr } = run('--preset', 'linkedin-disk', '--trials', '20000');
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Simulation: linkedin-disk/);
    assert.match(stdout, /A read issued at the moment of commit sees the write \d+(\.\d+)? % of the time\./);
    assert.match(stdout, /P\(consistent\)/);
  });

  it('prints JSON that parses, with the overrides applied', () => {
    const { code, stdout } = run('--preset', 'linkedin-ssd', '--trials', '5000', '--seed', '7', '--n', '5', '--r', '2', '--w', '2', '--t-max', '4', '--json');
    assert.equal(code, 0);
    const parsed = JSON.parse(stdout);
    assert.equal(parsed.preset, 'linkedin-ssd');
    assert.deepEqual(
      [parsed.settings.trials, parsed.settings.seed, parsed.settings.replicas, parsed.settings.readQuorum, parsed.settings.writeQuorum, parsed.settings.tMaxMs],
      [5000, 7, 5, 2, 2, 4],
    );
    assert.equal(parsed.result.model, 'quorum');
    assert.equal(parsed.result.curve.at(-1).tMs, 4);
    assert.ok(Array.isArray(parsed.sentences) && parsed.sentences.length > 0);
  });

  it('is deterministic: the same command prints the same JSON', () => {
    const args = ['--preset', 'yammer', '--trials', '3000', '--json'];
    assert.equal(run(...args).stdout, run(...args).stdout);
  });

  it('runs a leader/follower scenario, with --flag=value syntax', () => {
    const { code, stdout } = run('--scenario=partition-cp-vs-ap', '--seed=3', '--json');
    assert.equal(code, 0);
    const parsed = JSON.parse(stdout);
    assert.equal(parsed.scenario, 'partition-cp-vs-ap');
    assert.equal(parsed.result.model, 'leader-follower');
    assert.ok(parsed.result.counters.failedReads > 0);
    const text = run('--scenario', 'async-failover-loss');
    assert.equal(text.code, 0);
    assert.match(text.stdout, /acknowledged but lost \d+/);
  });

  it('prints help and lists ids with exit code 0', () => {
    assert.match(run('--help').stdout, /Usage: fallacy-lens simulate/);
    const list = run('--list');
    assert.equal(list.code, 0);
    assert.match(list.stdout, /linkedin-disk/);
    assert.match(list.stdout, /semi-sync-fallback/);
  });

  it('exits with 2 and a message on usage errors', () => {
    const cases: [string[], RegExp][] = [
      [['--preset', 'linkedin-disk', '--frobnicate'], /unknown option "--frobnicate"/],
      [[], /exactly one of --preset/],
      [['--preset', 'linkedin-disk', '--scenario', 'quorum-basics'], /exactly one of --preset/],
      [['--preset', 'nope'], /unknown preset "nope"/],
      [['--scenario', 'nope'], /unknown scenario "nope"/],
      [['--preset', 'linkedin-disk', '--trials'], /--trials needs a value/],
      [['--preset', 'linkedin-disk', '--trials', 'many'], /--trials expects a whole number/],
      [['--preset', 'linkedin-disk', '--trials', '5000000'], /trials: expected an integer/],
      [['--preset', 'linkedin-disk', '--r', '4'], /readQuorum: expected an integer ≥ 1 and ≤ 3/],
      [['--scenario', 'read-your-writes', '--trials', '10'], /--trials applies to quorum presets only/],
      [['--preset', 'linkedin-disk', '--seed', '1', '--seed', '2'], /--seed given twice/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = run(...args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, message);
    }
  });
});
