import assert from 'node:assert/strict';
import {
  compileSampler,
  constant,
  createRandom,
  distributionMean,
  exponential,
  mixture,
  pareto,
  percentile,
  regionLinks,
  shifted,
  type Distribution,
} from '../../src/simulator';

function sampleSorted(distribution: Distribution, count: number, seed = 9): Float64Array {
  const sampler = compileSampler(distribution);
  const random = createRandom(seed);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = sampler(random);
  return values.sort();
}

const mean = (values: Float64Array) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('seeded random numbers', () => {
  it('repeat exactly for a seed and differ between seeds', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 1000 }, () => random.nextUint32());
    };
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(42), draw(43));
  });

  it('are uniform on [0, 1): every tenth of the interval is filled evenly', () => {
    // 1 M draws: σ of each decile count ≈ 300, so ± 1 500 (5 σ) cannot flake.
    const random = createRandom(3);
    const deciles = new Array<number>(10).fill(0);
    for (let i = 0; i < 1_000_000; i++) {
      const u = random.nextFloat();
      assert.ok(u >= 0 && u < 1);
      deciles[Math.floor(u * 10)]++;
    }
    for (const count of deciles) assert.ok(Math.abs(count - 100_000) < 1_500, `${count}`);
  });
});

describe('delay distributions', () => {
  // 400 000 samples; the tolerances are ≥ 5 standard errors of the sample mean for each shape.
  it('constant is constant', () => {
    assert.deepEqual(Array.from(new Set(sampleSorted(constant(2.5), 100))), [2.5]);
  });

  it('exponential has the requested mean and median mean · ln 2', () => {
    const values = sampleSorted(exponential(4), 400_000);
    assert.ok(Math.abs(mean(values) - 4) < 0.04);
    assert.ok(Math.abs(percentile(values, 0.5) - 4 * Math.LN2) < 0.04);
  });

  it('Pareto(x_m, α) never goes below x_m and has mean α·x_m/(α − 1)', () => {
    const values = sampleSorted(pareto(0.235, 10), 400_000);
    assert.ok(values[0] >= 0.235);
    assert.ok(Math.abs(mean(values) - (10 * 0.235) / 9) < 0.001);
    // Median of Pareto: x_m · 2^(1/α).
    assert.ok(Math.abs(percentile(values, 0.5) - 0.235 * Math.pow(2, 0.1)) < 0.001);
  });

  it('a mixture picks each part with its weight, and shifted adds its offset', () => {
    const twoPoint = mixture({ weight: 0.25, distribution: constant(1) }, { weight: 0.75, distribution: constant(3) });
    const values = sampleSorted(shifted(10, twoPoint), 400_000);
    const ones = values.filter((v) => v === 11).length;
    assert.equal(ones + values.filter((v) => v === 13).length, values.length);
    // σ of the count ≈ 274: ± 1 500 is over 5 σ.
    assert.ok(Math.abs(ones - 100_000) < 1_500, `${ones}`);
    assert.equal(distributionMean(shifted(10, twoPoint)), 12.5);
  });

  it('region presets land inside half the published round-trip ranges (median and p99.9)', () => {
    for (const link of regionLinks) {
      const values = sampleSorted(link.oneWay, 1_000_000);
      const median = percentile(values, 0.5);
      const p999 = percentile(values, 0.999);
      assert.ok(median >= link.target.medianMs[0] && median <= link.target.medianMs[1], `${link.id} median ${median}`);
      assert.ok(p999 >= link.target.p999Ms[0] && p999 <= link.target.p999Ms[1], `${link.id} p99.9 ${p999}`);
    }
  });
});
