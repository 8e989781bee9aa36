/**
 * The lab tab: pick a scenario (lessons' "Try it" links open one by id), change knobs, and see the
 * counters, plain-language results, the space-time diagram, the consistency curve and the latencies.
 * Runs start on their own when a scenario opens or a knob changes; a newer run cancels an older one.
 */
import { formatCount, getScenario, scenarios, validateSettings, type Scenario, type SimulatorSettings } from '../../simulator';
import { el, replaceChildren } from '../dom';
import { reportError } from '../host';
import type { LabPanel } from '../router';
import { RunCancelled } from './chunked-quorum';
import { LabControls } from './controls';
import { SpaceTimeDiagram } from './diagram';
import { drawConsistencyCurve, drawLatencies } from './plots';
import { runLab, type LabRun } from './runner';

const KNOB_DEBOUNCE_MS = 300;

interface SavedLab {
  scenario: string;
  variant: number;
  settings: SimulatorSettings;
}

export class LabView implements LabPanel {
  private scenario: Scenario = scenarios.find((s) => s.id === 'quorum-basics') ?? scenarios[0]!;
  private variant = 0;
  private settings: SimulatorSettings = this.scenario.settings;
  private runId = 0;
  private lastRunSettings = '';
  private knobTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly scenarioSelect: HTMLSelectElement;
  private readonly variantGroup: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly controls: LabControls;
  private readonly runButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly counters: HTMLElement;
  private readonly sentences: HTMLUListElement;
  private readonly diagram: SpaceTimeDiagram;
  private readonly curveFigure: HTMLElement;
  private readonly curve: HTMLElement;
  private readonly latencies: HTMLElement;

  constructor(
    host: HTMLElement,
    private readonly onStateChange: () => void,
  ) {
    this.scenarioSelect = el('select', { id: 'fl-ui-scenario' }, ...scenarios.map((s) => el('option', { value: s.id }, s.title)));
    this.variantGroup = el('div', { class: 'fl-lab-variants', role: 'radiogroup', 'aria-label': 'Compare' });
    this.caption = el('p', { class: 'fl-lab-caption', id: 'fl-ui-scenario-caption' });
    this.controls = new LabControls(() => this.knobsChanged());
    this.runButton = el('button', { type: 'button', class: 'fl-button', id: 'fl-ui-run' }, 'Run again');
    this.stopButton = el('button', { type: 'button', class: 'fl-button fl-button-secondary', id: 'fl-ui-stop', disabled: true }, 'Stop');
    this.status = el('p', { class: 'fl-lab-status', id: 'fl-ui-lab-status', role: 'status', 'aria-live': 'polite' });
    this.counters = el('ul', { class: 'fl-counters', id: 'fl-ui-counters', 'aria-label': 'Counters' });
    this.sentences = el('ul', { class: 'fl-sentences', id: 'fl-ui-sentences', 'aria-label': 'What this run shows' });
    this.curve = el('div', { id: 'fl-ui-curve' });
    this.curveFigure = el('figure', { class: 'fl-figure', 'aria-labelledby': 'fl-ui-curve-caption' }, el('figcaption', { id: 'fl-ui-curve-caption' }, 'Consistency over time (the PBS curve)'), this.curve);
    this.latencies = el('div', { id: 'fl-ui-latency' });

    host.append(
      el(
        'div',
        { class: 'fl-lab' },
        el('h2', {}, 'Replica-lag lab'),
        el('div', { class: 'fl-field' }, el('label', { for: 'fl-ui-scenario' }, 'Scenario'), this.scenarioSelect),
        this.caption,
        this.variantGroup,
        el('details', { open: true }, el('summary', {}, 'Knobs'), this.controls.element),
        el('div', { class: 'fl-lab-actions' }, this.runButton, this.stopButton, this.status),
        el('h3', {}, 'Results'),
        this.counters,
        this.sentences,
      ),
    );
    this.diagram = new SpaceTimeDiagram(host.querySelector('.fl-lab')!);
    host.querySelector('.fl-lab')!.append(
      this.curveFigure,
      el('figure', { class: 'fl-figure', 'aria-labelledby': 'fl-ui-latency-caption' }, el('figcaption', { id: 'fl-ui-latency-caption' }, 'Latency distributions'), this.latencies),
    );

    this.scenarioSelect.addEventListener('change', () => this.selectScenario(this.scenarioSelect.value, 0));
    this.variantGroup.addEventListener('change', (event) => this.selectScenario(this.scenario.id, Number((event.target as HTMLInputElement).value)));
    this.runButton.addEventListener('click', () => void this.run(true));
    this.stopButton.addEventListener('click', () => {
      this.runId++;
      this.setRunning(false, 'Stopped.');
    });
  }

  open(scenario: string | undefined, lessonScenarios: readonly string[]): void {
    this.markLessonScenarios(lessonScenarios);
    const requested = scenario ? getScenario(scenario) : undefined;
    if (requested && requested.id !== this.scenario.id) this.selectScenario(requested.id, 0, false);
    else {
      this.showScenario();
      void this.run(false);
    }
  }

  currentScenario(): string {
    return this.scenario.id;
  }

  savedSettings(): SavedLab {
    return { scenario: this.scenario.id, variant: this.variant, settings: this.settings };
  }

  restoreSettings(saved: unknown): void {
    if (typeof saved !== 'object' || saved === null) return;
    const { scenario, variant, settings } = saved as Partial<Record<keyof SavedLab, unknown>>;
    const known = typeof scenario === 'string' ? getScenario(scenario) : undefined;
    const checked = validateSettings(settings);
    if (!known || !checked.ok) return;
    this.scenario = known;
    this.variant = typeof variant === 'number' && Number.isInteger(variant) && variant >= 0 && variant < known.variants.length ? variant : 0;
    this.settings = checked.settings;
  }

  /** `notify` is false when the router itself asked for the scenario and already knows. */
  private selectScenario(id: string, variant: number, notify = true): void {
    const scenario = getScenario(id);
    if (!scenario) return;
    this.scenario = scenario;
    this.variant = Math.min(variant, scenario.variants.length - 1);
    this.settings = scenario.variants[this.variant]!.settings;
    this.showScenario();
    if (notify) this.onStateChange();
    void this.run(false);
  }

  private showScenario(): void {
    this.scenarioSelect.value = this.scenario.id;
    this.caption.textContent = this.scenario.caption;
    replaceChildren(
      this.variantGroup,
      ...(this.scenario.variants.length > 1
        ? this.scenario.variants.map((v, i) => {
            const input = el('input', { type: 'radio', name: 'fl-variant', id: `fl-ui-variant-${i}`, value: i, checked: i === this.variant });
            return el('label', { class: 'fl-radio', for: input.id }, input, ` ${v.label}`);
          })
        : []),
    );
    this.controls.show(this.settings);
  }

  /** Lessons list their own scenarios first, so the picker says which ones belong to the lesson. */
  private markLessonScenarios(ids: readonly string[]): void {
    for (const option of Array.from(this.scenarioSelect.options)) {
      const scenario = getScenario(option.value);
      if (scenario) option.textContent = ids.includes(scenario.id) ? `${scenario.title} (this lesson)` : scenario.title;
    }
  }

  private knobsChanged(): void {
    clearTimeout(this.knobTimer);
    this.knobTimer = setTimeout(() => {
      const checked = validateSettings(this.controls.read());
      if (!checked.ok) {
        this.controls.showErrors(checked.errors);
        return;
      }
      this.controls.showErrors([]);
      this.settings = checked.settings;
      this.controls.show(this.settings);
      this.onStateChange();
      void this.run(false);
    }, KNOB_DEBOUNCE_MS);
  }

  /** Runs the current settings; without `force`, settings that were just run are not run again. */
  private async run(force: boolean): Promise<void> {
    const key = JSON.stringify(this.settings);
    if (!force && key === this.lastRunSettings) return;
    this.lastRunSettings = key;
    const id = ++this.runId;
    const started = performance.now();
    this.diagram.pause();
    this.setRunning(true, 'Running…');
    try {
      const result = await runLab(this.settings, {
        cancelled: () => id !== this.runId,
        onProgress: (done) => {
          if (id === this.runId && done < 1) this.status.textContent = `Running… ${Math.round(done * 100)} %`;
        },
      });
      if (id !== this.runId) return;
      this.show(result);
      const trials = this.settings.model === 'quorum' ? `${formatCount(this.settings.trials)} trials` : `${formatCount(this.settings.workload.durationMs)} ms simulated`;
      this.setRunning(false, `Done: ${trials} in ${formatCount(Math.round(performance.now() - started))} ms.`);
    } catch (error) {
      if (error instanceof RunCancelled) return;
      this.lastRunSettings = '';
      this.setRunning(false, 'The simulation failed; details are in the “Fallacy Lens Lessons” output.');
      reportError(error);
    }
  }

  private setRunning(running: boolean, text: string): void {
    this.runButton.disabled = running;
    this.stopButton.disabled = !running;
    this.status.textContent = text;
    this.counters.setAttribute('aria-busy', String(running));
  }

  private show(run: LabRun): void {
    const counter = (kind: string, value: number, label: string) =>
      el('li', { class: 'fl-counter', 'data-kind': kind }, el('span', { class: 'fl-counter-value', id: `fl-ui-count-${kind}` }, formatCount(value)), el('span', { class: 'fl-counter-label' }, label));
    replaceChildren(
      this.counters,
      counter('reads', run.counters.reads, 'reads'),
      counter('stale', run.counters.stale, `stale: ${run.staleMeaning}`),
      counter('failed', run.counters.failed, 'failed requests'),
      counter('lost', run.counters.lost, 'acknowledged writes lost'),
    );
    replaceChildren(this.sentences, ...run.sentences.map((s) => el('li', {}, s)));
    this.diagram.draw(run.trace, run.traceCaption, run.traceFromMs);
    this.curveFigure.hidden = !run.curve;
    if (run.curve) drawConsistencyCurve(this.curve, run.curve, run.sentences.join(' '));
    drawLatencies(this.latencies, run.readLatency, run.writeLatency);
  }
}
