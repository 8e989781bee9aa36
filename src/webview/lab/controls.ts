/**
 * The lab's knobs. They show a `SimulatorSettings` and turn the reader's edits back into candidate
 * settings, built on top of the settings shown so that what has no knob (think time, client delay,
 * fail-over delay…) is kept. The candidate is checked with the simulator's `validateSettings` by the
 * caller; problems are listed next to the knobs.
 */
import {
  distributionMean,
  exponential,
  latencyProfiles,
  leaderFollowerSettings,
  quorumSettings,
  regionLinks,
  uniformFollowers,
  type LeaderFollowerSettings,
  type QuorumSettings,
  type ReadRouting,
  type ReplicationSettings,
  type SimulatorSettings,
  type ValidationError,
} from '../../simulator';
import { el, replaceChildren } from '../dom';

const CUSTOM = 'custom';
const TRIAL_CHOICES = [10_000, 50_000, 200_000, 1_000_000];
const ROUTINGS = [
  ['leader', 'Leader only'],
  ['any-follower', 'Any follower'],
  ['any-replica', 'Any replica (leader or follower)'],
  ['ryw-wait', 'Read-your-writes: follower waits'],
  ['ryw-window', 'Read-your-writes: leader for a window'],
] as const;
type RoutingChoice = (typeof ROUTINGS)[number][0];

export class LabControls {
  readonly element: HTMLElement;
  private base: SimulatorSettings = quorumSettings(latencyProfiles[1]!.legs, 3, 1, 1);
  /** The follower knobs as shown: when they are unchanged, the settings' own followers are kept. */
  private shownFollowers = '';
  private readonly errors: HTMLElement;
  private readonly quorumSet: HTMLFieldSetElement;
  private readonly leaderSet: HTMLFieldSetElement;
  private readonly partitionSet: HTMLFieldSetElement;
  private readonly inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();

  constructor(private readonly onChange: () => void) {
    this.errors = el('p', { class: 'fl-lab-hint', 'data-level': 'warning', role: 'alert', id: 'fl-ui-knob-errors', hidden: true });
    const architecture = el(
      'fieldset',
      {},
      el('legend', {}, 'Architecture'),
      this.radio('arch', 'quorum', 'Leaderless quorums (Dynamo, Cassandra)'),
      this.radio('arch', 'leader-follower', 'Leader and followers (PostgreSQL, MySQL)'),
      this.number('seed', 'Random seed', 0, 2 ** 31 - 1),
    );
    this.quorumSet = el(
      'fieldset',
      { id: 'fl-ui-quorum-knobs' },
      el('legend', {}, 'Quorums'),
      this.number('replicas', 'N: replicas', 1, 15),
      this.number('readQuorum', 'R: read quorum', 1, 15),
      this.number('writeQuorum', 'W: write quorum', 1, 15),
      this.select('delays', 'Delays', [
        ...latencyProfiles.map((p) => [p.id, p.title] as const),
        ...regionLinks.map((r) => [r.id, r.title] as const),
        [CUSTOM, 'As in the scenario'],
      ]),
      this.select('trials', 'Trials', TRIAL_CHOICES.map((t) => [String(t), t.toLocaleString('en-US')] as const)),
    );
    this.leaderSet = el(
      'fieldset',
      { id: 'fl-ui-leader-knobs' },
      el('legend', {}, 'Leader and followers'),
      this.number('followers', 'Followers', 1, 8),
      this.select('link', 'Leader ↔ follower link', [...regionLinks.map((r) => [r.id, r.title] as const), [CUSTOM, 'As in the scenario']]),
      this.number('applyLag', 'Follower apply lag, mean (ms)', 0, 100_000),
      this.select('replication', 'Replication', [
        ['async', 'Asynchronous'],
        ['semi-sync', 'Semi-synchronous (received)'],
        ['sync', 'Synchronous (applied)'],
      ]),
      this.number('acks', 'Follower acks waited for', 1, 8),
      this.select('routing', 'Reads go to', ROUTINGS),
      this.number('windowMs', 'Leader window after a write (ms)', 0, 100_000),
      this.number('sessions', 'Client sessions', 1, 64),
      this.number('durationMs', 'Run length (ms)', 100, 600_000),
    );
    this.partitionSet = el(
      'fieldset',
      { id: 'fl-ui-partition-knobs' },
      el('legend', {}, 'Failures'),
      this.checkbox('partition', 'Network partition'),
      this.select('partitionNode', 'Node cut off', [['0', 'Leader']]),
      this.number('partitionStart', 'From (ms)', 0, 600_000),
      this.number('partitionEnd', 'Until (ms)', 1, 600_000),
      el(
        'div',
        { role: 'radiogroup', 'aria-label': 'During a partition' },
        el('p', { class: 'fl-lab-hint' }, 'During a partition:'),
        this.radio('behaviour', 'cp', 'CP: refuse requests'),
        this.radio('behaviour', 'ap', 'AP: serve stale data'),
        this.radio('behaviour', 'fallback-async', 'Wait, then fall back to async'),
      ),
      this.number('fallbackMs', 'Fallback timeout (ms)', 1, 600_000),
      this.checkbox('crash', 'Leader crashes'),
      this.number('crashAt', 'Crash at (ms)', 0, 600_000),
    );
    this.element = el('div', {}, el('div', { class: 'fl-lab-controls' }, architecture, this.quorumSet, this.leaderSet, this.partitionSet), this.errors);
    this.element.addEventListener('change', (event) => {
      if ((event.target as HTMLInputElement).name === 'fl-knob-arch') this.switchArchitecture();
      this.onChange();
    });
  }

  show(settings: SimulatorSettings): void {
    this.base = settings;
    this.setRadio('arch', settings.model);
    this.set('seed', settings.seed);
    this.quorumSet.disabled = settings.model !== 'quorum';
    this.leaderSet.disabled = this.partitionSet.disabled = settings.model !== 'leader-follower';
    if (settings.model === 'quorum') this.showQuorum(settings);
    else this.showLeaderFollower(settings);
    this.showErrors([]);
  }

  /** Candidate settings from the knobs; not yet validated. */
  read(): unknown {
    const seed = this.num('seed');
    return this.base.model === 'quorum' ? { ...this.readQuorum(this.base), seed } : { ...this.readLeaderFollower(this.base), seed };
  }

  showErrors(errors: readonly ValidationError[]): void {
    this.errors.hidden = errors.length === 0;
    replaceChildren(this.errors, errors.length ? `Not run: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}` : '');
  }

  private switchArchitecture(): void {
    const model = this.radioValue('arch');
    if (model === this.base.model) return;
    this.show(model === 'quorum' ? quorumSettings(latencyProfiles[1]!.legs, 3, 1, 1) : leaderFollowerSettings());
  }

  private showQuorum(s: QuorumSettings): void {
    this.set('replicas', s.replicas);
    this.set('readQuorum', s.readQuorum);
    this.set('writeQuorum', s.writeQuorum);
    const legs = JSON.stringify(s.legs);
    const profile = latencyProfiles.find((p) => JSON.stringify(p.legs) === legs && p.remoteOneWayMs === s.remoteOneWayMs);
    const region = s.remoteOneWayMs === undefined ? regionLinks.find((r) => JSON.stringify({ write: r.oneWay, ack: r.oneWay, read: r.oneWay, response: r.oneWay }) === legs) : undefined;
    this.set('delays', profile?.id ?? region?.id ?? CUSTOM);
    this.ensureOption('trials', String(s.trials));
    this.set('trials', s.trials);
  }

  private readQuorum(base: QuorumSettings): QuorumSettings {
    const delays = this.str('delays');
    const profile = latencyProfiles.find((p) => p.id === delays);
    const region = regionLinks.find((r) => r.id === delays);
    const { remoteOneWayMs: _previousRemote, ...rest } = base;
    const legs = profile?.legs ?? (region ? { write: region.oneWay, ack: region.oneWay, read: region.oneWay, response: region.oneWay } : base.legs);
    const remote = profile ? profile.remoteOneWayMs : region ? undefined : base.remoteOneWayMs;
    return {
      ...rest,
      replicas: this.num('replicas'),
      readQuorum: this.num('readQuorum'),
      writeQuorum: this.num('writeQuorum'),
      trials: this.num('trials'),
      legs,
      ...(remote !== undefined ? { remoteOneWayMs: remote } : {}),
    };
  }

  private showLeaderFollower(s: LeaderFollowerSettings): void {
    const first = s.followers[0]!;
    const link = regionLinks.find((r) => JSON.stringify(r.oneWay) === JSON.stringify(first.networkDelay));
    this.set('followers', s.followers.length);
    this.set('link', link?.id ?? CUSTOM);
    this.set('applyLag', Math.round(distributionMean(first.applyLag) * 100) / 100);
    this.shownFollowers = this.followerKnobs();
    this.set('replication', s.replication.mode);
    this.set('acks', s.replication.mode === 'async' ? 1 : s.replication.acks);
    this.set('routing', routingChoice(s.readRouting));
    this.set('windowMs', s.readRouting.kind === 'read-your-writes' && s.readRouting.strategy === 'leader-window' ? s.readRouting.windowMs : 50);
    this.set('sessions', s.workload.sessions);
    this.set('durationMs', s.workload.durationMs);
    const nodeSelect = this.inputs.get('partitionNode') as HTMLSelectElement;
    replaceChildren(nodeSelect, el('option', { value: '0' }, 'Leader'), ...s.followers.map((_, i) => el('option', { value: String(i + 1) }, `Follower ${i + 1}`)));
    const partition = s.partitions[0];
    (this.inputs.get('partition') as HTMLInputElement).checked = partition !== undefined;
    this.set('partitionNode', partition?.nodes[0] ?? s.followers.length);
    this.set('partitionStart', partition?.startMs ?? 3_000);
    this.set('partitionEnd', partition?.endMs ?? 6_000);
    this.setRadio('behaviour', s.onPartition.kind);
    this.set('fallbackMs', s.onPartition.kind === 'fallback-async' ? s.onPartition.timeoutMs : 10_000);
    (this.inputs.get('crash') as HTMLInputElement).checked = s.leaderCrash !== undefined;
    this.set('crashAt', s.leaderCrash?.atMs ?? 5_000);
  }

  private readLeaderFollower(base: LeaderFollowerSettings): LeaderFollowerSettings {
    const count = this.num('followers');
    const link = regionLinks.find((r) => r.id === this.str('link'));
    const followers =
      this.followerKnobs() === this.shownFollowers
        ? base.followers
        : uniformFollowers(count, link?.oneWay ?? base.followers[0]!.networkDelay, exponential(Math.max(this.num('applyLag'), 1e-3)));
    const mode = this.str('replication') as ReplicationSettings['mode'];
    const replication: ReplicationSettings = mode === 'async' ? { mode } : { mode, acks: this.num('acks') };
    const behaviour = this.radioValue('behaviour');
    const { leaderCrash: _previousCrash, ...rest } = base;
    const crash = (this.inputs.get('crash') as HTMLInputElement).checked;
    return {
      ...rest,
      followers,
      replication,
      readRouting: routingFrom(this.str('routing') as RoutingChoice, this.num('windowMs')),
      workload: { ...base.workload, sessions: this.num('sessions'), durationMs: this.num('durationMs') },
      partitions: (this.inputs.get('partition') as HTMLInputElement).checked
        ? [{ nodes: [this.num('partitionNode')], startMs: this.num('partitionStart'), endMs: this.num('partitionEnd') }]
        : [],
      onPartition: behaviour === 'fallback-async' ? { kind: behaviour, timeoutMs: this.num('fallbackMs') } : { kind: behaviour === 'ap' ? 'ap' : 'cp' },
      ...(crash ? { leaderCrash: { atMs: this.num('crashAt'), failoverAfterMs: base.leaderCrash?.failoverAfterMs ?? 1_000 } } : {}),
    };
  }

  private followerKnobs(): string {
    return `${this.str('followers')}|${this.str('link')}|${this.str('applyLag')}`;
  }

  // ---------------------------------------------------------------- form plumbing

  private number(name: string, label: string, min: number, max: number): HTMLElement {
    const input = el('input', { type: 'number', id: `fl-ui-knob-${name}`, name: `fl-knob-${name}`, min, max, step: 'any', required: true });
    this.inputs.set(name, input);
    return el('div', { class: 'fl-field' }, el('label', { for: input.id }, label), input);
  }

  private select(name: string, label: string, options: readonly (readonly [string, string])[]): HTMLElement {
    const select = el('select', { id: `fl-ui-knob-${name}`, name: `fl-knob-${name}` }, ...options.map(([value, text]) => el('option', { value }, text)));
    this.inputs.set(name, select);
    return el('div', { class: 'fl-field' }, el('label', { for: select.id }, label), select);
  }

  private checkbox(name: string, label: string): HTMLElement {
    const input = el('input', { type: 'checkbox', id: `fl-ui-knob-${name}`, name: `fl-knob-${name}` });
    this.inputs.set(name, input);
    return el('label', { class: 'fl-radio', for: input.id }, input, ` ${label}`);
  }

  private radio(name: string, value: string, label: string): HTMLElement {
    const input = el('input', { type: 'radio', id: `fl-ui-knob-${name}-${value}`, name: `fl-knob-${name}`, value });
    return el('label', { class: 'fl-radio', for: input.id }, input, ` ${label}`);
  }

  private ensureOption(name: string, value: string): void {
    const select = this.inputs.get(name) as HTMLSelectElement;
    if (!Array.from(select.options).some((o) => o.value === value)) select.append(el('option', { value }, Number(value).toLocaleString('en-US')));
  }

  private set(name: string, value: string | number): void {
    this.inputs.get(name)!.value = String(value);
  }

  private str(name: string): string {
    return this.inputs.get(name)!.value;
  }

  /** NaN for an empty or garbled field: `validateSettings` then names the field. */
  private num(name: string): number {
    const raw = this.str(name);
    return raw.trim() === '' ? Number.NaN : Number(raw);
  }

  private setRadio(name: string, value: string): void {
    const input = this.element.querySelector<HTMLInputElement>(`input[name="fl-knob-${name}"][value="${value}"]`);
    if (input) input.checked = true;
  }

  private radioValue(name: string): string {
    return this.element.querySelector<HTMLInputElement>(`input[name="fl-knob-${name}"]:checked`)?.value ?? '';
  }
}

function routingChoice(routing: ReadRouting): RoutingChoice {
  if (routing.kind !== 'read-your-writes') return routing.kind;
  return routing.strategy === 'wait-for-apply' ? 'ryw-wait' : 'ryw-window';
}

function routingFrom(choice: RoutingChoice, windowMs: number): ReadRouting {
  switch (choice) {
    case 'ryw-wait':
      return { kind: 'read-your-writes', strategy: 'wait-for-apply' };
    case 'ryw-window':
      return { kind: 'read-your-writes', strategy: 'leader-window', windowMs };
    default:
      return { kind: choice };
  }
}
