/**
 * Closed forms for random quorums that do not expand (no propagation to replicas outside the write
 * quorum), PBS §3.1. For Dynamo-style expanding quorums they are an upper bound on staleness.
 */

/** C(n − w, r) / C(n, r): probability that a random read quorum of size r misses a random write quorum of size w. */
export function staleProbability(replicas: number, readQuorum: number, writeQuorum: number): number {
  if (readQuorum + writeQuorum > replicas) return 0;
  // C(n−w, r) / C(n, r) = Π_{i=0}^{r−1} (n − w − i) / (n − i): a product of ratios below 1, which
  // stays accurate where the binomial coefficients themselves would overflow.
  let probability = 1;
  for (let i = 0; i < readQuorum; i++) probability *= (replicas - writeQuorum - i) / (replicas - i);
  return probability;
}

/** Probability that a read returns one of the last k committed versions: 1 − p_s^k. */
export function probabilityWithinVersions(replicas: number, readQuorum: number, writeQuorum: number, versions: number): number {
  return 1 - Math.pow(staleProbability(replicas, readQuorum, writeQuorum), versions);
}
