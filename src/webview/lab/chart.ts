/**
 * Just enough charting for the lab's plots: linear and log scales, "nice" ticks and labelled axes,
 * drawn as plain SVG elements whose colours come from the stylesheet (theme variables).
 */
import { svg } from '../dom';

export interface Scale {
  (value: number): number;
  ticks: number[];
  format: (value: number) => string;
}

export interface Box {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

export function linearScale(min: number, max: number, from: number, to: number, format: (v: number) => string, tickCount = 5): Scale {
  const span = max - min || 1;
  const scale = ((value: number) => from + ((value - min) / span) * (to - from)) as Scale;
  const step = niceStep(span, tickCount);
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  scale.ticks = ticks;
  scale.format = format;
  return scale;
}

/** Log scale for latency tails: 0.1, 1, 10, 100 ms… keeps p50 and p99.9 on one readable axis. */
export function logScale(min: number, max: number, from: number, to: number, format: (v: number) => string): Scale {
  const lo = Math.log10(Math.max(min, 1e-3));
  const hi = Math.log10(Math.max(max, min * 10, 1e-2));
  const scale = ((value: number) => from + ((Math.log10(Math.max(value, 1e-3)) - lo) / (hi - lo)) * (to - from)) as Scale;
  scale.ticks = [];
  for (let p = Math.ceil(lo); p <= Math.floor(hi); p++) scale.ticks.push(10 ** p);
  scale.format = format;
  return scale;
}

export function chartFrame(box: Box, title: string, description: string): SVGSVGElement {
  const id = `fl-ui-chart-${Math.random().toString(36).slice(2)}`;
  return svg(
    'svg',
    { viewBox: `0 0 ${box.width} ${box.height}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, preserveAspectRatio: 'xMidYMid meet' },
    svg('title', { id: `${id}-t` }, title),
    svg('desc', { id: `${id}-d` }, description),
  );
}

export function drawAxes(root: SVGSVGElement, box: Box, x: Scale, y: Scale, xLabel: string, yLabel: string): void {
  const bottom = box.height - box.bottom;
  const right = box.width - box.right;
  const group = svg('g', { 'aria-hidden': 'true' });
  for (const t of y.ticks) {
    group.append(
      svg('line', { class: 'fl-grid', x1: box.left, x2: right, y1: y(t), y2: y(t) }),
      svg('text', { x: box.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, y.format(t)),
    );
  }
  for (const t of x.ticks) {
    group.append(
      svg('line', { class: 'fl-grid', x1: x(t), x2: x(t), y1: box.top, y2: bottom }),
      svg('text', { x: x(t), y: bottom + 14, 'text-anchor': 'middle' }, x.format(t)),
    );
  }
  group.append(
    svg('line', { class: 'fl-axis', x1: box.left, x2: right, y1: bottom, y2: bottom }),
    svg('line', { class: 'fl-axis', x1: box.left, x2: box.left, y1: box.top, y2: bottom }),
    svg('text', { x: (box.left + right) / 2, y: box.height - 4, 'text-anchor': 'middle' }, xLabel),
    svg('text', { x: 12, y: (box.top + bottom) / 2, 'text-anchor': 'middle', transform: `rotate(-90 12 ${(box.top + bottom) / 2})` }, yLabel),
  );
  root.append(group);
}

export function polyline(points: readonly [number, number][], cls: string): SVGPolylineElement {
  return svg('polyline', { class: cls, points: points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ') });
}
