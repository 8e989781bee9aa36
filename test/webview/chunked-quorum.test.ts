import assert from 'node:assert/strict';
import { exponential, mixture, pareto } from '../../src/simulator/distributions';
import { simulateQuorum } from '../../src/simulator/quorum-simulation';
import type { QuorumSettings } from '../../src/simulator/settings';
import { summarizeQuorumTrials } from '../../src/simulator/quorum-simulation';
import { RunCancelled, runQuorumTrialsChunked } from '../../src/webview/lab/chunked-quorum';

const immediately = () => Promise.resolve();

describe('lab: chunked quorum runs', () => {
  const cases: QuorumSettings[] = [
    { model: 'quorum', seed: 7, trials: 30_000, replicas: 3, readQuorum: 1, writeQuorum: 1, legs: { write: exponential(10), ack: exponential(1), read: exponential(1), response: exponential(1) } },
    {
      model: 'quorum',
      seed: 11,
      trials: 25_003, // not a multiple of the slice size
      replicas: 5,
      readQuorum: 2,
      writeQuorum: 2,
      remoteOneWayMs: 75,
      legs: { write: mixture({ weight: 0.38, distribution: pareto(1.05, 1.51) }, { weight: 0.62, distribution: exponential(1 / 0.183) }), ack: exponential(1), read: exponential(1), response: exponential(1) },
    },
  ];

  for (const settings of cases) {
    it(`gives exactly simulateQuorum's result (N=${settings.replicas}, R=${settings.readQuorum}, W=${settings.writeQuorum}, ${settings.trials} trials)`, async () => {
      let slices = 0;
      const trials = await runQuorumTrialsChunked(settings, { yieldToEventLoop: immediately, onProgress: () => slices++ });
      assert.ok(slices > 1, 'the run was split into several slices');
      assert.deepEqual(summarizeQuorumTrials(trials), simulateQuorum(settings));
    });
  }

  it('stops between slices when cancelled', async () => {
    let slices = 0;
    await assert.rejects(
      runQuorumTrialsChunked(cases[0]!, { yieldToEventLoop: immediately, onProgress: () => slices++, cancelled: () => slices >= 1 }),
      RunCancelled,
    );
    assert.equal(slices, 1);
  });
});
