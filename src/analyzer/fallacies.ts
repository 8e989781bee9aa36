import type { FallacyNumber } from './types';

export interface Fallacy {
  number: FallacyNumber;
  name: string;
  /** Lesson id of the fallacy's own lesson in `lessons/`. */
  lesson: string;
}

/** The eight fallacies of distributed computing (Deutsch, Gosling et al.), in their canonical order. */
export const FALLACIES: Readonly<Record<FallacyNumber, Fallacy>> = {
  1: { number: 1, name: 'The network is reliable', lesson: 'fallacy-1-reliable-network' },
  2: { number: 2, name: 'Latency is zero', lesson: 'fallacy-2-zero-latency' },
  3: { number: 3, name: 'Bandwidth is infinite', lesson: 'fallacy-3-infinite-bandwidth' },
  4: { number: 4, name: 'The network is secure', lesson: 'fallacy-4-secure-network' },
  5: { number: 5, name: "Topology doesn't change", lesson: 'fallacy-5-topology-doesnt-change' },
  6: { number: 6, name: 'There is one administrator', lesson: 'fallacy-6-one-administrator' },
  7: { number: 7, name: 'Transport cost is zero', lesson: 'fallacy-7-zero-transport-cost' },
  8: { number: 8, name: 'The network is homogeneous', lesson: 'fallacy-8-homogeneous-network' },
};

export function fallacyLabel(n: FallacyNumber): string {
  return `Fallacy ${n}: ${FALLACIES[n].name}`;
}
