/**
 * Network partitions: during [startMs, endMs) the listed nodes are cut off from every other node
 * and from the clients homed elsewhere. Whether two endpoints can talk is decided when a message is
 * sent; replication traffic that cannot get through waits for the partition to heal (like a TCP
 * stream retrying), client requests do not (they time out).
 */
import type { PartitionSettings } from './settings';

export class Connectivity {
  constructor(private readonly partitions: readonly PartitionSettings[]) {}

  /** Whether endpoints at (or homed at) nodes `a` and `b` can exchange messages at `atMs`. */
  connected(a: number, b: number, atMs: number): boolean {
    for (const partition of this.partitions) {
      if (isActive(partition, atMs) && partition.nodes.includes(a) !== partition.nodes.includes(b)) return false;
    }
    return true;
  }

  /** Earliest time ≥ `atMs` at which `a` and `b` are connected (partitions may overlap or follow each other). */
  healTime(a: number, b: number, atMs: number): number {
    let time = atMs;
    for (;;) {
      let blockedUntil = time;
      for (const partition of this.partitions) {
        if (isActive(partition, time) && partition.nodes.includes(a) !== partition.nodes.includes(b)) {
          blockedUntil = Math.max(blockedUntil, partition.endMs);
        }
      }
      if (blockedUntil === time) return time;
      time = blockedUntil;
    }
  }

  /** How many of `nodes` the node `from` can reach at `atMs`, counting itself. */
  reachableCount(from: number, nodes: readonly number[], atMs: number): number {
    let count = 0;
    for (const node of nodes) if (node === from || this.connected(from, node, atMs)) count++;
    return count;
  }
}

function isActive(partition: PartitionSettings, atMs: number): boolean {
  return partition.startMs <= atMs && atMs < partition.endMs;
}
