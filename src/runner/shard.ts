/**
 * `--shard K/N`: a deterministic share of the files for one of N parallel CI jobs. A file's shard
 * depends only on its own path (FNV-1a), so adding or removing files never moves the others.
 */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `K/N` with 1 ≤ K ≤ N; undefined for anything else. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count ? { index, count } : undefined;
}

export function inShard(path: string, shard: Shard): boolean {
  return (fnv1a(path) % shard.count) + 1 === shard.index;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
