/** Number formatting for the plain-language sentences. */

/**
 * "92.5 %", "100 %", "99.998 %". Truncates instead of rounding, so a probability is never shown above
 * its value: a curve at 99.895 % reads "99.8 %", not the "99.9 %" it has not reached yet. Adds
 * decimals until a value strictly between 0 and 1 shows neither as "0 %" nor as "100 %".
 */
export function formatPercent(fraction: number): string {
  if (fraction >= 1) return '100 %';
  if (fraction <= 0) return '0 %';
  const percent = fraction * 100;
  // Near 100 % the interesting part is the distance to 100: 99.999 %, not 99.9 %.
  const firstDecimals = percent > 99 ? Math.min(8, Math.max(1, Math.floor(-Math.log10(100 - percent)) + 1)) : 1;
  for (let decimals = firstDecimals; decimals <= 8; decimals++) {
    const scale = Math.pow(10, decimals);
    // The epsilon keeps 0.29 × 100 = 28.999999999999996 from truncating to 28.9.
    const truncated = Math.floor(percent * scale + 1e-7) / scale;
    if (truncated > 0 && truncated < 100) return `${trimZeros(truncated.toFixed(decimals))} %`;
  }
  return `${percent.toPrecision(3)} %`;
}

/** "0.58 ms", "10.99 ms", "65 ms", "1 200 ms". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return `${ms} ms`;
  if (ms >= 100) return `${formatCount(Math.round(ms))} ms`;
  if (ms >= 10) return `${trimZeros(ms.toFixed(1))} ms`;
  return `${trimZeros(ms.toFixed(2))} ms`;
}

/** "1 234 567": a thin-space-free, locale-independent thousands separator. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
