/**
 * The WARS trial run through the discrete-event engine: messages travel, replicas change state
 * when messages arrive, the coordinator counts acknowledgements and responses. It produces the
 * space-time trace the lesson panel draws, and the tests check that it reaches exactly the verdict
 * of the direct computation in wars.ts on the same draws.
 */
import { EventQueue } from './event-queue';
import { createRandom } from './prng';
import type { QuorumSettings } from './settings';
import { TraceRecorder, type Trace } from './trace';
import { allocateDraws, TrialSampler, type TrialDraws } from './wars';

export interface EventTrialResult {
  readonly commitMs: number;
  readonly readLatencyMs: number;
  readonly consistent: boolean;
  readonly trace: Trace;
}

// Simultaneous events: a write landing on a replica is applied before a read arriving there at the
// same instant (PBS counts equality as fresh); responses with equal arrival times are taken in
// replica order, the direct computation's tie rule.
const RANK_WRITE_ARRIVAL = 0;
const RANK_ACK_ARRIVAL = 1;
const RANK_READ_SEND = 2;
const RANK_READ_ARRIVAL = 3;
const RANK_RESPONSE_ARRIVAL = 4;
/** Replica indices are below 100, so rank × 1000 + replica orders by kind, then replica. */
const RANK_STRIDE = 1000;

const COORDINATOR = 0;
const NEW_VERSION = 1;

/** Simulates one write and one read issued `tMs` after commit, message by message. */
export function simulateTrialWithEvents(draws: TrialDraws, readQuorum: number, writeQuorum: number, tMs: number): EventTrialResult {
  const replicas = draws.write.length;
  const lane = (replica: number) => replica + 1;
  const recorder = new TraceRecorder(['coordinator', ...Array.from({ length: replicas }, (_, i) => `replica ${i + 1}`)]);
  const queue = new EventQueue();
  const replicaVersion = new Array<number>(replicas).fill(0);
  let acks = 0;
  let commitMs = NaN;
  let readSentMs = NaN;
  let responses = 0;
  let consistent = false;
  let readLatencyMs = NaN;

  const onResponse = (replica: number, version: number, sentMs: number) => {
    const counted = responses < readQuorum;
    recorder.message({ kind: 'response', from: lane(replica), to: COORDINATOR, sendMs: sentMs, receiveMs: queue.nowMs, version, ignored: !counted });
    if (!counted) return;
    responses++;
    if (version === NEW_VERSION) consistent = true;
    if (responses === readQuorum) {
      readLatencyMs = queue.nowMs - readSentMs;
      recorder.read({
        lane: COORDINATOR,
        issuedMs: readSentMs,
        completedMs: queue.nowMs,
        outcome: consistent ? 'fresh' : 'stale',
        returnedVersion: consistent ? NEW_VERSION : 0,
        expectedVersion: NEW_VERSION,
      });
    }
  };

  const sendRead = () => {
    readSentMs = queue.nowMs;
    for (let i = 0; i < replicas; i++) {
      const arrival = readSentMs + draws.read[i];
      recorder.message({ kind: 'read', from: COORDINATOR, to: lane(i), sendMs: readSentMs, receiveMs: arrival, version: 0, ignored: false });
      queue.schedule(arrival, RANK_READ_ARRIVAL * RANK_STRIDE + i, () => {
        // The replica answers with whatever it holds when the request arrives.
        const version = replicaVersion[i];
        const sentMs = queue.nowMs;
        queue.schedule(sentMs + draws.response[i], RANK_RESPONSE_ARRIVAL * RANK_STRIDE + i, () => onResponse(i, version, sentMs));
      });
    }
  };

  const onAck = (replica: number, sentMs: number) => {
    const counted = acks < writeQuorum;
    recorder.message({ kind: 'ack', from: lane(replica), to: COORDINATOR, sendMs: sentMs, receiveMs: queue.nowMs, version: NEW_VERSION, ignored: !counted });
    if (!counted) return;
    acks++;
    if (acks === writeQuorum) {
      commitMs = queue.nowMs;
      recorder.marker({ kind: 'commit', lane: COORDINATOR, atMs: commitMs, version: NEW_VERSION });
      queue.schedule(commitMs + tMs, RANK_READ_SEND * RANK_STRIDE, sendRead);
    }
  };

  for (let i = 0; i < replicas; i++) {
    recorder.message({ kind: 'write', from: COORDINATOR, to: lane(i), sendMs: 0, receiveMs: draws.write[i], version: NEW_VERSION, ignored: false });
    queue.schedule(draws.write[i], RANK_WRITE_ARRIVAL * RANK_STRIDE + i, () => {
      replicaVersion[i] = NEW_VERSION;
      const sentMs = queue.nowMs;
      queue.schedule(sentMs + draws.ack[i], RANK_ACK_ARRIVAL * RANK_STRIDE + i, () => onAck(i, sentMs));
    });
  }
  queue.run();
  return { commitMs, readLatencyMs, consistent, trace: recorder.finish(queue.nowMs) };
}

/**
 * Replays trial number `trialIndex` of a quorum run (same seed, same draws as runQuorumTrials)
 * through the event engine with a read `tMs` after commit, for the space-time diagram.
 */
export function traceQuorumTrial(settings: QuorumSettings, trialIndex: number, tMs: number): EventTrialResult {
  const random = createRandom(settings.seed);
  const sampler = new TrialSampler(settings);
  const draws = allocateDraws(settings.replicas);
  for (let trial = 0; trial <= trialIndex; trial++) sampler.draw(random, draws);
  return simulateTrialWithEvents(draws, settings.readQuorum, settings.writeQuorum, tMs);
}
