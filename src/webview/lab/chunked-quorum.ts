/**
 * Runs a quorum simulation in slices so that a 200 000-trial run never blocks the panel: each slice
 * draws and evaluates a few thousand trials, then yields to the event loop (setTimeout) so input,
 * painting and the "Stop" button stay responsive. Workers are not an option under the panel's CSP.
 *
 * The trials come from the simulator's own trial runner, in the same order from the same seeded
 * stream as `simulateQuorum`, and are summarised by the same `summarizeQuorumTrials`; a unit test
 * holds the two to exact equality, so the panel shows the very numbers the CLI and the tests compute.
 */
import type { QuorumSettings } from '../../simulator/settings';
import { QuorumTrialRunner, type QuorumTrials } from '../../simulator/wars';

/** About 5 ms of work per slice at N = 3 on a laptop; scaled down for larger N. */
const TRIAL_WORK_PER_SLICE = 60_000;

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
  const runner = new QuorumTrialRunner(settings);
  const slice = Math.max(1, Math.floor(TRIAL_WORK_PER_SLICE / settings.replicas));
  for (let done = 0; done < settings.trials; ) {
    done = runner.run(slice);
    control.onProgress?.(done / settings.trials);
    await (control.yieldToEventLoop ?? defaultYield)();
    if (control.cancelled?.()) throw new RunCancelled();
  }
  return runner.finish();
}
