import assert from 'node:assert/strict';
import {
  constant,
  exponential,
  formatCount,
  getScenario,
  leaderFollowerSettings,
  MAX_OPERATIONS,
  presetSettings,
  simulate,
  simulateLeaderFollower,
  uniformFollowers,
  type LeaderFollowerResult,
  type LeaderFollowerSettings,
  type WorkloadSettings,
} from '../../src/simulator';

const defaultWorkloadForTests: WorkloadSettings = {
  sessions: 3,
  durationMs: 10_000,
  writeFraction: 0.3,
  thinkTime: exponential(20),
  requestTimeoutMs: 2_000,
};

/** Fixed delays make latencies exact: client ↔ node 1 ms, leader ↔ follower 10 ms, replay 50 ms. */
const fixed = (overrides: Partial<LeaderFollowerSettings> = {}): LeaderFollowerSettings =>
  leaderFollowerSettings({
    followers: uniformFollowers(2, constant(10), constant(50)),
    clientDelay: constant(1),
    workload: defaultWorkloadForTests,
    ...overrides,
  });

const run = (settings: LeaderFollowerSettings) => simulateLeaderFollower(settings);
const scenarioVariant = (id: string, index: number) => {
  const scenario = getScenario(id);
  assert.ok(scenario, id);
  return scenario.variants[index].settings as LeaderFollowerSettings;
};
const withSeed = (settings: LeaderFollowerSettings, seed: number): LeaderFollowerSettings => ({ ...settings, seed });

describe('leader/followers: replication modes', () => {
  it('async answers after the leader alone, semi-sync after a receipt, sync after a replay', () => {
    // With constant delays every successful write takes 2 ms (client round trip), + 20 ms (follower
    // round trip), + 50 ms (replay) respectively. Latency is the difference of two absolute times
    // of a few thousand ms, so it is exact only up to their rounding (about 1e-12 ms).
    const async = run(fixed({ replication: { mode: 'async' } }));
    const semiSync = run(fixed({ replication: { mode: 'semi-sync', acks: 1 } }));
    const sync = run(fixed({ replication: { mode: 'sync', acks: 2 } }));
    for (const [result, expected] of [[async, 2], [semiSync, 22], [sync, 72]] as const) {
      assert.ok(result.writeLatency.count > 50);
      assert.ok(Math.abs(result.writeLatency.minMs - expected) < 1e-9, `min ${result.writeLatency.minMs} vs ${expected}`);
      assert.ok(Math.abs(result.writeLatency.maxMs - expected) < 1e-9, `max ${result.writeLatency.maxMs} vs ${expected}`);
    }
  });

  it('reads from the leader are never stale; reads from lagging async followers are', () => {
    const leaderReads = run(fixed({ readRouting: { kind: 'leader' } })).counters;
    const followerReads = run(fixed({ readRouting: { kind: 'any-follower' } })).counters;
    assert.equal(leaderReads.staleReads, 0);
    assert.ok(leaderReads.reads > 100);
    assert.ok(followerReads.staleReads > 0);
  });

  it('sync replication to every follower (remote_apply) makes follower reads fresh; async does not', () => {
    const remoteApply = run(presetSettings('postgres-remote-apply') as LeaderFollowerSettings).counters;
    const asyncStandby = run(presetSettings('postgres-async') as LeaderFollowerSettings).counters;
    assert.equal(remoteApply.staleReads, 0);
    assert.ok(remoteApply.reads > 100);
    assert.ok(asyncStandby.staleReads > 0);
  });

  it('semi-sync does not make follower reads fresh: a receipt is not a replay', () => {
    const counters = run(fixed({ replication: { mode: 'semi-sync', acks: 2 }, readRouting: { kind: 'any-follower' } })).counters;
    assert.ok(counters.staleReads > 0);
  });

  it('DynamoDB: strongly consistent reads are never stale, eventually consistent reads sometimes are', () => {
    const strong = run(presetSettings('dynamodb-strong') as LeaderFollowerSettings).counters;
    const eventual = run(presetSettings('dynamodb-eventual') as LeaderFollowerSettings).counters;
    assert.equal(strong.staleReads, 0);
    assert.ok(eventual.staleReads > 0);
  });
});

describe('leader/followers: read-your-writes', () => {
  it('waiting for the follower to apply the session’s write is never stale for the session, on any seed', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const withRyw = run(withSeed(scenarioVariant('read-your-writes', 1), seed)).counters;
      const without = run(withSeed(scenarioVariant('read-your-writes', 0), seed)).counters;
      assert.equal(withRyw.sessionStaleReads, 0, `seed ${seed}`);
      assert.ok(withRyw.reads > 100);
      assert.ok(without.sessionStaleReads > 0, `seed ${seed}: the comparison needs violations without RYW`);
    }
  });

  it('the guarantee is per session: other sessions’ writes can still be missed', () => {
    assert.ok(run(scenarioVariant('read-your-writes', 1)).counters.staleReads > 0);
  });

  it('a leader window works only while it is longer than the replication lag', () => {
    // Lag is exactly 10 + 50 = 60 ms here.
    const short = run(fixed({ readRouting: { kind: 'read-your-writes', strategy: 'leader-window', windowMs: 30 } })).counters;
    const long = run(fixed({ readRouting: { kind: 'read-your-writes', strategy: 'leader-window', windowMs: 100 } })).counters;
    assert.ok(short.sessionStaleReads > 0);
    assert.equal(long.sessionStaleReads, 0);
  });
});

describe('leader/followers: partitions', () => {
  it('CP refuses the cut-off side (failures, no stale reads); AP serves it stale (stale reads, no failed reads)', () => {
    const cp = run(scenarioVariant('partition-cp-vs-ap', 0)).counters;
    const ap = run(scenarioVariant('partition-cp-vs-ap', 1)).counters;
    assert.ok(cp.failedReads > 0);
    assert.equal(cp.staleReads, 0);
    assert.equal(ap.failedReads, 0);
    assert.ok(ap.staleReads > 0);
    // Only the leader takes writes, so the cut-off side's writes fail under both.
    assert.ok(cp.failedWrites > 0 && ap.failedWrites > 0);
  });

  it('without a partition neither behaviour fails anything', () => {
    for (const index of [0, 1]) {
      const counters = run({ ...scenarioVariant('partition-cp-vs-ap', index), partitions: [] }).counters;
      assert.equal(counters.failedReads + counters.failedWrites, 0);
    }
  });

  it('replication held up by a partition catches up when it heals', () => {
    const settings = fixed({ partitions: [{ nodes: [1, 2], startMs: 1_000, endMs: 3_000 }], onPartition: { kind: 'ap' } });
    const result = run(settings);
    // A change held back at 1 000 ms arrives at 3 000 + 10 and is replayed 50 ms later.
    assert.ok(result.replicationLag.maxMs >= 1_900 && result.replicationLag.maxMs <= 2_060, `${result.replicationLag.maxMs}`);
    assert.ok(Math.abs(result.replicationLag.p50Ms - 60) < 1e-9);
  });
});

describe('leader/followers: failover', () => {
  it('async replication loses acknowledged writes when the leader crashes; semi-sync and sync do not', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const async = run(withSeed(scenarioVariant('async-failover-loss', 0), seed)).counters;
      const semiSync = run(withSeed(scenarioVariant('async-failover-loss', 1), seed)).counters;
      const sync: LeaderFollowerSettings = { ...scenarioVariant('async-failover-loss', 1), seed, replication: { mode: 'sync', acks: 1 } };
      assert.ok(async.lostAcknowledgedWrites > 0, `seed ${seed}`);
      assert.ok(async.lostAcknowledgedWrites <= async.acknowledgedWrites);
      assert.equal(semiSync.lostAcknowledgedWrites, 0, `seed ${seed}`);
      assert.ok(semiSync.acknowledgedWrites > 100);
      assert.equal(run(sync).counters.lostAcknowledgedWrites, 0, `seed ${seed}`);
    }
  });

  it('MySQL semi-sync falls back to async after its timeout and then loses writes; refusing loses none', () => {
    const fallback = simulateLeaderFollower(scenarioVariant('semi-sync-fallback', 0), { traceUntilMs: 30_000 });
    const refuse = run(scenarioVariant('semi-sync-fallback', 1));
    assert.ok(fallback.counters.lostAcknowledgedWrites > 0);
    const markers = fallback.trace!.markers.map((m) => m.kind);
    assert.ok(markers.includes('fallback-to-async'));
    assert.ok(markers.includes('crash') && markers.includes('promotion'));
    const fallbackAt = fallback.trace!.markers.find((m) => m.kind === 'fallback-to-async')!.atMs;
    // The partition starts at 2 s and the timeout is 10 s: the first stuck write gives up 10 s after it arrived.
    assert.ok(fallbackAt >= 12_000 && fallbackAt < 12_100, `${fallbackAt}`);
    // Writes hung for the whole timeout before being acknowledged.
    assert.ok(fallback.writeLatency.maxMs >= 10_000);
    assert.equal(refuse.counters.lostAcknowledgedWrites, 0);
    assert.ok(refuse.counters.failedWrites > 0);
  });
});

describe('leader/followers: trace, determinism and limits', () => {
  it('the trace has node and client lanes, the four message kinds, commits, read outcomes and partitions', () => {
    const result: LeaderFollowerResult = simulateLeaderFollower(scenarioVariant('partition-cp-vs-ap', 0), { traceUntilMs: 10_000 });
    const trace = result.trace!;
    assert.deepEqual(trace.lanes, ['leader', 'follower 1', 'follower 2', 'client 1', 'client 2', 'client 3']);
    const kinds = new Set(trace.messages.map((m) => m.kind));
    assert.deepEqual([...kinds].sort(), ['ack', 'read', 'response', 'write']);
    assert.ok(trace.markers.some((m) => m.kind === 'commit'));
    const outcomes = new Set(trace.reads.map((r) => r.outcome));
    assert.ok(outcomes.has('fresh') && outcomes.has('failed'));
    assert.deepEqual(trace.partitions, [{ lanes: [2], startMs: 3_000, endMs: 6_000 }]);
    for (const m of trace.messages) assert.ok(m.receiveMs === null || m.receiveMs >= m.sendMs);
  });

  it('a trace window limits what is recorded, and no option records nothing', () => {
    const settings = scenarioVariant('partition-cp-vs-ap', 0);
    const windowed = simulateLeaderFollower(settings, { traceUntilMs: 500 }).trace!;
    assert.ok(windowed.messages.length > 0 && windowed.messages.every((m) => m.sendMs <= 500));
    assert.equal(simulateLeaderFollower(settings).trace, undefined);
  });

  it('the same seed and settings give identical results, traces included', () => {
    const settings = scenarioVariant('async-failover-loss', 0);
    assert.deepEqual(simulateLeaderFollower(settings, { traceUntilMs: 6_000 }), simulateLeaderFollower(settings, { traceUntilMs: 6_000 }));
    assert.deepEqual(simulate(settings), simulate(settings));
  });

  it('stops at the request limit even when requests take no time at all', () => {
    const result = run(
      fixed({
        followers: uniformFollowers(1, constant(0), constant(0)),
        clientDelay: constant(0),
        workload: { ...defaultWorkloadForTests, thinkTime: constant(0) },
      }),
    );
    assert.equal(result.truncated, true);
    assert.equal(result.counters.reads + result.counters.writes, MAX_OPERATIONS);
  });

  it('writes plain-language sentences with the counters', () => {
    const report = simulate(scenarioVariant('async-failover-loss', 0));
    const lost = (report.result as LeaderFollowerResult).counters.lostAcknowledgedWrites;
    assert.ok(lost > 0);
    assert.ok(report.sentences.some((s) => s.includes(`${formatCount(lost)} writes the clients had been told succeeded were lost`)), report.sentences.join('\n'));
  });
});
