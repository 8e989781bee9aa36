import assert from 'node:assert/strict';
import { getScenario, LIMITS, listPresetIds, presetSettings, scenarios, validateSettings, type ValidationError } from '../../src/simulator';

const quorumInput = () => JSON.parse(JSON.stringify(presetSettings('linkedin-disk'))) as Record<string, unknown>;
const leaderFollowerInput = () => JSON.parse(JSON.stringify(getScenario('partition-cp-vs-ap')!.settings)) as Record<string, unknown>;

function errorsOf(input: unknown): readonly ValidationError[] {
  const result = validateSettings(input);
  assert.equal(result.ok, false, 'expected the settings to be rejected');
  return result.ok ? [] : result.errors;
}

function assertError(input: unknown, path: string, pattern: RegExp): void {
  const errors = errorsOf(input);
  const match = errors.find((e) => e.path === path);
  assert.ok(match, `no error at ${path}; got ${JSON.stringify(errors)}`);
  assert.match(match.message, pattern);
}

describe('validateSettings', () => {
  it('accepts every preset and every scenario variant, returning equal settings', () => {
    for (const id of listPresetIds()) {
      const result = validateSettings(JSON.parse(JSON.stringify(presetSettings(id))));
      assert.ok(result.ok, `${id}: ${JSON.stringify(!result.ok && result.errors)}`);
      assert.deepEqual(result.settings, presetSettings(id));
    }
    for (const scenario of scenarios) {
      for (const variant of scenario.variants) {
        const result = validateSettings(JSON.parse(JSON.stringify(variant.settings)));
        assert.ok(result.ok, `${scenario.id} / ${variant.label}: ${JSON.stringify(!result.ok && result.errors)}`);
        assert.deepEqual(result.settings, variant.settings);
      }
    }
  });

  it('rejects non-objects and unknown models', () => {
    for (const input of [null, 42, 'quorum', [], undefined]) assert.ok(errorsOf(input).length > 0);
    assertError({}, 'model', /required/);
    assertError({ model: 'paxos' }, 'model', /"quorum", "leader-follower"/);
  });

  it('names the key and the expectation for bad numbers', () => {
    assertError({ ...quorumInput(), trials: 2_000_001 }, 'trials', /≤ 2000000/);
    assertError({ ...quorumInput(), trials: 1.5 }, 'trials', /integer/);
    assertError({ ...quorumInput(), trials: '1000' }, 'trials', /got "1000"/);
    assertError({ ...quorumInput(), replicas: 101 }, 'replicas', /≤ 100/);
    assertError({ ...quorumInput(), readQuorum: 4 }, 'readQuorum', /≤ 3/);
    assertError({ ...quorumInput(), writeQuorum: 0 }, 'writeQuorum', /≥ 1/);
    assertError({ ...quorumInput(), seed: -1 }, 'seed', /≥ 0/);
    assertError({ ...quorumInput(), tMaxMs: Number.NaN }, 'tMaxMs', /got NaN/);
    assertError({ ...quorumInput(), tMaxMs: Infinity }, 'tMaxMs', /number/);
  });

  it('bounds the total work of a quorum run', () => {
    assertError({ ...quorumInput(), replicas: 100, readQuorum: 1, writeQuorum: 1, trials: 1_000_000 }, 'trials', /trials × replicas/);
    assert.ok(validateSettings({ ...quorumInput(), replicas: 100, trials: LIMITS.maxTrialWork / 100 }).ok);
  });

  it('checks distributions deeply and reports the path', () => {
    const legs = (write: unknown) => ({ ...quorumInput(), legs: { ...(quorumInput().legs as object), write } });
    assertError(legs({ kind: 'gaussian' }), 'legs.write.kind', /"constant", "exponential", "pareto", "shifted", "mixture"/);
    assertError(legs({ kind: 'exponential', meanMs: 0 }), 'legs.write.meanMs', /> 0/);
    assertError(legs({ kind: 'pareto', scaleMs: 1, shape: 0.1 }), 'legs.write.shape', /≥ 0.5/);
    assertError(legs({ kind: 'constant' }), 'legs.write.valueMs', /required/);
    assertError(legs({ kind: 'constant', valueMs: 1, extra: 2 }), 'legs.write.extra', /unknown key/);
    assertError(
      legs({ kind: 'mixture', parts: [{ weight: 0.5, distribution: { kind: 'constant', valueMs: 1 } }, { weight: 0.4, distribution: { kind: 'constant', valueMs: 2 } }] }),
      'legs.write.parts',
      /sum to 1/,
    );
    assertError(legs({ kind: 'mixture', parts: [{ weight: 1, distribution: { kind: 'constant', valueMs: 1 } }] }), 'legs.write.parts', /between 2 and 4/);
    assertError(
      legs({ kind: 'mixture', parts: [{ weight: 0.5, distribution: { kind: 'exponential', meanMs: -1 } }, { weight: 0.5, distribution: { kind: 'constant', valueMs: 2 } }] }),
      'legs.write.parts[0].distribution.meanMs',
      /> 0/,
    );
    let deep: unknown = { kind: 'constant', valueMs: 1 };
    for (let i = 0; i < 10; i++) deep = { kind: 'shifted', offsetMs: 1, base: deep };
    assert.ok(errorsOf(legs(deep)).some((e) => /nest at most/.test(e.message)));
  });

  it('rejects unknown keys, which catches typos', () => {
    assertError({ ...quorumInput(), readQuourm: 1 }, 'readQuourm', /unknown key/);
  });

  it('checks leader/follower settings', () => {
    assertError({ ...leaderFollowerInput(), followers: [] }, 'followers', /between 1 and 16/);
    assertError({ ...leaderFollowerInput(), replication: { mode: 'semi-sync', acks: 3 } }, 'replication.acks', /≤ 2/);
    assertError({ ...leaderFollowerInput(), replication: { mode: 'semi-sync' } }, 'replication.acks', /required/);
    assertError({ ...leaderFollowerInput(), replication: { mode: 'quorum' } }, 'replication.mode', /"async", "semi-sync", "sync"/);
    assertError({ ...leaderFollowerInput(), readRouting: { kind: 'read-your-writes', strategy: 'leader-window' } }, 'readRouting.windowMs', /required/);
    assertError({ ...leaderFollowerInput(), onPartition: { kind: 'fallback-async' } }, 'onPartition.timeoutMs', /required/);
    assertError({ ...leaderFollowerInput(), partitions: [{ nodes: [3], startMs: 0, endMs: 10 }] }, 'partitions[0].nodes[0]', /≤ 2/);
    assertError({ ...leaderFollowerInput(), partitions: [{ nodes: [1, 1], startMs: 0, endMs: 10 }] }, 'partitions[0].nodes', /distinct/);
    assertError({ ...leaderFollowerInput(), partitions: [{ nodes: [1], startMs: 10, endMs: 5 }] }, 'partitions[0].endMs', /after startMs/);
    const workload = leaderFollowerInput().workload as Record<string, unknown>;
    assertError({ ...leaderFollowerInput(), workload: { ...workload, sessions: 65 } }, 'workload.sessions', /≤ 64/);
    assertError({ ...leaderFollowerInput(), workload: { ...workload, durationMs: 1e9 } }, 'workload.durationMs', /≤ 3600000/);
    assertError({ ...leaderFollowerInput(), leaderCrash: { atMs: 5 } }, 'leaderCrash.failoverAfterMs', /required/);
  });

  it('reports every problem at once', () => {
    const errors = errorsOf({ ...quorumInput(), trials: -1, replicas: 0, legs: null });
    assert.deepEqual(errors.map((e) => e.path).sort(), ['legs', 'replicas', 'trials']);
  });

  it('returns a copy without prototype tricks', () => {
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(quorumInput()).slice(1)}`);
    const result = validateSettings(hostile);
    assert.ok(!result.ok, 'an unexpected "__proto__" key is reported');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
