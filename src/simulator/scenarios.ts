/**
 * Named scenarios the lessons open by id. Ids are a public contract (lesson files link to them):
 * never rename one; add a new id instead.
 */
import { exponential } from './distributions';
import { defaultWorkload, knobPresets, latencyProfiles, leaderFollowerSettings, quorumSettings, regionLinks, uniformFollowers } from './presets';
import type { PartitionBehaviour, SimulatorSettings } from './settings';

export const SCENARIO_IDS = [
  'quorum-basics',
  'strict-quorum',
  'wan-replica',
  'read-your-writes',
  'partition-cp-vs-ap',
  'async-failover-loss',
  'semi-sync-fallback',
  'cassandra-consistency-levels',
  'dynamodb-strong-vs-eventual',
] as const;

export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface ScenarioVariant {
  readonly label: string;
  readonly settings: SimulatorSettings;
}

export interface Scenario {
  readonly id: ScenarioId;
  readonly title: string;
  /** What to look at, shown next to the simulator. */
  readonly caption: string;
  /** The settings the simulator opens with (the first variant's). */
  readonly settings: SimulatorSettings;
  /** Settings to compare side by side; the first is the default. */
  readonly variants: readonly ScenarioVariant[];
}

const profileLegs = (id: string) => {
  const profile = latencyProfiles.find((p) => p.id === id);
  if (!profile) throw new Error(`unknown latency profile ${id}`);
  return profile;
};
const regionDelay = (id: string) => {
  const link = regionLinks.find((r) => r.id === id);
  if (!link) throw new Error(`unknown region link ${id}`);
  return link.oneWay;
};
const knob = (id: string): ScenarioVariant => {
  const preset = knobPresets.find((k) => k.id === id);
  if (!preset) throw new Error(`unknown knob preset ${id}`);
  return { label: preset.title, settings: preset.settings };
};

const linkedInDisk = profileLegs('linkedin-disk').legs;
const wan = profileLegs('wan');

/** Followers whose replay falls behind by tens of milliseconds: lag a session can notice. */
const laggingFollowers = uniformFollowers(2, regionDelay('cross-zone'), exponential(50));

const ryw = (windowMs?: number) =>
  leaderFollowerSettings({
    followers: laggingFollowers,
    readRouting: windowMs === undefined ? { kind: 'read-your-writes', strategy: 'wait-for-apply' } : { kind: 'read-your-writes', strategy: 'leader-window', windowMs },
  });

const partitioned = (behaviour: 'cp' | 'ap') =>
  leaderFollowerSettings({
    readRouting: { kind: 'leader' },
    partitions: [{ nodes: [2], startMs: 3_000, endMs: 6_000 }],
    onPartition: { kind: behaviour },
  });

/** A busy leader with a disaster-recovery follower in another region: tens of ms of writes in flight. */
const failover = (mode: 'async' | 'semi-sync') =>
  leaderFollowerSettings({
    followers: uniformFollowers(2, regionDelay('us-east-west'), exponential(5)),
    replication: mode === 'async' ? { mode } : { mode, acks: 1 },
    readRouting: { kind: 'leader' },
    workload: { ...defaultWorkload, sessions: 8, writeFraction: 0.8, thinkTime: exponential(5) },
    leaderCrash: { atMs: 5_000, failoverAfterMs: 1_000 },
  });

const semiSyncPartition = (onPartition: PartitionBehaviour) =>
  leaderFollowerSettings({
    followers: uniformFollowers(1, regionDelay('cross-zone'), exponential(30)),
    replication: { mode: 'semi-sync', acks: 1 },
    readRouting: { kind: 'leader' },
    workload: { ...defaultWorkload, durationMs: 30_000, requestTimeoutMs: 15_000 },
    partitions: [{ nodes: [1], startMs: 2_000, endMs: 30_000 }],
    onPartition,
    leaderCrash: { atMs: 25_000, failoverAfterMs: 1_000 },
  });

const scenarioList: readonly Omit<Scenario, 'settings'>[] = [
  {
    id: 'quorum-basics',
    title: 'N = 3, R = W = 1: fast, and sometimes stale',
    caption:
      'Each write and each read waits for a single replica (LinkedIn disk latencies). Look at the curve at t = 0: a read issued the moment the write commits sees it less than half of the time. Then watch how fast the curve climbs: ten milliseconds later most reads are fresh. In the diagram, find a read that reaches a replica before the write does.',
    variants: [{ label: 'N = 3, R = W = 1', settings: quorumSettings(linkedInDisk, 3, 1, 1) }],
  },
  {
    id: 'strict-quorum',
    title: 'R + W > N: overlapping quorums never read stale',
    caption:
      'With R + W > N at least one replica is in both quorums, so every read sees the committed write, for every seed and every t: the curve is flat at 100 %. Compare the latency percentiles with R = W = 1: consistency is paid for in the tail.',
    variants: [
      { label: 'N = 3, R = W = 2', settings: quorumSettings(linkedInDisk, 3, 2, 2) },
      { label: 'N = 3, R = 1, W = 3', settings: quorumSettings(linkedInDisk, 3, 1, 3) },
      { label: 'N = 3, R = W = 1 (for comparison)', settings: quorumSettings(linkedInDisk, 3, 1, 1) },
    ],
  },
  {
    id: 'wan-replica',
    title: 'Replicas in other regions: lag measured in round trips',
    caption:
      'The same LinkedIn-disk replicas, but only one is in the writer’s datacenter and one in the reader’s; every message to another replica takes 75 ms more each way. Watch the curve: stale reads now last for about a round trip, not a few milliseconds, and R = 1 reads stay fast only because they ask the nearest replica first.',
    variants: [
      { label: 'WAN, N = 3, R = W = 1', settings: quorumSettings(wan.legs, 3, 1, 1, { remoteOneWayMs: wan.remoteOneWayMs }) },
      { label: 'One datacenter, N = 3, R = W = 1', settings: quorumSettings(linkedInDisk, 3, 1, 1) },
    ],
  },
  {
    id: 'read-your-writes',
    title: 'Read-your-writes on lagging followers',
    caption:
      'Clients write to the leader and read from followers that replay changes tens of milliseconds late. Without help a session often misses its own write (see “missed the session’s own write”). Waiting until the follower has applied the session’s last write fixes it for every session, yet reads can still miss other sessions’ writes. Routing to the leader only for a fixed window after a write works only while the lag stays shorter than the window.',
    variants: [
      { label: 'Any follower', settings: leaderFollowerSettings({ followers: laggingFollowers, readRouting: { kind: 'any-follower' } }) },
      { label: 'Read-your-writes: follower waits for the session’s write', settings: ryw() },
      { label: 'Read-your-writes: leader for 50 ms after a write', settings: ryw(50) },
    ],
  },
  {
    id: 'partition-cp-vs-ap',
    title: 'A partition: refuse (CP) or serve stale (AP)',
    caption:
      'From 3 s to 6 s follower 2 and the clients next to it are cut off from the leader. Under CP those clients’ requests fail: count the failed reads. Under AP the follower answers their reads with what it had before the partition: no failures, but count the stale reads. Writes from the cut-off side fail either way, because only the leader accepts writes.',
    variants: [
      { label: 'CP: refuse', settings: partitioned('cp') },
      { label: 'AP: serve stale', settings: partitioned('ap') },
    ],
  },
  {
    id: 'async-failover-loss',
    title: 'Asynchronous replication loses acknowledged writes on failover',
    caption:
      'A busy leader replicates asynchronously to followers in another region, then crashes at 5 s; a second later the most up-to-date follower takes over. Every write the leader had acknowledged but not yet shipped is gone, although its client was told it succeeded: see the lost counter. With semi-synchronous replication nothing acknowledged is lost, and every write pays a cross-region round trip.',
    variants: [
      { label: 'Async', settings: failover('async') },
      { label: 'Semi-sync, 1 replica', settings: failover('semi-sync') },
    ],
  },
  {
    id: 'semi-sync-fallback',
    title: 'MySQL semi-sync quietly falls back to async',
    caption:
      'The only replica is cut off at 2 s. Writes hang for 10 s (rpl_semi_sync_source_timeout), then the source gives up waiting, acknowledges them and carries on asynchronously: see the fallback marker. When the source crashes at 25 s, the replica that takes over has none of those writes. Refusing instead (CP) makes the writes fail, visibly, and loses nothing that was acknowledged.',
    variants: [
      { label: 'Semi-sync, 10 s fallback (MySQL default)', settings: semiSyncPartition({ kind: 'fallback-async', timeoutMs: 10_000 }) },
      { label: 'Semi-sync, never fall back (CP)', settings: semiSyncPartition({ kind: 'cp' }) },
    ],
  },
  {
    id: 'cassandra-consistency-levels',
    title: 'Cassandra consistency levels ONE, QUORUM, ALL',
    caption:
      'Replication factor 3. ONE answers after the fastest replica and can read stale data; QUORUM (2 of 3 for reads and writes) always overlaps, so the curve is flat at 100 %; ALL waits for the slowest replica. Compare the p99.9 latencies: that is the price of each level.',
    variants: [knob('cassandra-one'), knob('cassandra-quorum'), knob('cassandra-all')],
  },
  {
    id: 'dynamodb-strong-vs-eventual',
    title: 'DynamoDB: eventually consistent vs strongly consistent reads',
    caption:
      'Three replicas across zones; a write is acknowledged once the leader and one more replica have it. An eventually consistent read may go to the replica that has not applied the write yet: count the stale reads. A strongly consistent read goes to the leader: no stale reads, at twice the read-capacity cost.',
    variants: [knob('dynamodb-eventual'), knob('dynamodb-strong')],
  },
];

export const scenarios: readonly Scenario[] = scenarioList.map((scenario) => ({ ...scenario, settings: scenario.variants[0].settings }));

export function listScenarioIds(): ScenarioId[] {
  return [...SCENARIO_IDS];
}

export function getScenario(id: string): Scenario | undefined {
  return scenarios.find((scenario) => scenario.id === id);
}
