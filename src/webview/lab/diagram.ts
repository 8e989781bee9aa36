/**
 * The space-time diagram: one lane per node, time flowing left to right, an arrow per message, the
 * commit (and crash / promotion) markers, each read's outcome as a coloured dot, and shaded partition
 * intervals. A cursor can be played or scrubbed: what happens after it is dimmed, so the reader can
 * step through the run message by message.
 */
import type { Trace, TraceMessage } from '../../simulator/trace';
import { formatMs } from '../../simulator/format';
import { el, replaceChildren, svg } from '../dom';

const LANE_HEIGHT = 34;
const LEFT = 96;
const RIGHT = 16;
const TOP = 18;
const WIDTH = 900;
const PLAY_DURATION_MS = 6_000;
const SCRUB_STEPS = 1_000;

export class SpaceTimeDiagram {
  private readonly figure: HTMLElement;
  private readonly drawing: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly readout: HTMLOutputElement;
  private readonly playButton: HTMLButtonElement;
  private trace: Trace | undefined;
  private fromMs = 0;
  private timed: { node: SVGElement; atMs: number }[] = [];
  private cursorLine: SVGLineElement | undefined;
  private xOf: (ms: number) => number = () => 0;
  private playing: number | undefined;

  constructor(host: HTMLElement) {
    this.drawing = el('div', { class: 'fl-diagram' });
    this.slider = el('input', { type: 'range', min: 0, max: SCRUB_STEPS, value: SCRUB_STEPS, id: 'fl-ui-scrub', 'aria-describedby': 'fl-ui-scrub-time' });
    this.readout = el('output', { id: 'fl-ui-scrub-time', for: 'fl-ui-scrub' });
    this.playButton = el('button', { type: 'button', class: 'fl-button fl-button-secondary', id: 'fl-ui-play', 'aria-pressed': 'false' }, 'Play');
    this.figure = el(
      'figure',
      { class: 'fl-figure', 'aria-labelledby': 'fl-ui-diagram-caption' },
      el('figcaption', { id: 'fl-ui-diagram-caption' }, 'Space-time diagram of one run'),
      el(
        'ul',
        { class: 'fl-legend' },
        legend('write', 'write / ack (dashed)'),
        legend('read', 'read / response (dashed)'),
        legend('fresh', 'fresh read'),
        legend('stale', 'stale read'),
        legend('failed', 'failed read'),
        legend('partition', 'partitioned'),
      ),
      this.drawing,
      el('div', { class: 'fl-scrub' }, this.playButton, el('label', { for: 'fl-ui-scrub' }, 'Time'), this.slider, this.readout),
    );
    host.append(this.figure);
    this.slider.addEventListener('input', () => {
      this.pause();
      this.setCursor(Number(this.slider.value));
    });
    this.playButton.addEventListener('click', () => (this.playing === undefined ? this.play() : this.pause()));
  }

  /** Draws `trace` from `fromMs` to its end (a window of a longer run). */
  draw(trace: Trace | undefined, caption: string, fromMs = 0): void {
    this.pause();
    this.trace = trace;
    this.fromMs = fromMs;
    this.timed = [];
    this.figure.hidden = !trace;
    if (!trace) return;
    (this.figure.querySelector('figcaption') as HTMLElement).textContent = caption;
    const lanes = trace.lanes.length;
    const height = TOP + lanes * LANE_HEIGHT + 28;
    const span = Math.max(trace.endMs - fromMs, 1e-6);
    const x = (ms: number) => LEFT + ((Math.min(Math.max(ms, fromMs), trace.endMs) - fromMs) / span) * (WIDTH - LEFT - RIGHT);
    const y = (lane: number) => TOP + lane * LANE_HEIGHT + LANE_HEIGHT / 2;
    this.xOf = x;
    const counts = { fresh: 0, stale: 0, failed: 0 };
    for (const r of trace.reads) counts[r.outcome]++;
    const root = svg(
      'svg',
      { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': 'fl-ui-diagram-title fl-ui-diagram-desc' },
      svg('title', { id: 'fl-ui-diagram-title' }, caption),
      svg(
        'desc',
        { id: 'fl-ui-diagram-desc' },
        `${lanes} nodes, ${trace.messages.length} messages from ${formatMs(fromMs)} to ${formatMs(trace.endMs)}; reads: ${counts.fresh} fresh, ${counts.stale} stale, ${counts.failed} failed.`,
      ),
      arrowheads(),
    );

    for (const p of trace.partitions) {
      for (const lane of p.lanes) {
        root.append(svg('rect', { class: 'fl-partition', x: x(p.startMs), y: y(lane) - LANE_HEIGHT / 2 + 2, width: Math.max(1, x(p.endMs) - x(p.startMs)), height: LANE_HEIGHT - 4 }));
      }
    }
    trace.lanes.forEach((name, lane) => {
      root.append(
        svg('line', { class: 'fl-lane', x1: LEFT, x2: WIDTH - RIGHT, y1: y(lane), y2: y(lane) }),
        svg('text', { class: 'fl-lane-label', x: LEFT - 8, y: y(lane) + 4, 'text-anchor': 'end' }, name),
      );
    });
    for (const m of trace.messages) this.addTimed(root, messageArrow(m, x, y), m.sendMs);
    for (const mark of trace.markers) {
      const g = svg(
        'g',
        {},
        svg('line', { class: 'fl-marker', x1: x(mark.atMs), x2: x(mark.atMs), y1: y(mark.lane) - 12, y2: y(mark.lane) + 12 }),
        svg('text', { class: 'fl-marker-label', x: x(mark.atMs) + 3, y: y(mark.lane) - 14 }, mark.kind.replace(/-/g, ' ')),
        svg('title', {}, `${mark.kind} of version ${mark.version} at ${formatMs(mark.atMs)}`),
      );
      this.addTimed(root, g, mark.atMs);
    }
    for (const r of trace.reads) {
      const dot = svg(
        'circle',
        { class: 'fl-read-dot', 'data-outcome': r.outcome, cx: x(r.completedMs), cy: y(r.lane), r: 5 },
        svg(
          'title',
          {},
          `Read issued at ${formatMs(r.issuedMs)}, ${r.outcome}: ` +
            (r.returnedVersion === null ? 'no answer' : `returned version ${r.returnedVersion}, latest acknowledged was ${r.expectedVersion}`),
        ),
      );
      this.addTimed(root, dot, r.completedMs);
    }
    const axisY = TOP + lanes * LANE_HEIGHT + 14;
    root.append(
      svg('text', { x: LEFT, y: axisY, 'text-anchor': 'start' }, formatMs(fromMs)),
      svg('text', { x: WIDTH - RIGHT, y: axisY, 'text-anchor': 'end' }, formatMs(trace.endMs)),
    );
    this.cursorLine = svg('line', { class: 'fl-cursor', y1: TOP - 6, y2: TOP + lanes * LANE_HEIGHT });
    root.append(this.cursorLine);
    replaceChildren(this.drawing, root);
    this.slider.value = String(SCRUB_STEPS);
    this.setCursor(SCRUB_STEPS);
  }

  /** Stops playback (when the lab is hidden or a new run replaces the trace). */
  pause(): void {
    if (this.playing !== undefined) clearTimeout(this.playing);
    this.playing = undefined;
    this.playButton.textContent = 'Play';
    this.playButton.setAttribute('aria-pressed', 'false');
  }

  private play(): void {
    if (!this.trace) return;
    if (Number(this.slider.value) >= SCRUB_STEPS) this.slider.value = '0';
    this.playButton.textContent = 'Pause';
    this.playButton.setAttribute('aria-pressed', 'true');
    const frameMs = 40;
    const stepPerFrame = (SCRUB_STEPS * frameMs) / PLAY_DURATION_MS;
    const tick = () => {
      const next = Math.min(SCRUB_STEPS, Number(this.slider.value) + stepPerFrame);
      this.slider.value = String(next);
      this.setCursor(next);
      if (next >= SCRUB_STEPS) this.pause();
      else this.playing = window.setTimeout(tick, frameMs);
    };
    this.playing = window.setTimeout(tick, frameMs);
  }

  private setCursor(step: number): void {
    if (!this.trace || !this.cursorLine) return;
    const atMs = this.fromMs + (step / SCRUB_STEPS) * (this.trace.endMs - this.fromMs);
    for (const { node, atMs: t } of this.timed) node.classList.toggle('fl-hidden-after-cursor', t > atMs);
    const cx = this.xOf(atMs);
    this.cursorLine.setAttribute('x1', String(cx));
    this.cursorLine.setAttribute('x2', String(cx));
    this.readout.textContent = formatMs(atMs);
    this.slider.setAttribute('aria-valuetext', formatMs(atMs));
  }

  private addTimed(root: SVGSVGElement, node: SVGElement, atMs: number): void {
    root.append(node);
    this.timed.push({ node, atMs });
  }
}

function legend(kind: string, text: string): HTMLLIElement {
  return el('li', {}, el('span', { class: 'fl-legend-swatch', 'data-kind': kind, 'aria-hidden': 'true' }), text);
}

function arrowheads(): SVGDefsElement {
  const head = (id: string, cls: string) =>
    svg('marker', { id, viewBox: '0 0 6 6', refX: 6, refY: 3, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' }, svg('path', { class: cls, d: 'M0,0 L6,3 L0,6 z' }));
  return svg('defs', {}, head('fl-ui-head-write', 'fl-arrowhead-write'), head('fl-ui-head-read', 'fl-arrowhead-read'), head('fl-ui-head-lost', 'fl-arrowhead-lost'));
}

/** A message that never arrived stops half-way with a red dotted line: it was lost in the partition. */
function messageArrow(m: TraceMessage, x: (ms: number) => number, y: (lane: number) => number): SVGElement {
  const lost = m.receiveMs === null;
  const family = m.kind === 'write' || m.kind === 'ack' ? 'write' : 'read';
  const x1 = x(m.sendMs);
  const y1 = y(m.from);
  const x2 = lost ? x1 + 18 : x(m.receiveMs!);
  const y2 = lost ? (y(m.from) + y(m.to)) / 2 : y(m.to);
  return svg(
    'line',
    {
      class: 'fl-msg',
      'data-kind': m.kind,
      'data-ignored': m.ignored ? 'true' : undefined,
      'data-lost': lost ? 'true' : undefined,
      x1, y1, x2, y2,
      'marker-end': `url(#fl-ui-head-${lost ? 'lost' : family})`,
    },
    svg('title', {}, `${m.kind} of version ${m.version}, sent at ${formatMs(m.sendMs)}${lost ? ', never arrived' : `, arrived at ${formatMs(m.receiveMs!)}`}${m.ignored ? ' (not waited for)' : ''}`),
  );
}
