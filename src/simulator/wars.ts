/**
 * The PBS "WARS" model of leaderless (Dynamo / Cassandra) quorum replication, computed directly
 * per trial. One trial: a write is sent to all N replicas at time 0; it commits when the W-th
 * acknowledgement arrives (commit = W-th smallest W[i]+A[i]). A read sent t after commit reaches
 * replica i at commit+t+R[i] and sees the write iff W[i] ≤ commit+t+R[i]. The coordinator keeps the
 * first R responses ordered by R[i]+S[i] (ties: lower replica index); the read is consistent iff any
 * of them is fresh. See reference/simulator-anchors.md §1.4.
 */
import { compileSampler, type Sampler } from './distributions';
import { createRandom, type Random } from './prng';
import type { QuorumSettings } from './settings';
import { countAtMost, percentile } from './statistics';

/** The random delays of one trial, one entry per replica. */
export interface TrialDraws {
  readonly write: Float64Array;
  readonly ack: Float64Array;
  readonly read: Float64Array;
  readonly response: Float64Array;
}

export function allocateDraws(replicas: number): TrialDraws {
  return {
    write: new Float64Array(replicas),
    ack: new Float64Array(replicas),
    read: new Float64Array(replicas),
    response: new Float64Array(replicas),
  };
}

/**
 * Fills `draws` with one trial's delays. Draw order (part of the determinism contract): for each
 * replica in index order W, A, R, S; then, in the WAN model, the writer's and the reader's local
 * replica.
 */
export class TrialSampler {
  private readonly write: Sampler;
  private readonly ack: Sampler;
  private readonly read: Sampler;
  private readonly response: Sampler;

  constructor(private readonly settings: QuorumSettings) {
    this.write = compileSampler(settings.legs.write);
    this.ack = compileSampler(settings.legs.ack);
    this.read = compileSampler(settings.legs.read);
    this.response = compileSampler(settings.legs.response);
  }

  draw(random: Random, draws: TrialDraws): void {
    const replicas = this.settings.replicas;
    for (let i = 0; i < replicas; i++) {
      draws.write[i] = this.write(random);
      draws.ack[i] = this.ack(random);
      draws.read[i] = this.read(random);
      draws.response[i] = this.response(random);
    }
    const remote = this.settings.remoteOneWayMs;
    if (remote !== undefined && remote > 0) {
      const writerLocal = random.nextIndex(replicas);
      const readerLocal = random.nextIndex(replicas);
      for (let i = 0; i < replicas; i++) {
        if (i !== writerLocal) {
          draws.write[i] += remote;
          draws.ack[i] += remote;
        }
        if (i !== readerLocal) {
          draws.read[i] += remote;
          draws.response[i] += remote;
        }
      }
    }
  }
}

/** What one trial yields, independent of t. */
export interface TrialOutcome {
  /** Commit time = write latency. */
  commitMs: number;
  /** R-th fastest response = read latency. */
  readLatencyMs: number;
  /** Smallest t ≥ 0 at which the read is consistent (0 if it already is at commit). */
  consistentFromMs: number;
}

/** Evaluates trials directly (no event queue). Holds scratch buffers so the hot loop allocates nothing. */
export class TrialEvaluator {
  private readonly sortScratch: Float64Array;
  private readonly keyScratch: Float64Array;
  private readonly counted: Int32Array;

  constructor(
    private readonly readQuorum: number,
    private readonly writeQuorum: number,
    replicas: number,
  ) {
    this.sortScratch = new Float64Array(replicas);
    this.keyScratch = new Float64Array(replicas);
    this.counted = new Int32Array(readQuorum);
  }

  /** Commit time: W-th smallest W[i] + A[i]. */
  commitTime(draws: TrialDraws): number {
    const keys = this.sortScratch;
    for (let i = 0; i < keys.length; i++) keys[i] = draws.write[i] + draws.ack[i];
    sortInPlace(keys);
    return keys[this.writeQuorum - 1];
  }

  /**
   * Finds the first R responders (ordered by R[i]+S[i], ties by lower index) and stores their
   * indices in `counted`. Returns the R-th smallest R[i]+S[i], the read latency.
   */
  private selectCountedResponders(draws: TrialDraws): number {
    const keys = this.keyScratch;
    const sorted = this.sortScratch;
    const replicas = keys.length;
    for (let i = 0; i < replicas; i++) {
      keys[i] = draws.read[i] + draws.response[i];
      sorted[i] = keys[i];
    }
    sortInPlace(sorted);
    const cutoff = sorted[this.readQuorum - 1];
    let tiesAllowed = this.readQuorum;
    for (let i = 0; i < replicas; i++) if (keys[i] < cutoff) tiesAllowed--;
    let selected = 0;
    for (let i = 0; i < replicas; i++) {
      if (keys[i] < cutoff) this.counted[selected++] = i;
      else if (keys[i] === cutoff && tiesAllowed > 0) {
        tiesAllowed--;
        this.counted[selected++] = i;
      }
    }
    return cutoff;
  }

  evaluate(draws: TrialDraws, outcome: TrialOutcome): void {
    const commit = this.commitTime(draws);
    outcome.commitMs = commit;
    outcome.readLatencyMs = this.selectCountedResponders(draws);
    let earliestFresh = Infinity;
    for (let k = 0; k < this.readQuorum; k++) {
      const i = this.counted[k];
      // Replica i is fresh for a read sent t after commit iff W[i] ≤ commit + t + R[i].
      const needed = draws.write[i] - commit - draws.read[i];
      if (needed < earliestFresh) earliestFresh = needed;
    }
    outcome.consistentFromMs = earliestFresh > 0 ? earliestFresh : 0;
  }

  /** The spec's definition, evaluated literally for one t. The event-engine check compares against this. */
  isConsistentAt(draws: TrialDraws, tMs: number): boolean {
    const commit = this.commitTime(draws);
    this.selectCountedResponders(draws);
    for (let k = 0; k < this.readQuorum; k++) {
      const i = this.counted[k];
      if (draws.write[i] <= commit + tMs + draws.read[i]) return true;
    }
    return false;
  }
}

/** Below this length insertion sort beats the built-in typed-array sort, whose call overhead dominates for N = 3. */
const INSERTION_SORT_LIMIT = 24;

function sortInPlace(values: Float64Array): void {
  if (values.length > INSERTION_SORT_LIMIT) {
    values.sort();
    return;
  }
  for (let i = 1; i < values.length; i++) {
    const value = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > value) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
}

/** All trials of one run, each column sorted ascending. */
export interface QuorumTrials {
  readonly settings: QuorumSettings;
  readonly consistentFromMs: Float64Array;
  readonly writeLatencyMs: Float64Array;
  readonly readLatencyMs: Float64Array;
}

/**
 * Draws and evaluates trials from one seeded stream, a range at a time, so that the webview can
 * run a long simulation in slices and still get exactly the trials `runQuorumTrials` gets.
 */
export class QuorumTrialRunner {
  private readonly random: ReturnType<typeof createRandom>;
  private readonly sampler: TrialSampler;
  private readonly evaluator: TrialEvaluator;
  private readonly draws: ReturnType<typeof allocateDraws>;
  private readonly outcome: TrialOutcome = { commitMs: 0, readLatencyMs: 0, consistentFromMs: 0 };
  private readonly consistentFromMs: Float64Array;
  private readonly writeLatencyMs: Float64Array;
  private readonly readLatencyMs: Float64Array;
  private done = 0;

  constructor(private readonly settings: QuorumSettings) {
    this.random = createRandom(settings.seed);
    this.sampler = new TrialSampler(settings);
    this.evaluator = new TrialEvaluator(settings.readQuorum, settings.writeQuorum, settings.replicas);
    this.draws = allocateDraws(settings.replicas);
    this.consistentFromMs = new Float64Array(settings.trials);
    this.writeLatencyMs = new Float64Array(settings.trials);
    this.readLatencyMs = new Float64Array(settings.trials);
  }

  /** Runs up to `count` more trials; returns how many have run in all. */
  run(count: number): number {
    const end = Math.min(this.settings.trials, this.done + count);
    for (let trial = this.done; trial < end; trial++) {
      this.sampler.draw(this.random, this.draws);
      this.evaluator.evaluate(this.draws, this.outcome);
      this.consistentFromMs[trial] = this.outcome.consistentFromMs;
      this.writeLatencyMs[trial] = this.outcome.commitMs;
      this.readLatencyMs[trial] = this.outcome.readLatencyMs;
    }
    this.done = end;
    return end;
  }

  /** The trials, each column sorted, once all have run. */
  finish(): QuorumTrials {
    this.run(this.settings.trials - this.done);
    this.consistentFromMs.sort();
    this.writeLatencyMs.sort();
    this.readLatencyMs.sort();
    return { settings: this.settings, consistentFromMs: this.consistentFromMs, writeLatencyMs: this.writeLatencyMs, readLatencyMs: this.readLatencyMs };
  }
}

/** Runs `settings.trials` independent trials from one seeded stream. */
export function runQuorumTrials(settings: QuorumSettings): QuorumTrials {
  return new QuorumTrialRunner(settings).finish();
}

/** P(a read issued `tMs` after commit is consistent): the empirical CDF of the per-trial thresholds. */
export function probabilityConsistentAt(trials: QuorumTrials, tMs: number): number {
  return countAtMost(trials.consistentFromMs, tMs) / trials.consistentFromMs.length;
}

/** Smallest t at which at least `probability` of reads are consistent. */
export function timeToReachProbability(trials: QuorumTrials, probability: number): number {
  return percentile(trials.consistentFromMs, probability);
}
