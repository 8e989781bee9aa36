/** Number formatting for the plain-language sentences. */

/** "92.5 %", "100 %", "99.98 %": never rounds a fraction below 1 up to "100 %" or above 0 down to "0 %". */
export function formatPercent(fraction: number): string {
  if (fraction >= 1) return '100 %';
  if (fraction <= 0) return '0 %';
  const percent = fraction * 100;
  for (let decimals = 1; decimals <= 6; decimals++) {
    const text = percent.toFixed(decimals);
    const rounded = Number(text);
    if (rounded < 100 && rounded > 0) return `${trimZeros(text)} %`;
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
