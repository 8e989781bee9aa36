/**
 * Presets. Sources are in reference/simulator-anchors.md (the shared research file):
 * - production fits: PBS (Bailis et al., VLDB 2012) Table 3, §1.7 of the anchors;
 * - WAN: PBS §5.5, 75 ms one way to a remote datacenter;
 * - region delays: one-way = half the EC2 round trips in the anchors' §4 (Bailis 2013 ping data);
 * - database knobs: the anchors' §3. Follower apply lags are illustrative ("a fraction of a
 *   second", DDIA), not measurements of a particular product.
 */
import { exponential, mixture, pareto, shifted, type Distribution } from './distributions';
import type { FollowerSettings, LeaderFollowerSettings, QuorumSettings, SimulatorSettings, WarsLegs, WorkloadSettings } from './settings';

/** LNKD-SSD leg: 91.22 % Pareto(x_m = 0.235, α = 10) + 8.78 % Exponential(λ = 1.66 /ms). */
export const linkedInSsdLeg: Distribution = mixture(
  { weight: 0.9122, distribution: pareto(0.235, 10) },
  { weight: 0.0878, distribution: exponential(1 / 1.66) },
);

/** LNKD-DISK write leg: 38 % Pareto(x_m = 1.05, α = 1.51) + 62 % Exponential(λ = 0.183 /ms). */
export const linkedInDiskWriteLeg: Distribution = mixture(
  { weight: 0.38, distribution: pareto(1.05, 1.51) },
  { weight: 0.62, distribution: exponential(1 / 0.183) },
);

/** YMMR write leg: 93.9 % Pareto(x_m = 3, α = 3.5 — the authors' simulator; the table prints 3.35) + 6.1 % Exponential(λ = 0.0028 /ms). */
export const yammerWriteLeg: Distribution = mixture(
  { weight: 0.939, distribution: pareto(3, 3.5) },
  { weight: 0.061, distribution: exponential(1 / 0.0028) },
);

/** YMMR A = R = S legs: 98.2 % Pareto(x_m = 1.5, α = 3.8) + 1.8 % Exponential(λ = 0.0217 /ms). */
export const yammerOtherLeg: Distribution = mixture(
  { weight: 0.982, distribution: pareto(1.5, 3.8) },
  { weight: 0.018, distribution: exponential(1 / 0.0217) },
);

export interface LatencyProfile {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly legs: WarsLegs;
  readonly remoteOneWayMs?: number;
}

const sameLegs = (leg: Distribution): WarsLegs => ({ write: leg, ack: leg, read: leg, response: leg });

/** PBS's measured production profiles and its WAN model, as WARS legs. */
export const latencyProfiles: readonly LatencyProfile[] = [
  { id: 'linkedin-ssd', title: 'LinkedIn Voldemort on SSD', source: 'PBS Table 3 (LNKD-SSD)', legs: sameLegs(linkedInSsdLeg) },
  {
    id: 'linkedin-disk',
    title: 'LinkedIn Voldemort on 15k-RPM disk',
    source: 'PBS Table 3 (LNKD-DISK; A = R = S as LNKD-SSD)',
    legs: { ...sameLegs(linkedInSsdLeg), write: linkedInDiskWriteLeg },
  },
  {
    id: 'yammer',
    title: 'Yammer Riak',
    source: 'PBS Table 3 (YMMR; α = 3.5 as in the authors’ simulator)',
    legs: { ...sameLegs(yammerOtherLeg), write: yammerWriteLeg },
  },
  {
    id: 'wan',
    title: 'Wide area: LinkedIn disk plus 75 ms one way to remote replicas',
    source: 'PBS §5.5 (WAN)',
    legs: { ...sameLegs(linkedInSsdLeg), write: linkedInDiskWriteLeg },
    remoteOneWayMs: 75,
  },
];

export interface RegionLink {
  readonly id: string;
  readonly title: string;
  /** What the distribution was fitted to: half the published round trips. */
  readonly target: { readonly medianMs: readonly [number, number]; readonly p999Ms: readonly [number, number] };
  readonly oneWay: Distribution;
}

/**
 * One-way delays between two places, shaped as a floor (propagation) plus exponential jitter plus a
 * small Pareto tail, with parameters chosen so the median and p99.9 fall inside half the published
 * round-trip ranges (checked by a test).
 */
export const regionLinks: readonly RegionLink[] = [
  {
    id: 'same-zone',
    title: 'Same availability zone',
    target: { medianMs: [0.19, 0.22], p999Ms: [5.8, 10.5] },
    oneWay: shifted(0.11, mixture({ weight: 0.994, distribution: exponential(0.12) }, { weight: 0.006, distribution: pareto(2, 1.3) })),
  },
  {
    id: 'cross-zone',
    title: 'Across availability zones, one region',
    target: { medianMs: [0.42, 0.95], p999Ms: [6.3, 34.3] },
    oneWay: shifted(0.35, mixture({ weight: 0.99, distribution: exponential(0.45) }, { weight: 0.01, distribution: pareto(3, 1.5) })),
  },
  {
    id: 'us-east-west',
    title: 'US east ↔ US west',
    target: { medianMs: [40.4, 42], p999Ms: [87, 112.5] },
    oneWay: shifted(38, mixture({ weight: 0.98, distribution: exponential(3.5) }, { weight: 0.02, distribution: pareto(10, 1.6) })),
  },
  {
    id: 'transatlantic',
    title: 'Virginia ↔ Ireland',
    target: { medianMs: [53, 56], p999Ms: [70, 80] },
    oneWay: shifted(52, mixture({ weight: 0.99, distribution: exponential(3.5) }, { weight: 0.01, distribution: pareto(5, 2.2) })),
  },
];

const DEFAULT_SEED = 1;
/** Enough for ±0.5 pp on P(consistent) (anchors §5) and still well under a second. */
export const DEFAULT_TRIALS = 200_000;

export function quorumSettings(legs: WarsLegs, replicas: number, readQuorum: number, writeQuorum: number, extra: Partial<QuorumSettings> = {}): QuorumSettings {
  return { model: 'quorum', seed: DEFAULT_SEED, trials: DEFAULT_TRIALS, replicas, readQuorum, writeQuorum, legs, ...extra };
}

export const defaultWorkload: WorkloadSettings = {
  sessions: 3,
  durationMs: 10_000,
  writeFraction: 0.3,
  thinkTime: exponential(20),
  requestTimeoutMs: 2_000,
};

const regionLink = (id: string): Distribution => {
  const link = regionLinks.find((r) => r.id === id);
  if (!link) throw new Error(`unknown region link ${id}`);
  return link.oneWay;
};

/** `count` followers reached over `networkDelay`, each replaying changes after `applyLag`. */
export function uniformFollowers(count: number, networkDelay: Distribution, applyLag: Distribution): FollowerSettings[] {
  return Array.from({ length: count }, () => ({ networkDelay, applyLag }));
}

export function leaderFollowerSettings(overrides: Partial<LeaderFollowerSettings> = {}): LeaderFollowerSettings {
  return {
    model: 'leader-follower',
    seed: DEFAULT_SEED,
    followers: uniformFollowers(2, regionLink('cross-zone'), exponential(30)),
    replication: { mode: 'async' },
    readRouting: { kind: 'any-follower' },
    clientDelay: regionLink('same-zone'),
    workload: defaultWorkload,
    partitions: [],
    onPartition: { kind: 'cp' },
    ...overrides,
  };
}

export interface KnobPreset {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly settings: SimulatorSettings;
}

const linkedInDisk = latencyProfiles[1].legs;
const dynamoFollowers = uniformFollowers(2, regionLink('cross-zone'), exponential(5));
const postgresStandby = uniformFollowers(1, regionLink('cross-zone'), exponential(30));

/** Real configuration knobs mapped onto the two models. */
export const knobPresets: readonly KnobPreset[] = [
  {
    id: 'cassandra-one',
    title: 'Cassandra, consistency level ONE',
    description: 'RF = 3, reads and writes wait for one replica (R = W = 1), LinkedIn-disk delays.',
    settings: quorumSettings(linkedInDisk, 3, 1, 1),
  },
  {
    id: 'cassandra-quorum',
    title: 'Cassandra, consistency level QUORUM',
    description: 'RF = 3, reads and writes wait for ⌊3/2⌋ + 1 = 2 replicas (R + W > N).',
    settings: quorumSettings(linkedInDisk, 3, 2, 2),
  },
  {
    id: 'cassandra-all',
    title: 'Cassandra, consistency level ALL',
    description: 'RF = 3, reads and writes wait for all three replicas: the slowest replica sets the latency.',
    settings: quorumSettings(linkedInDisk, 3, 3, 3),
  },
  {
    id: 'dynamodb-eventual',
    title: 'DynamoDB, eventually consistent read',
    description: 'Three replicas across zones; a write is durable on the leader and one more replica; the read goes to any replica.',
    settings: leaderFollowerSettings({ followers: dynamoFollowers, replication: { mode: 'semi-sync', acks: 1 }, readRouting: { kind: 'any-replica' } }),
  },
  {
    id: 'dynamodb-strong',
    title: 'DynamoDB, strongly consistent read (ConsistentRead = true)',
    description: 'As the eventual preset, but the read goes to the leader.',
    settings: leaderFollowerSettings({ followers: dynamoFollowers, replication: { mode: 'semi-sync', acks: 1 }, readRouting: { kind: 'leader' } }),
  },
  {
    id: 'postgres-async',
    title: 'PostgreSQL, asynchronous streaming replication',
    description: 'One hot standby in another zone; reads on the standby; commit does not wait for it.',
    settings: leaderFollowerSettings({ followers: postgresStandby, replication: { mode: 'async' } }),
  },
  {
    id: 'postgres-remote-apply',
    title: 'PostgreSQL, synchronous_commit = remote_apply',
    description: 'Commit waits until the standby has replayed the change, so standby reads see it.',
    settings: leaderFollowerSettings({ followers: postgresStandby, replication: { mode: 'sync', acks: 1 } }),
  },
  {
    id: 'mysql-semi-sync',
    title: 'MySQL semi-synchronous replication',
    description: 'Commit waits until one replica has the change in its relay log (not applied); after 10 s without an ack it falls back to async.',
    settings: leaderFollowerSettings({
      followers: postgresStandby,
      replication: { mode: 'semi-sync', acks: 1 },
      onPartition: { kind: 'fallback-async', timeoutMs: 10_000 },
      workload: { ...defaultWorkload, requestTimeoutMs: 15_000 },
    }),
  },
];

export function listPresetIds(): string[] {
  return [...latencyProfiles.map((p) => p.id), ...regionLinks.map((r) => r.id), ...knobPresets.map((k) => k.id)];
}

/**
 * Settings for a preset id. Latency profiles and region links become N = 3, R = W = 1 quorum runs
 * (every leg drawn from the region's one-way delay); knob presets carry their own settings.
 */
export function presetSettings(id: string): SimulatorSettings | undefined {
  const profile = latencyProfiles.find((p) => p.id === id);
  if (profile) return quorumSettings(profile.legs, 3, 1, 1, profile.remoteOneWayMs !== undefined ? { remoteOneWayMs: profile.remoteOneWayMs } : {});
  const region = regionLinks.find((r) => r.id === id);
  if (region) return quorumSettings(sameLegs(region.oneWay), 3, 1, 1);
  return knobPresets.find((k) => k.id === id)?.settings;
}
