/**
 * Checks settings that arrive from outside (webview messages, CLI, JSON files). Every value is
 * type-checked and bounded, so that a malformed or hostile message gets a list of clear errors
 * instead of freezing the panel with a hundred-million-trial run. The returned settings are a fresh
 * copy holding only known keys.
 */
import type { Distribution, MixturePart } from './distributions';
import type {
  FollowerSettings,
  LeaderFollowerSettings,
  PartitionBehaviour,
  PartitionSettings,
  QuorumSettings,
  ReadRouting,
  ReplicationSettings,
  SimulatorSettings,
  WarsLegs,
  WorkloadSettings,
} from './settings';

export const LIMITS = {
  maxTrials: 2_000_000,
  maxReplicas: 100,
  /** trials × replicas: the work of one quorum run (2 M trials at N = 10, 200 000 at N = 100). */
  maxTrialWork: 20_000_000,
  maxFollowers: 16,
  maxSessions: 64,
  maxDurationMs: 3_600_000,
  /** Any single time parameter (delay, timeout, curve end). */
  maxTimeMs: 10_000_000,
  maxPartitions: 16,
  maxMixtureParts: 4,
  /** Nesting of shifted / mixture distributions. */
  maxDistributionDepth: 3,
  /** Below this a Pareto draw can overflow to Infinity. */
  minParetoShape: 0.5,
  maxParetoShape: 1000,
} as const;

export interface ValidationError {
  /** Where the problem is, e.g. "legs.write.meanMs" or "partitions[0].nodes[1]". */
  readonly path: string;
  readonly message: string;
}

export type ValidationResult =
  | { readonly ok: true; readonly settings: SimulatorSettings }
  | { readonly ok: false; readonly errors: readonly ValidationError[] };

export function validateSettings(input: unknown): ValidationResult {
  const checker = new Checker();
  const settings = checker.settings(input);
  if (checker.errors.length > 0 || settings === undefined) {
    return { ok: false, errors: checker.errors.length > 0 ? checker.errors : [{ path: '', message: 'invalid settings' }] };
  }
  return { ok: true, settings };
}

type Fields = Record<string, unknown>;

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

class Checker {
  readonly errors: ValidationError[] = [];

  private fail(path: string, message: string): undefined {
    this.errors.push({ path, message });
    return undefined;
  }

  /** An object with exactly the allowed keys (required ones present). */
  private object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Fields | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail(path || '(root)', 'expected an object');
    const fields = value as Fields;
    const allowed = new Set([...required, ...optional]);
    for (const key of Object.keys(fields)) {
      if (!allowed.has(key)) this.fail(join(path, key), `unknown key; allowed keys: ${[...allowed].join(', ')}`);
    }
    for (const key of required) if (!(key in fields)) this.fail(join(path, key), 'is required');
    return fields;
  }

  private number(value: unknown, path: string, min: number, max: number, options: { integer?: boolean; minExclusive?: boolean } = {}): number | undefined {
    if (value === undefined) return undefined; // the missing key was reported by object()
    const kind = options.integer ? 'an integer' : 'a number';
    const range = `${options.minExclusive ? '>' : '≥'} ${min} and ≤ ${max}`;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(path, `expected ${kind} ${range}, got ${describe(value)}`);
    if (options.integer && !Number.isInteger(value)) return this.fail(path, `expected ${kind} ${range}, got ${value}`);
    if (value > max || value < min || (options.minExclusive && value === min)) return this.fail(path, `expected ${kind} ${range}, got ${value}`);
    return value;
  }

  private choice<T extends string>(value: unknown, path: string, choices: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
    return this.fail(path, `expected one of ${choices.map((c) => `"${c}"`).join(', ')}, got ${describe(value)}`);
  }

  private array(value: unknown, path: string, minLength: number, maxLength: number): unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.fail(path, `expected an array, got ${describe(value)}`);
    if (value.length < minLength || value.length > maxLength) return this.fail(path, `expected between ${minLength} and ${maxLength} entries, got ${value.length}`);
    return value;
  }

  private seed(value: unknown, path: string): number | undefined {
    return this.number(value, path, 0, 0xffffffff, { integer: true });
  }

  private time(value: unknown, path: string, positive: boolean): number | undefined {
    return this.number(value, path, 0, LIMITS.maxTimeMs, { minExclusive: positive });
  }

  settings(input: unknown): SimulatorSettings | undefined {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return this.fail('(root)', 'expected a settings object');
    const model = this.choice((input as Fields).model, 'model', ['quorum', 'leader-follower'] as const);
    if ((input as Fields).model === undefined) return this.fail('model', 'is required ("quorum" or "leader-follower")');
    if (model === 'quorum') return this.quorum(input);
    if (model === 'leader-follower') return this.leaderFollower(input);
    return undefined;
  }

  private quorum(input: unknown): QuorumSettings | undefined {
    const fields = this.object(input, '', ['model', 'seed', 'trials', 'replicas', 'readQuorum', 'writeQuorum', 'legs'], ['remoteOneWayMs', 'tMaxMs']);
    if (!fields) return undefined;
    const seed = this.seed(fields.seed, 'seed');
    const trials = this.number(fields.trials, 'trials', 1, LIMITS.maxTrials, { integer: true });
    const replicas = this.number(fields.replicas, 'replicas', 1, LIMITS.maxReplicas, { integer: true });
    const upper = replicas ?? LIMITS.maxReplicas;
    const readQuorum = this.number(fields.readQuorum, 'readQuorum', 1, upper, { integer: true });
    const writeQuorum = this.number(fields.writeQuorum, 'writeQuorum', 1, upper, { integer: true });
    if (trials !== undefined && replicas !== undefined && trials * replicas > LIMITS.maxTrialWork) {
      this.fail('trials', `trials × replicas must be ≤ ${LIMITS.maxTrialWork} (got ${trials} × ${replicas}); lower the trials for large N`);
    }
    const legs = this.legs(fields.legs, 'legs');
    const remoteOneWayMs = fields.remoteOneWayMs === undefined ? undefined : this.time(fields.remoteOneWayMs, 'remoteOneWayMs', false);
    const tMaxMs = fields.tMaxMs === undefined ? undefined : this.time(fields.tMaxMs, 'tMaxMs', true);
    if (seed === undefined || trials === undefined || replicas === undefined || readQuorum === undefined || writeQuorum === undefined || !legs) return undefined;
    return {
      model: 'quorum',
      seed,
      trials,
      replicas,
      readQuorum,
      writeQuorum,
      legs,
      ...(remoteOneWayMs !== undefined ? { remoteOneWayMs } : {}),
      ...(tMaxMs !== undefined ? { tMaxMs } : {}),
    };
  }

  private legs(value: unknown, path: string): WarsLegs | undefined {
    const fields = this.object(value, path, ['write', 'ack', 'read', 'response']);
    if (!fields) return undefined;
    const write = this.distribution(fields.write, join(path, 'write'), 0);
    const ack = this.distribution(fields.ack, join(path, 'ack'), 0);
    const read = this.distribution(fields.read, join(path, 'read'), 0);
    const response = this.distribution(fields.response, join(path, 'response'), 0);
    return write && ack && read && response ? { write, ack, read, response } : undefined;
  }

  private distribution(value: unknown, path: string, depth: number): Distribution | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail(path, 'expected a distribution object with a "kind"');
    const kind = this.choice((value as Fields).kind, join(path, 'kind'), ['constant', 'exponential', 'pareto', 'shifted', 'mixture'] as const);
    if ((value as Fields).kind === undefined) return this.fail(join(path, 'kind'), 'is required');
    switch (kind) {
      case 'constant': {
        const fields = this.object(value, path, ['kind', 'valueMs']);
        const valueMs = fields && this.time(fields.valueMs, join(path, 'valueMs'), false);
        return valueMs === undefined ? undefined : { kind, valueMs };
      }
      case 'exponential': {
        const fields = this.object(value, path, ['kind', 'meanMs']);
        const meanMs = fields && this.time(fields.meanMs, join(path, 'meanMs'), true);
        return meanMs === undefined ? undefined : { kind, meanMs };
      }
      case 'pareto': {
        const fields = this.object(value, path, ['kind', 'scaleMs', 'shape']);
        if (!fields) return undefined;
        const scaleMs = this.time(fields.scaleMs, join(path, 'scaleMs'), true);
        const shape = this.number(fields.shape, join(path, 'shape'), LIMITS.minParetoShape, LIMITS.maxParetoShape);
        return scaleMs === undefined || shape === undefined ? undefined : { kind, scaleMs, shape };
      }
      case 'shifted': {
        const fields = this.object(value, path, ['kind', 'offsetMs', 'base']);
        if (!fields) return undefined;
        if (depth >= LIMITS.maxDistributionDepth) return this.fail(path, `distributions may nest at most ${LIMITS.maxDistributionDepth} levels`);
        const offsetMs = this.time(fields.offsetMs, join(path, 'offsetMs'), false);
        const base = this.distribution(fields.base, join(path, 'base'), depth + 1);
        return offsetMs === undefined || !base ? undefined : { kind, offsetMs, base };
      }
      case 'mixture': {
        const fields = this.object(value, path, ['kind', 'parts']);
        if (!fields) return undefined;
        if (depth >= LIMITS.maxDistributionDepth) return this.fail(path, `distributions may nest at most ${LIMITS.maxDistributionDepth} levels`);
        const rawParts = this.array(fields.parts, join(path, 'parts'), 2, LIMITS.maxMixtureParts);
        if (!rawParts) return undefined;
        const parts: MixturePart[] = [];
        rawParts.forEach((raw, index) => {
          const partPath = `${join(path, 'parts')}[${index}]`;
          const part = this.object(raw, partPath, ['weight', 'distribution']);
          if (!part) return;
          const weight = this.number(part.weight, join(partPath, 'weight'), 0, 1);
          const distribution = this.distribution(part.distribution, join(partPath, 'distribution'), depth + 1);
          if (weight !== undefined && distribution) parts.push({ weight, distribution });
        });
        if (parts.length !== rawParts.length) return undefined;
        const total = parts.reduce((sum, part) => sum + part.weight, 0);
        if (Math.abs(total - 1) > 1e-6) return this.fail(join(path, 'parts'), `weights must sum to 1, got ${total}`);
        return { kind, parts };
      }
      default:
        return undefined;
    }
  }

  private leaderFollower(input: unknown): LeaderFollowerSettings | undefined {
    const fields = this.object(
      input,
      '',
      ['model', 'seed', 'followers', 'replication', 'readRouting', 'clientDelay', 'workload', 'partitions', 'onPartition'],
      ['leaderCrash'],
    );
    if (!fields) return undefined;
    const seed = this.seed(fields.seed, 'seed');
    const followers = this.followers(fields.followers, 'followers');
    const followerCount = followers?.length ?? LIMITS.maxFollowers;
    const replication = this.replication(fields.replication, 'replication', followerCount);
    const readRouting = this.readRouting(fields.readRouting, 'readRouting');
    const clientDelay = this.distribution(fields.clientDelay, 'clientDelay', 0);
    const workload = this.workload(fields.workload, 'workload');
    const partitions = this.partitions(fields.partitions, 'partitions', followerCount);
    const onPartition = this.partitionBehaviour(fields.onPartition, 'onPartition');
    let leaderCrash: LeaderFollowerSettings['leaderCrash'];
    if (fields.leaderCrash !== undefined) {
      const crash = this.object(fields.leaderCrash, 'leaderCrash', ['atMs', 'failoverAfterMs']);
      const atMs = crash && this.time(crash.atMs, 'leaderCrash.atMs', false);
      const failoverAfterMs = crash && this.time(crash.failoverAfterMs, 'leaderCrash.failoverAfterMs', false);
      if (atMs === undefined || failoverAfterMs === undefined) return undefined;
      leaderCrash = { atMs, failoverAfterMs };
    }
    if (seed === undefined || !followers || !replication || !readRouting || !clientDelay || !workload || !partitions || !onPartition) return undefined;
    return {
      model: 'leader-follower',
      seed,
      followers,
      replication,
      readRouting,
      clientDelay,
      workload,
      partitions,
      onPartition,
      ...(leaderCrash ? { leaderCrash } : {}),
    };
  }

  private followers(value: unknown, path: string): FollowerSettings[] | undefined {
    const raw = this.array(value, path, 1, LIMITS.maxFollowers);
    if (!raw) return undefined;
    const followers: FollowerSettings[] = [];
    raw.forEach((entry, index) => {
      const entryPath = `${path}[${index}]`;
      const fields = this.object(entry, entryPath, ['networkDelay', 'applyLag']);
      if (!fields) return;
      const networkDelay = this.distribution(fields.networkDelay, join(entryPath, 'networkDelay'), 0);
      const applyLag = this.distribution(fields.applyLag, join(entryPath, 'applyLag'), 0);
      if (networkDelay && applyLag) followers.push({ networkDelay, applyLag });
    });
    return followers.length === raw.length ? followers : undefined;
  }

  private replication(value: unknown, path: string, followerCount: number): ReplicationSettings | undefined {
    if (typeof value !== 'object' || value === null) return this.fail(path, 'expected an object with a "mode"');
    const mode = this.choice((value as Fields).mode, join(path, 'mode'), ['async', 'semi-sync', 'sync'] as const);
    if (mode === undefined) return (value as Fields).mode === undefined ? this.fail(join(path, 'mode'), 'is required') : undefined;
    if (mode === 'async') return this.object(value, path, ['mode']) && { mode };
    const fields = this.object(value, path, ['mode', 'acks']);
    const acks = fields && this.number(fields.acks, join(path, 'acks'), 1, followerCount, { integer: true });
    return acks === undefined ? undefined : { mode, acks };
  }

  private readRouting(value: unknown, path: string): ReadRouting | undefined {
    if (typeof value !== 'object' || value === null) return this.fail(path, 'expected an object with a "kind"');
    const kind = this.choice((value as Fields).kind, join(path, 'kind'), ['leader', 'any-follower', 'any-replica', 'read-your-writes'] as const);
    if (kind === undefined) return (value as Fields).kind === undefined ? this.fail(join(path, 'kind'), 'is required') : undefined;
    if (kind !== 'read-your-writes') return this.object(value, path, ['kind']) && { kind };
    const strategy = this.choice((value as Fields).strategy, join(path, 'strategy'), ['wait-for-apply', 'leader-window'] as const);
    if (strategy === undefined) return (value as Fields).strategy === undefined ? this.fail(join(path, 'strategy'), 'is required') : undefined;
    if (strategy === 'wait-for-apply') return this.object(value, path, ['kind', 'strategy']) && { kind, strategy };
    const fields = this.object(value, path, ['kind', 'strategy', 'windowMs']);
    const windowMs = fields && this.time(fields.windowMs, join(path, 'windowMs'), false);
    return windowMs === undefined ? undefined : { kind, strategy, windowMs };
  }

  private workload(value: unknown, path: string): WorkloadSettings | undefined {
    const fields = this.object(value, path, ['sessions', 'durationMs', 'writeFraction', 'thinkTime', 'requestTimeoutMs']);
    if (!fields) return undefined;
    const sessions = this.number(fields.sessions, join(path, 'sessions'), 1, LIMITS.maxSessions, { integer: true });
    const durationMs = this.number(fields.durationMs, join(path, 'durationMs'), 0, LIMITS.maxDurationMs, { minExclusive: true });
    const writeFraction = this.number(fields.writeFraction, join(path, 'writeFraction'), 0, 1);
    const thinkTime = this.distribution(fields.thinkTime, join(path, 'thinkTime'), 0);
    const requestTimeoutMs = this.time(fields.requestTimeoutMs, join(path, 'requestTimeoutMs'), true);
    if (sessions === undefined || durationMs === undefined || writeFraction === undefined || !thinkTime || requestTimeoutMs === undefined) return undefined;
    return { sessions, durationMs, writeFraction, thinkTime, requestTimeoutMs };
  }

  private partitions(value: unknown, path: string, followerCount: number): PartitionSettings[] | undefined {
    const raw = this.array(value, path, 0, LIMITS.maxPartitions);
    if (!raw) return undefined;
    const partitions: PartitionSettings[] = [];
    raw.forEach((entry, index) => {
      const entryPath = `${path}[${index}]`;
      const fields = this.object(entry, entryPath, ['nodes', 'startMs', 'endMs']);
      if (!fields) return;
      const rawNodes = this.array(fields.nodes, join(entryPath, 'nodes'), 1, followerCount + 1);
      const nodes = rawNodes?.map((node, i) => this.number(node, `${join(entryPath, 'nodes')}[${i}]`, 0, followerCount, { integer: true }));
      if (nodes && new Set(nodes).size !== nodes.length) this.fail(join(entryPath, 'nodes'), 'node indices must be distinct');
      const startMs = this.time(fields.startMs, join(entryPath, 'startMs'), false);
      const endMs = this.time(fields.endMs, join(entryPath, 'endMs'), true);
      if (startMs !== undefined && endMs !== undefined && endMs <= startMs) this.fail(join(entryPath, 'endMs'), `must be after startMs (${startMs})`);
      if (nodes && nodes.every((n): n is number => n !== undefined) && startMs !== undefined && endMs !== undefined && endMs > startMs) {
        partitions.push({ nodes, startMs, endMs });
      }
    });
    return partitions.length === raw.length ? partitions : undefined;
  }

  private partitionBehaviour(value: unknown, path: string): PartitionBehaviour | undefined {
    if (typeof value !== 'object' || value === null) return this.fail(path, 'expected an object with a "kind"');
    const kind = this.choice((value as Fields).kind, join(path, 'kind'), ['cp', 'ap', 'fallback-async'] as const);
    if (kind === undefined) return (value as Fields).kind === undefined ? this.fail(join(path, 'kind'), 'is required') : undefined;
    if (kind !== 'fallback-async') return this.object(value, path, ['kind']) && { kind };
    const fields = this.object(value, path, ['kind', 'timeoutMs']);
    const timeoutMs = fields && this.time(fields.timeoutMs, join(path, 'timeoutMs'), false);
    return timeoutMs === undefined ? undefined : { kind, timeoutMs };
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return String(value);
  return typeof value;
}
