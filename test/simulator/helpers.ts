/** Shared settings for the simulator tests. */
import { exponential, latencyProfiles, quorumSettings, type QuorumSettings, type WarsLegs } from '../../src/simulator';

export const linkedInSsd = latencyProfiles.find((p) => p.id === 'linkedin-ssd')!.legs;
export const linkedInDisk = latencyProfiles.find((p) => p.id === 'linkedin-disk')!.legs;
export const yammer = latencyProfiles.find((p) => p.id === 'yammer')!.legs;

/** PBS Figure 4's synthetic legs: exponential W with the given mean, A = R = S exponential with mean 1 ms. */
export function syntheticLegs(writeMeanMs: number): WarsLegs {
  return { write: exponential(writeMeanMs), ack: exponential(1), read: exponential(1), response: exponential(1) };
}

export function quorum(legs: WarsLegs, n: number, r: number, w: number, extra: Partial<QuorumSettings> = {}): QuorumSettings {
  return quorumSettings(legs, n, r, w, extra);
}
