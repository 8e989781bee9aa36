/**
 * Public API of the replica-lag simulator. Pure TypeScript: no DOM, no Node APIs, no Math.random,
 * so the same code runs in the lesson webview, in tests and in the CLI.
 */
export { createRandom, type Random } from './prng';
export {
  compileSampler,
  constant,
  distributionMean,
  exponential,
  mixture,
  pareto,
  shifted,
  type Distribution,
  type MixturePart,
  type Sampler,
} from './distributions';
export type {
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
export { LIMITS, validateSettings, type ValidationError, type ValidationResult } from './validation';
export { probabilityWithinVersions, staleProbability } from './quorum-closed-form';
export {
  allocateDraws,
  probabilityConsistentAt,
  QuorumTrialRunner,
  runQuorumTrials,
  timeToReachProbability,
  TrialEvaluator,
  TrialSampler,
  type QuorumTrials,
  type TrialDraws,
  type TrialOutcome,
} from './wars';
export { simulateTrialWithEvents, traceQuorumTrial, type EventTrialResult } from './wars-events';
export { EventQueue } from './event-queue';
export type { MarkerKind, MessageKind, ReadOutcome, Trace, TraceMarker, TraceMessage, TracePartition, TraceRead } from './trace';
export { Connectivity } from './partitions';
export {
  MAX_OPERATIONS,
  simulateLeaderFollower,
  type LeaderFollowerCounters,
  type LeaderFollowerOptions,
  type LeaderFollowerResult,
} from './leader-follower';
export { roundUpToNice, simulateQuorum, summarizeQuorumTrials, type CurvePoint, type QuorumResult } from './quorum-simulation';
export { countAtMost, percentile, summarizeLatencies, type LatencySummary } from './statistics';
export { formatCount, formatMs, formatPercent } from './format';
export { describeLeaderFollower, describeQuorum } from './describe';
export { simulate, type SimulationReport } from './simulate';
export {
  DEFAULT_TRIALS,
  knobPresets,
  latencyProfiles,
  leaderFollowerSettings,
  linkedInDiskWriteLeg,
  linkedInSsdLeg,
  listPresetIds,
  presetSettings,
  quorumSettings,
  regionLinks,
  uniformFollowers,
  yammerOtherLeg,
  yammerWriteLeg,
  type KnobPreset,
  type LatencyProfile,
  type RegionLink,
} from './presets';
export { getScenario, listScenarioIds, SCENARIO_IDS, scenarios, type Scenario, type ScenarioId, type ScenarioVariant } from './scenarios';
