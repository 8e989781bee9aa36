/** One entry point for both models: run the settings, return the numbers and the sentences. */
import { describeLeaderFollower, describeQuorum } from './describe';
import { simulateLeaderFollower, type LeaderFollowerOptions, type LeaderFollowerResult } from './leader-follower';
import { simulateQuorum, type QuorumResult } from './quorum-simulation';
import type { SimulatorSettings } from './settings';

export interface SimulationReport {
  readonly settings: SimulatorSettings;
  readonly result: QuorumResult | LeaderFollowerResult;
  /** Plain-language summary, e.g. "A read 10 ms after commit sees the write 92.5 % of the time." */
  readonly sentences: readonly string[];
}

/** Runs validated settings (see validateSettings). Deterministic: same settings, same report. */
export function simulate(settings: SimulatorSettings, options: LeaderFollowerOptions = {}): SimulationReport {
  if (settings.model === 'quorum') {
    const result = simulateQuorum(settings);
    return { settings, result, sentences: describeQuorum(settings, result) };
  }
  const result = simulateLeaderFollower(settings, options);
  return { settings, result, sentences: describeLeaderFollower(settings, result) };
}
