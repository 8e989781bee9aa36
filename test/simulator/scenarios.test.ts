import assert from 'node:assert/strict';
import { getScenario, listScenarioIds, scenarios, simulate, type LeaderFollowerResult, type QuorumResult, type QuorumSettings } from '../../src/simulator';

/** Lessons link to these ids: removing or renaming one breaks them. */
const PROMISED_IDS = [
  'quorum-basics',
  'strict-quorum',
  'wan-replica',
  'read-your-writes',
  'partition-cp-vs-ap',
  'async-failover-loss',
  'semi-sync-fallback',
  'cassandra-consistency-levels',
  'dynamodb-strong-vs-eventual',
];

const quick = (settings: QuorumSettings): QuorumSettings => ({ ...settings, trials: 50_000 });

describe('scenarios', () => {
  it('provide every promised id, uniquely, with title, caption and at least one variant', () => {
    const ids = listScenarioIds();
    for (const id of PROMISED_IDS) assert.ok(ids.includes(id as never), id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(scenarios.map((s) => s.id), ids);
    for (const scenario of scenarios) {
      assert.ok(scenario.title.length > 10 && scenario.caption.length > 80, scenario.id);
      assert.ok(scenario.variants.length >= 1);
      assert.equal(scenario.settings, scenario.variants[0].settings);
    }
    assert.equal(getScenario('no-such-scenario'), undefined);
  });

  it('quorum-basics is N = 3, R = W = 1 on LinkedIn disk and shows stale reads at commit', () => {
    const settings = getScenario('quorum-basics')!.settings as QuorumSettings;
    assert.deepEqual([settings.replicas, settings.readQuorum, settings.writeQuorum], [3, 1, 1]);
    const result = simulate(quick(settings)).result as QuorumResult;
    assert.ok(result.consistentAtCommit > 0.4 && result.consistentAtCommit < 0.5);
  });

  it('strict-quorum variants with R + W > N never read stale; the comparison variant does', () => {
    for (const variant of getScenario('strict-quorum')!.variants) {
      const settings = variant.settings as QuorumSettings;
      const result = simulate(quick(settings)).result as QuorumResult;
      assert.equal(result.consistentAtCommit === 1, settings.readQuorum + settings.writeQuorum > settings.replicas, variant.label);
    }
  });

  it('wan-replica: cross-region lag keeps reads stale far longer than in one datacenter', () => {
    const [wan, local] = getScenario('wan-replica')!.variants.map((v) => simulate(quick(v.settings as QuorumSettings)).result as QuorumResult);
    const t99 = (r: QuorumResult) => r.timeToReach[1].tMs;
    assert.ok(t99(wan) > 75, `${t99(wan)}`);
    assert.ok(t99(wan) > 2 * t99(local));
  });

  it('cassandra-consistency-levels: ONE is stale sometimes, QUORUM and ALL never, and latency grows with the level', () => {
    const results = getScenario('cassandra-consistency-levels')!.variants.map((v) => simulate(quick(v.settings as QuorumSettings)).result as QuorumResult);
    assert.ok(results[0].consistentAtCommit < 1);
    assert.equal(results[1].consistentAtCommit, 1);
    assert.equal(results[2].consistentAtCommit, 1);
    assert.ok(results[0].writeLatency.p999Ms < results[1].writeLatency.p999Ms && results[1].writeLatency.p999Ms < results[2].writeLatency.p999Ms);
  });

  it('dynamodb-strong-vs-eventual: only the eventual read is ever stale', () => {
    const [eventual, strong] = getScenario('dynamodb-strong-vs-eventual')!.variants.map((v) => simulate(v.settings).result as LeaderFollowerResult);
    assert.ok(eventual.counters.staleReads > 0);
    assert.equal(strong.counters.staleReads, 0);
  });

  it('every variant runs and produces sentences', () => {
    for (const scenario of scenarios) {
      for (const variant of scenario.variants) {
        const settings = variant.settings.model === 'quorum' ? quick(variant.settings) : variant.settings;
        assert.ok(simulate(settings).sentences.length >= 3, `${scenario.id} / ${variant.label}`);
      }
    }
  });
});
