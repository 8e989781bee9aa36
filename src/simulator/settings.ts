/**
 * The settings of one simulation. Plain JSON-compatible data: the webview and the CLI send them,
 * `validateSettings` checks them, scenarios and presets produce them.
 */
import type { Distribution } from './distributions';

/** The four one-way legs of the PBS WARS model. */
export interface WarsLegs {
  /** Coordinator → replica, carrying the write. */
  readonly write: Distribution;
  /** Replica → coordinator, carrying the write acknowledgement. */
  readonly ack: Distribution;
  /** Coordinator → replica, carrying the read request. */
  readonly read: Distribution;
  /** Replica → coordinator, carrying the read response. */
  readonly response: Distribution;
}

/** Leaderless, Dynamo/Cassandra-style replication: N replicas, write quorum W, read quorum R. */
export interface QuorumSettings {
  readonly model: 'quorum';
  readonly seed: number;
  readonly trials: number;
  /** N. */
  readonly replicas: number;
  /** R: responses the coordinator waits for. */
  readonly readQuorum: number;
  /** W: acknowledgements the coordinator waits for. */
  readonly writeQuorum: number;
  readonly legs: WarsLegs;
  /**
   * The PBS WAN model: per trial one random replica is in the writer's datacenter and one random
   * replica in the reader's; every message to or from another replica takes this much longer.
   */
  readonly remoteOneWayMs?: number;
  /** Right end of the consistency-versus-time curve; chosen from the data when absent. */
  readonly tMaxMs?: number;
}

export type ReplicationSettings =
  /** The leader acknowledges as soon as it has applied the write locally. */
  | { readonly mode: 'async' }
  /** The leader waits until `acks` followers have received the write (MySQL semi-sync). */
  | { readonly mode: 'semi-sync'; readonly acks: number }
  /** The leader waits until `acks` followers have applied the write (PostgreSQL remote_apply). */
  | { readonly mode: 'sync'; readonly acks: number };

export type ReadRouting =
  | { readonly kind: 'leader' }
  | { readonly kind: 'any-follower' }
  /** Leader or follower, uniformly (DynamoDB's eventually consistent read). */
  | { readonly kind: 'any-replica' }
  /** A follower, which holds the read until it has applied the session's last write. */
  | { readonly kind: 'read-your-writes'; readonly strategy: 'wait-for-apply' }
  /** The leader for `windowMs` after the session's last write, a follower otherwise. */
  | { readonly kind: 'read-your-writes'; readonly strategy: 'leader-window'; readonly windowMs: number };

export interface FollowerSettings {
  /** One-way delay between the leader and this follower. */
  readonly networkDelay: Distribution;
  /** Time from receiving a change to making it visible to reads (replay). */
  readonly applyLag: Distribution;
}

/** Node indices: 0 is the initial leader, 1…k the followers. */
export interface PartitionSettings {
  /** The nodes cut off from everything else (other nodes and the clients homed elsewhere). */
  readonly nodes: readonly number[];
  readonly startMs: number;
  readonly endMs: number;
}

export type PartitionBehaviour =
  /** Refuse: requests that cannot reach the leader, or a leader cut off from a majority, fail. */
  | { readonly kind: 'cp' }
  /** Serve stale: any reachable node answers reads; the leader stops waiting for unreachable followers. */
  | { readonly kind: 'ap' }
  /** Wait `timeoutMs` for follower acknowledgements, then continue asynchronously (MySQL semi-sync). */
  | { readonly kind: 'fallback-async'; readonly timeoutMs: number };

export interface WorkloadSettings {
  /** Client sessions; session s is homed at node s mod (k + 1) and is partitioned with it. */
  readonly sessions: number;
  readonly durationMs: number;
  /** Probability that a session's next request is a write (all writes go to one key). */
  readonly writeFraction: number;
  /** Pause between a response and the session's next request. */
  readonly thinkTime: Distribution;
  /** A request without an answer after this long fails. */
  readonly requestTimeoutMs: number;
}

/** Single-leader replication (PostgreSQL / MySQL style). */
export interface LeaderFollowerSettings {
  readonly model: 'leader-follower';
  readonly seed: number;
  readonly followers: readonly FollowerSettings[];
  readonly replication: ReplicationSettings;
  readonly readRouting: ReadRouting;
  /** One-way delay between a client and any node. */
  readonly clientDelay: Distribution;
  readonly workload: WorkloadSettings;
  readonly partitions: readonly PartitionSettings[];
  readonly onPartition: PartitionBehaviour;
  /** The leader crashes for good at `atMs`; the most up-to-date follower takes over `failoverAfterMs` later. */
  readonly leaderCrash?: { readonly atMs: number; readonly failoverAfterMs: number };
}

export type SimulatorSettings = QuorumSettings | LeaderFollowerSettings;
