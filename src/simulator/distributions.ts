/**
 * One-way delay distributions, in milliseconds. Plain data (so settings survive postMessage and
 * JSON), compiled once into fast samplers before a run.
 */
import type { Random } from './prng';

export type Distribution =
  | { readonly kind: 'constant'; readonly valueMs: number }
  | { readonly kind: 'exponential'; readonly meanMs: number }
  /** Pareto(x_m, α) as in the PBS paper: x_m / U^(1/α). */
  | { readonly kind: 'pareto'; readonly scaleMs: number; readonly shape: number }
  /** A fixed floor plus a random part, e.g. propagation time plus queueing jitter. */
  | { readonly kind: 'shifted'; readonly offsetMs: number; readonly base: Distribution }
  /** Body + tail mixtures, the form of the PBS production fits. Weights sum to 1. */
  | { readonly kind: 'mixture'; readonly parts: readonly MixturePart[] };

export interface MixturePart {
  readonly weight: number;
  readonly distribution: Distribution;
}

export type Sampler = (random: Random) => number;

export const constant = (valueMs: number): Distribution => ({ kind: 'constant', valueMs });
export const exponential = (meanMs: number): Distribution => ({ kind: 'exponential', meanMs });
export const pareto = (scaleMs: number, shape: number): Distribution => ({ kind: 'pareto', scaleMs, shape });
export const shifted = (offsetMs: number, base: Distribution): Distribution => ({ kind: 'shifted', offsetMs, base });
export const mixture = (...parts: MixturePart[]): Distribution => ({ kind: 'mixture', parts });

/** Turns a distribution description into a sampler. Each call of the sampler consumes draws from `random`. */
export function compileSampler(distribution: Distribution): Sampler {
  switch (distribution.kind) {
    case 'constant': {
      const value = distribution.valueMs;
      return () => value;
    }
    case 'exponential': {
      const mean = distribution.meanMs;
      // 1 − U lies in (0, 1], so the logarithm is finite.
      return (random) => -Math.log(1 - random.nextFloat()) * mean;
    }
    case 'pareto': {
      const scale = distribution.scaleMs;
      const negativeInverseShape = -1 / distribution.shape;
      // x_m / (1 − U)^(1/α), written as exp(log(1 − U) · −1/α): the same value up to rounding, and in
      // V8 about twice as fast as Math.pow, which dominates the cost of the production presets.
      return (random) => scale * Math.exp(Math.log(1 - random.nextFloat()) * negativeInverseShape);
    }
    case 'shifted': {
      const offset = distribution.offsetMs;
      const base = compileSampler(distribution.base);
      return (random) => offset + base(random);
    }
    case 'mixture': {
      const samplers = distribution.parts.map((part) => compileSampler(part.distribution));
      const cumulative: number[] = [];
      let total = 0;
      for (const part of distribution.parts) {
        total += part.weight;
        cumulative.push(total);
      }
      const last = samplers.length - 1;
      return (random) => {
        // Scaling by the total keeps the choice right even if the weights sum to 1 only approximately.
        const pick = random.nextFloat() * total;
        let index = 0;
        while (index < last && pick >= cumulative[index]) index++;
        return samplers[index](random);
      };
    }
  }
}

/** Expected value (Infinity for Pareto with shape ≤ 1). Used for captions and sanity checks. */
export function distributionMean(distribution: Distribution): number {
  switch (distribution.kind) {
    case 'constant':
      return distribution.valueMs;
    case 'exponential':
      return distribution.meanMs;
    case 'pareto':
      return distribution.shape <= 1 ? Infinity : (distribution.shape * distribution.scaleMs) / (distribution.shape - 1);
    case 'shifted':
      return distribution.offsetMs + distributionMean(distribution.base);
    case 'mixture': {
      const totalWeight = distribution.parts.reduce((sum, part) => sum + part.weight, 0);
      return distribution.parts.reduce((sum, part) => sum + part.weight * distributionMean(part.distribution), 0) / totalWeight;
    }
  }
}
