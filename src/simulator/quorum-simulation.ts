/**
 * A quorum run summarised for display: the PBS curve (probability that a read issued t after
 * commit is consistent), the times at which it reaches 90 / 99 / 99.9 %, and latency percentiles.
 */
import type { QuorumSettings } from './settings';
import { summarizeLatencies, type LatencySummary } from './statistics';
import { probabilityConsistentAt, runQuorumTrials, timeToReachProbability, type QuorumTrials } from './wars';

export interface CurvePoint {
  readonly tMs: number;
  readonly probability: number;
}

export interface QuorumResult {
  readonly model: 'quorum';
  /** R + W > N: every read overlaps the write quorum. */
  readonly strictQuorum: boolean;
  /** P(consistent) for a read issued at the moment of commit. */
  readonly consistentAtCommit: number;
  /** P(consistent) against t, evenly spaced from 0 to tMaxMs. */
  readonly curve: readonly CurvePoint[];
  /** Smallest t reaching 90 %, 99 % and 99.9 % consistent reads. */
  readonly timeToReach: readonly { readonly probability: number; readonly tMs: number }[];
  /** A round t where about nine reads in ten are consistent, for the headline sentence. */
  readonly example: CurvePoint;
  readonly writeLatency: LatencySummary;
  readonly readLatency: LatencySummary;
}

const CURVE_POINTS = 201;
const MILESTONES = [0.9, 0.99, 0.999];

export function simulateQuorum(settings: QuorumSettings): QuorumResult {
  return summarizeQuorumTrials(runQuorumTrials(settings));
}

/** The display summary of a finished run (also of one run in slices by the webview). */
export function summarizeQuorumTrials(trials: QuorumTrials): QuorumResult {
  const { settings } = trials;
  const timeToReach = MILESTONES.map((probability) => ({ probability, tMs: timeToReachProbability(trials, probability) }));
  const tMaxMs = settings.tMaxMs ?? roundUpToNice(Math.max(timeToReach[2].tMs, 1));
  const curve = Array.from({ length: CURVE_POINTS }, (_, i) => {
    const tMs = (tMaxMs * i) / (CURVE_POINTS - 1);
    return { tMs, probability: probabilityConsistentAt(trials, tMs) };
  });
  const exampleT = roundUpToNice(Math.max(timeToReach[0].tMs, 0.1));
  return {
    model: 'quorum',
    strictQuorum: settings.readQuorum + settings.writeQuorum > settings.replicas,
    consistentAtCommit: probabilityConsistentAt(trials, 0),
    curve,
    timeToReach,
    example: { tMs: exampleT, probability: probabilityConsistentAt(trials, exampleT) },
    writeLatency: summarizeLatencies(trials.writeLatencyMs),
    readLatency: summarizeLatencies(trials.readLatencyMs),
  };
}

/** Smallest 1, 2 or 5 × 10^k that is ≥ value, so axes and sentences use round numbers. */
export function roundUpToNice(value: number): number {
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  // The tolerance keeps 10 from becoming 20 when log10 or the product rounds by one ulp.
  for (const step of [1, 2, 5]) {
    if (step * magnitude >= value * (1 - 1e-12)) return step * magnitude;
  }
  return 10 * magnitude;
}
