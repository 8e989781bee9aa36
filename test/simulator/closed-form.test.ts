import assert from 'node:assert/strict';
import { probabilityWithinVersions, staleProbability } from '../../src/simulator';

/** C(n, k) as an exact integer. */
function binomial(n: number, k: number): bigint {
  let result = 1n;
  for (let i = 0; i < k; i++) result = (result * BigInt(n - i)) / BigInt(i + 1);
  return result;
}

describe('closed form for random, non-expanding quorums (PBS §3.1)', () => {
  it('N = 3, R = W = 1 is stale with probability exactly 2/3', () => {
    assert.equal(staleProbability(3, 1, 1), 2 / 3);
  });

  it('N = 3, R = W = 1 returns one of the last k versions with probability 1 − (2/3)^k', () => {
    // 1 − p^k rounds once in the power and once in the subtraction: within a few ulp of the exact value.
    assert.ok(Math.abs(probabilityWithinVersions(3, 1, 1, 1) - 1 / 3) < 4e-16);
    assert.ok(Math.abs(probabilityWithinVersions(3, 1, 1, 2) - 5 / 9) < 4e-16);
    assert.ok(Math.abs(probabilityWithinVersions(3, 1, 1, 3) - 19 / 27) < 4e-16);
    assert.equal(probabilityWithinVersions(3, 1, 1, 3).toFixed(4), '0.7037');
    assert.ok(probabilityWithinVersions(3, 1, 1, 5) > 0.868);
    assert.ok(probabilityWithinVersions(3, 1, 1, 10) > 0.98);
  });

  it('N = 100, R = W = 30 matches the exact rational C(70,30)/C(100,30) = 1.884e-6', () => {
    const numerator = binomial(70, 30);
    const denominator = binomial(100, 30);
    // Exact ratio to 20 significant digits, from integer arithmetic.
    const scaled = (numerator * 10n ** 26n) / denominator;
    const exact = Number(scaled) / 1e26;
    const computed = staleProbability(100, 30, 30);
    // The product of 30 ratios is rounded 60 times: a relative error of at most ~60 ulp (1.3e-14).
    assert.ok(Math.abs(computed - exact) / exact < 1e-13, `${computed} vs ${exact}`);
    assert.equal(computed.toExponential(3), '1.884e-6');
  });

  it('strict quorums (R + W > N) are never stale', () => {
    assert.equal(staleProbability(3, 2, 2), 0);
    assert.equal(staleProbability(5, 1, 5), 0);
    assert.equal(probabilityWithinVersions(3, 2, 2, 1), 1);
  });
});
