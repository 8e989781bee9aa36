/**
 * Single-leader replication (PostgreSQL / MySQL style) as a discrete-event simulation.
 *
 * Node 0 leads, nodes 1…k follow. Client sessions send one request at a time to a single key:
 * writes go to the leader, reads go where the routing rule says. The leader applies a write at
 * once and streams it to every follower in order; a follower receives it after the link delay and
 * makes it visible after its apply lag. The leader answers the client after 0 (async), `acks`
 * receipts (semi-sync) or `acks` applies (sync) from followers.
 *
 * A read is stale if it returns an older version than the newest write any client had been told
 * had succeeded when the read was issued; it is stale for its session if it misses that session's
 * own last acknowledged write. Writes that were acknowledged but are missing on the follower
 * promoted after a leader crash are counted as lost.
 *
 * A client that cannot reach the node it wants talks to the node it is homed at, which answers
 * from its side of the partition. Simplifications, chosen to keep the lesson's point visible: one
 * key; clients learn about a new leader instantly; reachability is decided when a message is sent;
 * a follower's link delay applies to whichever node leads.
 */
import { compileSampler, type Sampler } from './distributions';
import { EventQueue } from './event-queue';
import { Connectivity } from './partitions';
import { createRandom, type Random } from './prng';
import type { LeaderFollowerSettings } from './settings';
import { summarizeLatencies, sortedCopy, type LatencySummary } from './statistics';
import { TraceRecorder, type MarkerKind, type MessageKind, type ReadOutcome, type Trace } from './trace';

/** Hard stop on issued requests, so that no settings can make a run unbounded. */
export const MAX_OPERATIONS = 50_000;

export interface LeaderFollowerCounters {
  readonly reads: number;
  readonly writes: number;
  readonly failedReads: number;
  readonly failedWrites: number;
  /** Reads that missed a write some client had already been told had succeeded. */
  readonly staleReads: number;
  /** Reads that missed the session's own last acknowledged write (read-your-writes violations). */
  readonly sessionStaleReads: number;
  readonly acknowledgedWrites: number;
  /** Acknowledged writes that did not survive the failover. */
  readonly lostAcknowledgedWrites: number;
}

export interface LeaderFollowerResult {
  readonly model: 'leader-follower';
  readonly counters: LeaderFollowerCounters;
  /** Successful requests only. */
  readonly readLatency: LatencySummary;
  readonly writeLatency: LatencySummary;
  /** Time from the leader applying a write to a follower applying it, over all followers and writes. */
  readonly replicationLag: LatencySummary;
  /** True when the run stopped issuing requests at MAX_OPERATIONS before `durationMs`. */
  readonly truncated: boolean;
  readonly trace?: Trace;
}

export interface LeaderFollowerOptions {
  /** Record a trace of everything sent up to this time (omit for no trace). */
  readonly traceUntilMs?: number;
}

// Among simultaneous events: state changes first (so a read arriving exactly when a change is
// applied sees it, the PBS tie rule), then messages, then time-outs, then new requests.
const RANK_CRASH = 0;
const RANK_PROMOTION = 1;
const RANK_APPLY = 2;
const RANK_RECEIVE = 3;
const RANK_ACK = 4;
const RANK_FALLBACK_TIMER = 5;
const RANK_REQUEST_ARRIVAL = 6;
const RANK_RESPONSE_ARRIVAL = 7;
const RANK_DEADLINE = 8;
const RANK_ISSUE = 9;

interface NodeState {
  alive: boolean;
  /** Newest version received (in the log, maybe not yet visible). */
  received: number;
  /** Newest version visible to reads. */
  applied: number;
  /** Replication is an ordered stream: nothing arrives or applies before its predecessor. */
  lastArrivalMs: number;
  lastApplyMs: number;
  /** Read-your-writes reads held until this node has applied a version. */
  waiters: { version: number; serve: () => void }[];
}

interface Session {
  readonly index: number;
  readonly home: number;
  readonly lane: number;
  /** Versions of this session's acknowledged writes, ascending. */
  readonly acknowledged: number[];
  lastWriteAckMs: number;
}

interface PendingWrite {
  readonly version: number;
  readonly requiredAcks: number;
  readonly respond: () => void;
}

interface Request {
  readonly session: Session;
  readonly kind: 'read' | 'write';
  readonly issuedMs: number;
  readonly deadlineMs: number;
  /** Freshness expectations fixed at issue time. */
  readonly expectedVersion: number;
  readonly sessionExpectedVersion: number;
  settled: boolean;
}

export function simulateLeaderFollower(settings: LeaderFollowerSettings, options: LeaderFollowerOptions = {}): LeaderFollowerResult {
  return new LeaderFollowerRun(settings, options).run();
}

class LeaderFollowerRun {
  private readonly random: Random;
  private readonly queue = new EventQueue();
  private readonly connectivity: Connectivity;
  private readonly nodes: NodeState[];
  private readonly allNodes: number[];
  private readonly sessions: Session[];
  private readonly linkDelay: Sampler[];
  private readonly applyLag: Sampler[];
  private readonly clientDelay: Sampler;
  private readonly thinkTime: Sampler;
  private readonly recorder?: TraceRecorder;
  private readonly traceUntilMs: number;

  private leader = 0;
  private term = 0;
  private lastVersion = 0;
  /** Newest surviving version any client has been told succeeded. */
  private newestAcknowledged = 0;
  private readonly acknowledgedVersions: number[] = [];
  /** After a failover, versions in (lostAbove, lostUpTo] exist nowhere any more. */
  private lostAbove = Infinity;
  private lostUpTo = -Infinity;
  private readonly ackedUpTo: number[];
  private pending: PendingWrite[] = [];
  private fallenBackToAsync = false;
  private operations = 0;
  private truncated = false;
  private readonly leaderApplyMs = new Map<number, number>();

  private reads = 0;
  private writes = 0;
  private failedReads = 0;
  private failedWrites = 0;
  private staleReads = 0;
  private sessionStaleReads = 0;
  private readonly readLatencies: number[] = [];
  private readonly writeLatencies: number[] = [];
  private readonly replicationLags: number[] = [];

  constructor(private readonly settings: LeaderFollowerSettings, options: LeaderFollowerOptions) {
    this.random = createRandom(settings.seed);
    this.connectivity = new Connectivity(settings.partitions);
    const nodeCount = settings.followers.length + 1;
    this.allNodes = Array.from({ length: nodeCount }, (_, i) => i);
    this.nodes = this.allNodes.map(() => ({ alive: true, received: 0, applied: 0, lastArrivalMs: 0, lastApplyMs: 0, waiters: [] }));
    this.ackedUpTo = this.allNodes.map(() => 0);
    // Indexed by node. Node 0 never follows (it leads until it crashes, for good), so it has no link.
    const noLink: Sampler = () => {
      throw new Error('node 0 has no follower link');
    };
    this.linkDelay = [noLink, ...settings.followers.map((f) => compileSampler(f.networkDelay))];
    this.applyLag = [noLink, ...settings.followers.map((f) => compileSampler(f.applyLag))];
    this.clientDelay = compileSampler(settings.clientDelay);
    this.thinkTime = compileSampler(settings.workload.thinkTime);
    this.sessions = Array.from({ length: settings.workload.sessions }, (_, index) => ({
      index,
      home: index % nodeCount,
      lane: nodeCount + index,
      acknowledged: [],
      lastWriteAckMs: -Infinity,
    }));
    this.traceUntilMs = options.traceUntilMs ?? -Infinity;
    if (options.traceUntilMs !== undefined) {
      const lanes = [
        'leader',
        ...settings.followers.map((_, i) => `follower ${i + 1}`),
        ...this.sessions.map((s) => `client ${s.index + 1}`),
      ];
      this.recorder = new TraceRecorder(
        lanes,
        settings.partitions.map((p) => ({ lanes: p.nodes, startMs: p.startMs, endMs: p.endMs })),
      );
    }
  }

  run(): LeaderFollowerResult {
    for (const session of this.sessions) this.queue.schedule(0, RANK_ISSUE, () => this.issue(session));
    const crash = this.settings.leaderCrash;
    if (crash) {
      this.queue.schedule(crash.atMs, RANK_CRASH, () => this.crashLeader());
      this.queue.schedule(crash.atMs + crash.failoverAfterMs, RANK_PROMOTION, () => this.promote());
    }
    this.queue.run();
    return {
      model: 'leader-follower',
      counters: {
        reads: this.reads,
        writes: this.writes,
        failedReads: this.failedReads,
        failedWrites: this.failedWrites,
        staleReads: this.staleReads,
        sessionStaleReads: this.sessionStaleReads,
        acknowledgedWrites: this.acknowledgedVersions.length,
        lostAcknowledgedWrites: this.acknowledgedVersions.filter((v) => this.isLost(v)).length,
      },
      readLatency: summarizeLatencies(sortedCopy(this.readLatencies)),
      writeLatency: summarizeLatencies(sortedCopy(this.writeLatencies)),
      replicationLag: summarizeLatencies(sortedCopy(this.replicationLags)),
      truncated: this.truncated,
      trace: this.recorder?.finish(this.queue.nowMs),
    };
  }

  // ---- clients ---------------------------------------------------------------------------------

  private issue(session: Session): void {
    const now = this.queue.nowMs;
    if (now >= this.settings.workload.durationMs) return;
    if (this.operations >= MAX_OPERATIONS) {
      this.truncated = true;
      return;
    }
    this.operations++;
    const isWrite = this.random.nextFloat() < this.settings.workload.writeFraction;
    const request: Request = {
      session,
      kind: isWrite ? 'write' : 'read',
      issuedMs: now,
      deadlineMs: now + this.settings.workload.requestTimeoutMs,
      expectedVersion: this.newestAcknowledged,
      sessionExpectedVersion: this.sessionNewestSurviving(session),
      settled: false,
    };
    if (isWrite) this.writes++;
    else this.reads++;
    this.queue.schedule(request.deadlineMs, RANK_DEADLINE, () => this.fail(request));

    const target = isWrite ? this.leader : this.chooseReadTarget(session, now);
    let destination = target;
    if (!this.connectivity.connected(session.home, target, now)) {
      // A client that cannot reach its target asks the node next to it, which answers from its own
      // side of the partition: it refuses (CP, or any write) or serves what it has (AP read).
      if (!this.nodes[session.home].alive) {
        this.traceMessage(isWrite ? 'write' : 'read', session.lane, target, now, null, 0);
        return;
      }
      destination = session.home;
    }
    const arrival = now + this.clientDelay(this.random);
    if (!this.nodes[destination].alive) {
      this.traceMessage(isWrite ? 'write' : 'read', session.lane, destination, now, null, 0);
      return;
    }
    this.traceMessage(isWrite ? 'write' : 'read', session.lane, destination, now, arrival, 0);
    this.queue.schedule(arrival, RANK_REQUEST_ARRIVAL, () =>
      isWrite ? this.handleWrite(request, destination) : this.handleRead(request, destination),
    );
  }

  private chooseReadTarget(session: Session, now: number): number {
    const routing = this.settings.readRouting;
    switch (routing.kind) {
      case 'leader':
        return this.leader;
      case 'any-replica':
        return this.pickRandom(this.allNodes.filter((n) => this.nodes[n].alive)) ?? this.leader;
      case 'any-follower':
        return this.pickRandom(this.liveFollowers()) ?? this.leader;
      case 'read-your-writes':
        if (routing.strategy === 'leader-window' && now - session.lastWriteAckMs < routing.windowMs) return this.leader;
        return this.pickRandom(this.liveFollowers()) ?? this.leader;
    }
  }

  private liveFollowers(): number[] {
    return this.allNodes.filter((n) => n !== this.leader && this.nodes[n].alive);
  }

  private pickRandom(candidates: number[]): number | undefined {
    return candidates.length === 0 ? undefined : candidates[this.random.nextIndex(candidates.length)];
  }

  /** Sends a response from `node` to the request's client; the request succeeds if it arrives before the deadline. */
  private respond(request: Request, node: number, version: number, succeeded: boolean): void {
    const now = this.queue.nowMs;
    const session = request.session;
    const arrival = this.connectivity.healTime(node, session.home, now) + this.clientDelay(this.random);
    const kind = request.kind === 'write' ? 'ack' : 'response';
    this.traceMessage(kind, node, session.lane, now, arrival, version);
    this.queue.schedule(arrival, RANK_RESPONSE_ARRIVAL, () => {
      if (request.settled) return;
      if (!succeeded) return this.fail(request);
      request.settled = true;
      const latency = arrival - request.issuedMs;
      if (request.kind === 'write') {
        this.writeLatencies.push(latency);
        this.acknowledge(session, version, arrival);
      } else {
        this.readLatencies.push(latency);
        this.recordRead(request, version);
      }
      this.scheduleNext(session);
    });
  }

  private fail(request: Request): void {
    if (request.settled) return;
    request.settled = true;
    if (request.kind === 'write') this.failedWrites++;
    else {
      this.failedReads++;
      this.traceRead(request, 'failed', null);
    }
    this.scheduleNext(request.session);
  }

  private scheduleNext(session: Session): void {
    this.queue.schedule(this.queue.nowMs + this.thinkTime(this.random), RANK_ISSUE, () => this.issue(session));
  }

  private acknowledge(session: Session, version: number, atMs: number): void {
    this.acknowledgedVersions.push(version);
    // Stays ascending without sorting: a session writes one request at a time and the leader
    // numbers each write above everything it has seen.
    session.acknowledged.push(version);
    session.lastWriteAckMs = atMs;
    if (!this.isLost(version)) this.newestAcknowledged = Math.max(this.newestAcknowledged, version);
  }

  private recordRead(request: Request, version: number): void {
    const stale = version < request.expectedVersion;
    if (stale) this.staleReads++;
    if (version < request.sessionExpectedVersion) this.sessionStaleReads++;
    this.traceRead(request, stale ? 'stale' : 'fresh', version);
  }

  private sessionNewestSurviving(session: Session): number {
    for (let i = session.acknowledged.length - 1; i >= 0; i--) {
      if (!this.isLost(session.acknowledged[i])) return session.acknowledged[i];
    }
    return 0;
  }

  private isLost(version: number): boolean {
    return version > this.lostAbove && version <= this.lostUpTo;
  }

  // ---- nodes -----------------------------------------------------------------------------------

  /** CP: a leader cut off from a majority, or a follower cut off from a live leader, refuses requests. */
  private refusesUnderCp(node: number, now: number): boolean {
    if (this.settings.onPartition.kind !== 'cp') return false;
    if (node === this.leader) {
      const liveNodes = this.allNodes.filter((n) => this.nodes[n].alive);
      return this.connectivity.reachableCount(node, liveNodes, now) * 2 <= this.allNodes.length;
    }
    return !this.nodes[this.leader].alive || !this.connectivity.connected(node, this.leader, now);
  }

  private handleRead(request: Request, node: number): void {
    const state = this.nodes[node];
    if (!state.alive) return;
    const now = this.queue.nowMs;
    if (this.refusesUnderCp(node, now)) return this.respond(request, node, 0, false);
    const routing = this.settings.readRouting;
    const mustWait = routing.kind === 'read-your-writes' && routing.strategy === 'wait-for-apply';
    if (mustWait && state.applied < request.sessionExpectedVersion) {
      state.waiters.push({ version: request.sessionExpectedVersion, serve: () => this.respond(request, node, state.applied, true) });
      return;
    }
    this.respond(request, node, state.applied, true);
  }

  private handleWrite(request: Request, node: number): void {
    const now = this.queue.nowMs;
    if (!this.nodes[node].alive) return;
    // Only the leader accepts writes; another node (reached through a partition) refuses at once.
    if (node !== this.leader || this.refusesUnderCp(node, now)) return this.respond(request, node, 0, false);
    const version = ++this.lastVersion;
    const leaderState = this.nodes[node];
    leaderState.received = version;
    leaderState.applied = version;
    this.leaderApplyMs.set(version, now);
    for (const follower of this.liveFollowers()) this.replicate(node, follower, version, now);

    const replication = this.settings.replication;
    const respond = () => {
      this.traceMarker('commit', node, version);
      this.respond(request, node, version, true);
    };
    if (replication.mode === 'async' || this.fallenBackToAsync) return respond();
    const reachableFollowers = this.liveFollowers().filter((f) => this.connectivity.connected(node, f, now)).length;
    const requiredAcks = this.settings.onPartition.kind === 'ap' ? Math.min(replication.acks, reachableFollowers) : replication.acks;
    if (requiredAcks === 0) return respond();
    this.pending.push({ version, requiredAcks, respond });
    const behaviour = this.settings.onPartition;
    if (behaviour.kind === 'fallback-async') {
      const term = this.term;
      this.queue.schedule(now + behaviour.timeoutMs, RANK_FALLBACK_TIMER, () => {
        const stillWaiting = this.term === term && this.pending.some((p) => p.version === version);
        if (!stillWaiting || this.fallenBackToAsync) return;
        this.fallenBackToAsync = true;
        this.traceMarker('fallback-to-async', this.leader, version);
        const waiting = this.pending;
        this.pending = [];
        for (const write of waiting) write.respond();
      });
    }
    this.releaseAcknowledgedWrites();
  }

  /** Streams `version` from the leader to a follower: ordered, delayed by partitions, then applied after the apply lag. */
  private replicate(leader: number, follower: number, version: number, now: number): void {
    const state = this.nodes[follower];
    const linkFree = this.connectivity.healTime(leader, follower, now);
    const arrival = Math.max(linkFree + this.linkDelay[follower](this.random), state.lastArrivalMs);
    state.lastArrivalMs = arrival;
    this.traceMessage('write', leader, follower, now, arrival, version);
    const term = this.term;
    this.queue.schedule(arrival, RANK_RECEIVE, () => {
      // A crashed leader takes with it the changes still in its send path: the link delay stands
      // for the time a change spends in the leader's replication sender and on the wire.
      if (term !== this.term || !state.alive || !this.nodes[leader].alive) return;
      state.received = Math.max(state.received, version);
      if (this.settings.replication.mode === 'semi-sync') this.sendAck(follower, version);
      const applyAt = Math.max(this.queue.nowMs + this.applyLag[follower](this.random), state.lastApplyMs);
      state.lastApplyMs = applyAt;
      this.queue.schedule(applyAt, RANK_APPLY, () => {
        if (term !== this.term || !state.alive || state.applied >= version) return;
        state.applied = version;
        const leaderApply = this.leaderApplyMs.get(version);
        if (leaderApply !== undefined) this.replicationLags.push(this.queue.nowMs - leaderApply);
        if (this.settings.replication.mode === 'sync') this.sendAck(follower, version);
        this.serveWaiters(state);
      });
    });
  }

  /** Answers the read-your-writes reads this node was holding and can now serve. */
  private serveWaiters(state: NodeState): void {
    const ready = state.waiters.filter((w) => w.version <= state.applied);
    state.waiters = state.waiters.filter((w) => w.version > state.applied);
    for (const waiter of ready) waiter.serve();
  }

  private sendAck(follower: number, version: number): void {
    const now = this.queue.nowMs;
    const leader = this.leader;
    const arrival = this.connectivity.healTime(follower, leader, now) + this.linkDelay[follower](this.random);
    this.traceMessage('ack', follower, leader, now, arrival, version);
    const term = this.term;
    this.queue.schedule(arrival, RANK_ACK, () => {
      if (term !== this.term || !this.nodes[leader].alive) return;
      this.ackedUpTo[follower] = Math.max(this.ackedUpTo[follower], version);
      if (this.fallenBackToAsync && this.ackedUpTo[follower] >= this.lastVersion) {
        this.fallenBackToAsync = false;
        this.traceMarker('semi-sync-restored', leader, version);
      }
      this.releaseAcknowledgedWrites();
    });
  }

  /** Answers every pending write that now has enough follower acknowledgements. */
  private releaseAcknowledgedWrites(): void {
    const ready: PendingWrite[] = [];
    const waiting: PendingWrite[] = [];
    for (const write of this.pending) {
      const confirmations = this.allNodes.filter((n) => n !== this.leader && this.ackedUpTo[n] >= write.version).length;
      (confirmations >= write.requiredAcks ? ready : waiting).push(write);
    }
    this.pending = waiting;
    for (const write of ready) write.respond();
  }

  private crashLeader(): void {
    this.nodes[this.leader].alive = false;
    this.pending = [];
    this.traceMarker('crash', this.leader, this.nodes[this.leader].applied);
  }

  /** Promotes the live follower that has received the most, which loses the fewest writes. */
  private promote(): void {
    const candidates = this.liveFollowers();
    if (candidates.length === 0) return;
    let chosen = candidates[0];
    for (const node of candidates) if (this.nodes[node].received > this.nodes[chosen].received) chosen = node;
    const now = this.queue.nowMs;
    const survivor = this.nodes[chosen];
    // Promotion replays whatever the follower had received but not yet applied.
    survivor.applied = survivor.received;
    this.serveWaiters(survivor);
    this.lostAbove = survivor.received;
    this.lostUpTo = this.lastVersion;
    this.newestAcknowledged = this.acknowledgedVersions.filter((v) => !this.isLost(v)).reduce((a, b) => Math.max(a, b), 0);
    this.term++;
    this.leader = chosen;
    this.fallenBackToAsync = false;
    this.ackedUpTo.fill(0);
    this.traceMarker('promotion', chosen, survivor.applied);
    for (const node of this.liveFollowers()) {
      const state = this.nodes[node];
      // Old-term messages in flight are dropped, so the new leader resends what the follower lacks.
      state.lastArrivalMs = now;
      state.lastApplyMs = now;
      state.received = Math.min(state.received, survivor.received);
      state.applied = Math.min(state.applied, survivor.received);
      if (state.received < survivor.received || state.applied < survivor.received) this.replicate(chosen, node, survivor.received, now);
    }
  }

  // ---- trace -----------------------------------------------------------------------------------

  private traceMessage(kind: MessageKind, from: number, to: number, sendMs: number, receiveMs: number | null, version: number): void {
    if (this.recorder && sendMs <= this.traceUntilMs) this.recorder.message({ kind, from, to, sendMs, receiveMs, version, ignored: false });
  }

  private traceMarker(kind: MarkerKind, lane: number, version: number): void {
    const atMs = this.queue.nowMs;
    if (this.recorder && atMs <= this.traceUntilMs) this.recorder.marker({ kind, lane, atMs, version });
  }

  private traceRead(request: Request, outcome: ReadOutcome, returnedVersion: number | null): void {
    if (!this.recorder || request.issuedMs > this.traceUntilMs) return;
    this.recorder.read({
      lane: request.session.lane,
      issuedMs: request.issuedMs,
      completedMs: this.queue.nowMs,
      outcome,
      returnedVersion,
      expectedVersion: request.expectedVersion,
    });
  }
}
