/**
 * Runs the simulator for the lab and gathers what the lab shows: counters, sentences, curve,
 * latencies and a trace for the space-time diagram. Quorum runs are sliced (see chunked-quorum);
 * a leader/follower run is one call, started after the "Running…" status has been painted.
 */
import {
  allocateDraws,
  createRandom,
  describeLeaderFollower,
  describeQuorum,
  simulateLeaderFollower,
  traceQuorumTrial,
  TrialEvaluator,
  TrialSampler,
  type CurvePoint,
  type LatencySummary,
  type LeaderFollowerSettings,
  type QuorumSettings,
  type SimulatorSettings,
  type Trace,
} from '../../simulator';
import { summarizeQuorumTrials } from '../../simulator/quorum-simulation';
import { runQuorumTrialsChunked, type RunControl } from './chunked-quorum';

export interface LabCounters {
  reads: number;
  stale: number;
  failed: number;
  lost: number;
}

export interface LabRun {
  counters: LabCounters;
  /** What "stale" counts in this model, for the counter's label. */
  staleMeaning: string;
  sentences: readonly string[];
  curve?: readonly CurvePoint[];
  readLatency: LatencySummary;
  writeLatency: LatencySummary;
  trace: Trace;
  /** The part of the trace the diagram shows. */
  traceFromMs: number;
  traceCaption: string;
}

/** How far into a quorum run to look for a trial whose read at commit is stale, to draw that one. */
const STALE_TRIAL_SEARCH = 10_000;
/** A leader/follower diagram shows this much time: enough to follow single messages. */
const DIAGRAM_WINDOW_MS = 800;

export async function runLab(settings: SimulatorSettings, control: RunControl): Promise<LabRun> {
  return settings.model === 'quorum' ? runQuorum(settings, control) : runLeaderFollower(settings, control);
}

async function runQuorum(settings: QuorumSettings, control: RunControl): Promise<LabRun> {
  const result = summarizeQuorumTrials(await runQuorumTrialsChunked(settings, control));
  const staleTrial = firstStaleTrial(settings);
  const trial = traceQuorumTrial(settings, staleTrial ?? 0, 0);
  return {
    counters: {
      reads: settings.trials,
      stale: Math.round(settings.trials * (1 - result.consistentAtCommit)),
      failed: 0,
      lost: 0,
    },
    staleMeaning: 'reads issued at commit that missed the write',
    sentences: describeQuorum(settings, result),
    curve: result.curve,
    readLatency: result.readLatency,
    writeLatency: result.writeLatency,
    trace: trial.trace,
    traceFromMs: 0,
    traceCaption:
      staleTrial === undefined
        ? 'Trial 1: one write, then a read issued at the moment of commit (fresh: every read quorum overlaps the write quorum).'
        : `Trial ${staleTrial + 1}, the first whose read issued at commit is stale: it reaches the replicas it waits for before the write does.`,
  };
}

/** The index of the first trial whose read at t = 0 misses the write, replaying the run's own draws. */
function firstStaleTrial(settings: QuorumSettings): number | undefined {
  const random = createRandom(settings.seed);
  const sampler = new TrialSampler(settings);
  const evaluator = new TrialEvaluator(settings.readQuorum, settings.writeQuorum, settings.replicas);
  const draws = allocateDraws(settings.replicas);
  const limit = Math.min(settings.trials, STALE_TRIAL_SEARCH);
  for (let trial = 0; trial < limit; trial++) {
    sampler.draw(random, draws);
    if (!evaluator.isConsistentAt(draws, 0)) return trial;
  }
  return undefined;
}

async function runLeaderFollower(settings: LeaderFollowerSettings, control: RunControl): Promise<LabRun> {
  await (control.yieldToEventLoop ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0))))();
  const from = diagramStart(settings);
  const to = Math.min(settings.workload.durationMs, from + DIAGRAM_WINDOW_MS);
  const result = simulateLeaderFollower(settings, { traceUntilMs: to });
  control.onProgress?.(1);
  const c = result.counters;
  return {
    counters: { reads: c.reads, stale: c.staleReads, failed: c.failedReads + c.failedWrites, lost: c.lostAcknowledgedWrites },
    staleMeaning: 'reads that missed an acknowledged write',
    sentences: describeLeaderFollower(settings, result),
    readLatency: result.readLatency,
    writeLatency: result.writeLatency,
    trace: windowed(result.trace!, from, to),
    traceFromMs: from,
    traceCaption: `Messages from ${from} ms to ${to} ms${settings.partitions.length ? ', around the start of the partition' : settings.leaderCrash ? ', around the leader crash' : ''}.`,
  };
}

/** The diagram starts just before the first interesting event: a partition or the crash. */
function diagramStart(settings: LeaderFollowerSettings): number {
  const events = [...settings.partitions.map((p) => p.startMs), ...(settings.leaderCrash ? [settings.leaderCrash.atMs] : [])];
  return events.length ? Math.max(0, Math.min(...events) - DIAGRAM_WINDOW_MS / 4) : 0;
}

function windowed(trace: Trace, from: number, to: number): Trace {
  return {
    lanes: trace.lanes,
    messages: trace.messages.filter((m) => m.sendMs >= from && m.sendMs <= to),
    markers: trace.markers.filter((m) => m.atMs >= from && m.atMs <= to),
    reads: trace.reads.filter((r) => r.completedMs >= from && r.completedMs <= to),
    partitions: trace.partitions
      .filter((p) => p.endMs >= from && p.startMs <= to)
      .map((p) => ({ lanes: p.lanes, startMs: Math.max(p.startMs, from), endMs: Math.min(p.endMs, to) })),
    endMs: to,
  };
}
