/**
 * Runs a quorum simulation in slices so that a 200 000-trial run never blocks the panel: each slice
 * draws and evaluates a few thousand trials, then yields to the event loop (setTimeout) so input,
 * painting and the "Stop" button stay responsive. Workers are not an option under the panel's CSP.
 *
 * The trials come from the simulator's own sampler and evaluator, in the same order from the same
 * seeded stream as `simulateQuorum`, and are summarised the same way; a unit test holds the two to
 * exact equality, so the panel shows the very numbers the CLI and the tests compute.
 */
import { createRandom } from '../../simulator/prng';
import { roundUpToNice, type QuorumResult } from '../../simulator/quorum-simulation';
import type { QuorumSettings } from '../../simulator/settings';
import { summarizeLatencies } from '../../simulator/statistics';
import {
  allocateDraws,
  probabilityConsistentAt,
  timeToReachProbability,
  TrialEvaluator,
  TrialSampler,
  type QuorumTrials,
  type TrialOutcome,
} from '../../simulator/wars';

/** About 5 ms of work per slice at N = 3 on a laptop; scaled down for larger N. */
const TRIAL_WORK_PER_SLICE = 60_000;
/** As in `simulateQuorum`: the curve's resolution and the probabilities whose times are reported. */
const CURVE_POINTS = 201;
const MILESTONES = [0.9, 0.99, 0.999];

export interface RunControl {
  /** Called after each slice with the fraction of trials done. */
  onProgress?: (done: number) => void;
  /** Checked between slices; a cancelled run rejects with `RunCancelled`. */
  cancelled?: () => boolean;
  /** How to wait between slices; `setTimeout(0)` in the webview. */
  yieldToEventLoop?: () => Promise<void>;
}

export class RunCancelled extends Error {
  constructor() {
    super('simulation cancelled');
    this.name = 'RunCancelled';
  }
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runQuorumTrialsChunked(settings: QuorumSettings, control: RunControl = {}): Promise<QuorumTrials> {
  const random = createRandom(settings.seed);
  const sampler = new TrialSampler(settings);
  const evaluator = new TrialEvaluator(settings.readQuorum, settings.writeQuorum, settings.replicas);
  const draws = allocateDraws(settings.replicas);
  const outcome: TrialOutcome = { commitMs: 0, readLatencyMs: 0, consistentFromMs: 0 };
  const consistentFromMs = new Float64Array(settings.trials);
  const writeLatencyMs = new Float64Array(settings.trials);
  const readLatencyMs = new Float64Array(settings.trials);
  const slice = Math.max(1, Math.floor(TRIAL_WORK_PER_SLICE / settings.replicas));
  for (let start = 0; start < settings.trials; start += slice) {
    const end = Math.min(settings.trials, start + slice);
    for (let trial = start; trial < end; trial++) {
      sampler.draw(random, draws);
      evaluator.evaluate(draws, outcome);
      consistentFromMs[trial] = outcome.consistentFromMs;
      writeLatencyMs[trial] = outcome.commitMs;
      readLatencyMs[trial] = outcome.readLatencyMs;
    }
    control.onProgress?.(end / settings.trials);
    await (control.yieldToEventLoop ?? defaultYield)();
    if (control.cancelled?.()) throw new RunCancelled();
  }
  consistentFromMs.sort();
  writeLatencyMs.sort();
  readLatencyMs.sort();
  return { settings, consistentFromMs, writeLatencyMs, readLatencyMs };
}

export function summarizeQuorumTrials(trials: QuorumTrials): QuorumResult {
  const { settings } = trials;
  const timeToReach = MILESTONES.map((probability) => ({ probability, tMs: timeToReachProbability(trials, probability) }));
  const tMaxMs = settings.tMaxMs ?? roundUpToNice(Math.max(timeToReach[2]!.tMs, 1));
  const curve = Array.from({ length: CURVE_POINTS }, (_, i) => {
    const tMs = (tMaxMs * i) / (CURVE_POINTS - 1);
    return { tMs, probability: probabilityConsistentAt(trials, tMs) };
  });
  const exampleT = roundUpToNice(Math.max(timeToReach[0]!.tMs, 0.1));
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
