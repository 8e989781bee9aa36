import assert from 'node:assert/strict';
import { formatCount, formatMs, formatPercent } from '../../src/simulator';

describe('plain-language number formatting', () => {
  it('never shows a probability above its value, nor 0 % or 100 % for anything strictly between', () => {
    assert.equal(formatPercent(0.925), '92.5 %');
    assert.equal(formatPercent(0.92), '92 %');
    assert.equal(formatPercent(0.29), '29 %');
    assert.equal(formatPercent(0.99895), '99.8 %');
    assert.equal(formatPercent(0.999), '99.9 %');
    assert.equal(formatPercent(0.99999), '99.999 %');
    assert.equal(formatPercent(0.9999), '99.99 %');
    assert.equal(formatPercent(0.99968), '99.96 %');
    assert.equal(formatPercent(0.00004), '0.004 %');
    assert.equal(formatPercent(1), '100 %');
    assert.equal(formatPercent(0), '0 %');
  });

  it('formats milliseconds and counts without locale dependence', () => {
    assert.equal(formatMs(0.583), '0.58 ms');
    assert.equal(formatMs(10.94), '10.9 ms');
    assert.equal(formatMs(65), '65 ms');
    assert.equal(formatMs(1234.4), '1 234 ms');
    assert.equal(formatCount(1234567), '1 234 567');
  });
});
