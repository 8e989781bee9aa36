/** Plain-language sentences for results: what a reader should take away, in numbers. */
import { formatCount, formatMs, formatPercent } from './format';
import type { LeaderFollowerResult } from './leader-follower';
import type { QuorumResult } from './quorum-simulation';
import type { LeaderFollowerSettings, QuorumSettings } from './settings';
import type { LatencySummary } from './statistics';

export function describeQuorum(settings: QuorumSettings, result: QuorumResult): string[] {
  const { replicas: n, readQuorum: r, writeQuorum: w } = settings;
  const sentences = [
    `N = ${n} replicas; a write waits for W = ${w} acknowledgement${w === 1 ? '' : 's'} and a read for R = ${r} response${r === 1 ? '' : 's'}.`,
  ];
  if (result.strictQuorum) {
    sentences.push(`R + W = ${r + w} > N, so every read quorum overlaps the write quorum: every read sees the committed write.`);
  } else {
    sentences.push(`R + W = ${r + w} ≤ N, so a read can miss every replica that has the write.`);
    sentences.push(`A read issued at the moment of commit sees the write ${formatPercent(result.consistentAtCommit)} of the time.`);
    if (result.consistentAtCommit < 1) {
      sentences.push(`A read ${formatMs(result.example.tMs)} after commit sees the write ${formatPercent(result.example.probability)} of the time.`);
      const last = result.timeToReach[result.timeToReach.length - 1];
      sentences.push(`${formatPercent(last.probability)} of reads see the write once ${formatMs(last.tMs)} have passed since commit.`);
    }
  }
  sentences.push(latencySentence('Writes', result.writeLatency), latencySentence('Reads', result.readLatency));
  if (settings.remoteOneWayMs) {
    sentences.push(`Replicas outside the client's datacenter add ${formatMs(settings.remoteOneWayMs)} to every message in each direction.`);
  }
  return sentences;
}

export function describeLeaderFollower(settings: LeaderFollowerSettings, result: LeaderFollowerResult): string[] {
  const c = result.counters;
  const sentences: string[] = [];
  const completedReads = c.reads - c.failedReads;
  sentences.push(
    `${formatCount(c.reads)} reads: ${formatCount(c.staleReads)} returned an older value than the newest acknowledged write` +
      (completedReads > 0 ? ` (${formatPercent(c.staleReads / completedReads)} of completed reads)` : '') +
      `, ${formatCount(c.failedReads)} failed.`,
  );
  if (settings.readRouting.kind === 'read-your-writes' || c.sessionStaleReads > 0) {
    sentences.push(
      c.sessionStaleReads === 0
        ? 'Every session saw its own acknowledged writes (read-your-writes held).'
        : `${formatCount(c.sessionStaleReads)} reads missed the session's own acknowledged write (read-your-writes was violated).`,
    );
  }
  sentences.push(`${formatCount(c.writes)} writes: ${formatCount(c.acknowledgedWrites)} acknowledged, ${formatCount(c.failedWrites)} failed.`);
  if (settings.leaderCrash) {
    sentences.push(
      c.lostAcknowledgedWrites === 0
        ? 'The leader crashed and no acknowledged write was lost in the failover.'
        : `The leader crashed: ${formatCount(c.lostAcknowledgedWrites)} writes the clients had been told succeeded were lost in the failover.`,
    );
  }
  if (result.replicationLag.count > 0) {
    sentences.push(`A write became visible on a follower ${formatMs(result.replicationLag.p50Ms)} after the leader at the median, ${formatMs(result.replicationLag.p999Ms)} at p99.9.`);
  }
  if (result.writeLatency.count > 0) sentences.push(latencySentence('Successful writes', result.writeLatency));
  if (result.readLatency.count > 0) sentences.push(latencySentence('Successful reads', result.readLatency));
  if (result.truncated) sentences.push('The run stopped early at the simulator’s request limit.');
  return sentences;
}

function latencySentence(subject: string, latency: LatencySummary): string {
  return `${subject} take ${formatMs(latency.p50Ms)} at the median, ${formatMs(latency.p99Ms)} at p99 and ${formatMs(latency.p999Ms)} at p99.9.`;
}
