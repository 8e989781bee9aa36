/**
 * The lab's two plots: the PBS curve (probability that a read sees the last write, against the time
 * since that write committed) and the read / write latency distributions with p50, p99 and p99.9.
 */
import { formatMs } from '../../simulator/format';
import type { CurvePoint } from '../../simulator/quorum-simulation';
import type { LatencySummary } from '../../simulator/statistics';
import { el, replaceChildren, svg } from '../dom';
import { chartFrame, drawAxes, linearScale, logScale, polyline, type Box } from './chart';

type LatencyStats = Pick<LatencySummary, 'p50Ms' | 'p99Ms' | 'p999Ms' | 'cdf'>;

const BOX: Box = { width: 640, height: 260, left: 56, right: 16, top: 12, bottom: 40 };

export function drawConsistencyCurve(host: HTMLElement, points: readonly CurvePoint[], sentence: string): void {
  if (points.length === 0) {
    replaceChildren(host);
    return;
  }
  const maxT = points[points.length - 1]!.tMs;
  const minP = Math.min(...points.map((p) => p.probability));
  // Zoom the y axis when every value is high, otherwise the interesting part is a flat line at the top.
  const yMin = minP > 0.9 ? Math.floor(minP * 100) / 100 - 0.01 : 0;
  const x = linearScale(0, maxT, BOX.left, BOX.width - BOX.right, (v) => `${v}`);
  const y = linearScale(yMin, 1, BOX.height - BOX.bottom, BOX.top, (v) => `${Math.round(v * 1000) / 10}%`);
  const root = chartFrame(BOX, 'Probability that a read sees the latest write', sentence);
  drawAxes(root, BOX, x, y, 't: time since the write committed (ms)', 'P(consistent read)');
  root.append(polyline(points.map((p) => [x(p.tMs), y(Math.max(yMin, p.probability))]), 'fl-curve'));
  const first = points[0]!;
  root.append(
    svg('circle', { class: 'fl-read-dot', 'data-outcome': first.probability >= 0.999 ? 'fresh' : 'stale', cx: x(first.tMs), cy: y(Math.max(yMin, first.probability)), r: 4 }),
  );
  replaceChildren(host, root);
}

export function drawLatencies(host: HTMLElement, read: LatencyStats | undefined, write: LatencyStats | undefined): void {
  const series = [
    { label: 'Read', cls: 'fl-curve fl-curve-read', stats: read },
    { label: 'Write', cls: 'fl-curve fl-curve-write', stats: write },
  ].filter((s): s is { label: string; cls: string; stats: LatencyStats } => s.stats !== undefined && s.stats.cdf.length > 0);
  if (series.length === 0) {
    replaceChildren(host, el('p', { class: 'fl-figure-note' }, 'No successful requests, so no latencies to show.'));
    return;
  }
  const all = series.flatMap((s) => s.stats.cdf.map((c) => c.ms)).filter((v) => v > 0);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const useLog = hi / Math.max(lo, 1e-3) > 30;
  const x = (useLog ? logScale : linearScale)(useLog ? lo : 0, hi, BOX.left, BOX.width - BOX.right, (v) => formatMs(v).replace(' ms', ''));
  const y = linearScale(0, 1, BOX.height - BOX.bottom, BOX.top, (v) => `${Math.round(v * 100)}%`);
  const description = series.map((s) => `${s.label}: p50 ${formatMs(s.stats.p50Ms)}, p99 ${formatMs(s.stats.p99Ms)}, p99.9 ${formatMs(s.stats.p999Ms)}`).join('. ');
  const root = chartFrame(BOX, 'Latency distributions (share of requests finished within x)', description);
  drawAxes(root, BOX, x, y, `latency (ms${useLog ? ', log scale' : ''})`, 'share of requests');
  for (const s of series) {
    root.append(polyline(s.stats.cdf.map((c) => [x(c.ms), y(c.fraction)]), s.cls));
    root.append(svg('line', { class: 'fl-pct-line', x1: x(s.stats.p999Ms), x2: x(s.stats.p999Ms), y1: BOX.top, y2: BOX.height - BOX.bottom }));
  }
  const table = el(
    'table',
    { class: 'fl-stats' },
    el('caption', { class: 'fl-visually-hidden' }, 'Latency percentiles'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Requests'), el('th', { scope: 'col' }, 'p50'), el('th', { scope: 'col' }, 'p99'), el('th', { scope: 'col' }, 'p99.9'))),
    el(
      'tbody',
      {},
      ...series.map((s) =>
        el('tr', {}, el('th', { scope: 'row' }, s.label), el('td', {}, formatMs(s.stats.p50Ms)), el('td', {}, formatMs(s.stats.p99Ms)), el('td', {}, formatMs(s.stats.p999Ms))),
      ),
    ),
  );
  replaceChildren(host, root, el('ul', { class: 'fl-legend', 'aria-hidden': 'true' }, el('li', {}, 'solid: write · dashed: read · dotted: p99.9')), table);
}
