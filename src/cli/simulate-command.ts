/**
 * `fallacy-lens simulate`: runs the replica-lag simulator from the command line.
 *
 *   fallacy-lens simulate --preset <id> | --scenario <id> [--trials N] [--seed S]
 *                         [--n N --r R --w W] [--t-max ms] [--json]
 *
 * Exit codes: 0 success, 2 usage or settings error.
 */
import { EXIT_OK, EXIT_USAGE } from './exit-codes';
import {
  formatCount,
  formatMs,
  formatPercent,
  getScenario,
  listPresetIds,
  listScenarioIds,
  presetSettings,
  simulate,
  validateSettings,
  type SimulationReport,
  type SimulatorSettings,
} from '../simulator';

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = `Usage: fallacy-lens simulate --preset <id> | --scenario <id> [options]

Runs the replica-lag simulator and prints what a reader of the lesson would see.

Options:
  --preset <id>     start from a preset (latency profile, region link or database knob)
  --scenario <id>   start from a lesson scenario (its first variant)
  --trials <N>      number of trials (quorum model)
  --seed <S>        random seed, an integer from 0 to 4294967295
  --n <N>           replicas (quorum model)
  --r <R>           read quorum (quorum model)
  --w <W>           write quorum (quorum model)
  --t-max <ms>      right end of the consistency curve (quorum model)
  --json            print the full result as JSON
  --list            list preset and scenario ids
  --help            show this help
`;

const VALUE_FLAGS = ['--preset', '--scenario', '--trials', '--seed', '--n', '--r', '--w', '--t-max'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
const QUORUM_ONLY: readonly ValueFlag[] = ['--trials', '--n', '--r', '--w', '--t-max'];


export function runSimulateCommand(args: string[], io: CommandIo): number {
  const values = new Map<ValueFlag, string>();
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const [flag, inlineValue] = splitFlag(args[i]);
    if (flag === '--help' || flag === '-h') {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (flag === '--list') {
      io.stdout(`Presets:\n  ${listPresetIds().join('\n  ')}\nScenarios:\n  ${listScenarioIds().join('\n  ')}\n`);
      return EXIT_OK;
    }
    if (flag === '--json') {
      json = true;
      continue;
    }
    if (!isValueFlag(flag)) return usageError(io, `unknown option "${args[i]}"`);
    const value = inlineValue ?? args[++i];
    if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) return usageError(io, `${flag} needs a value`);
    if (values.has(flag)) return usageError(io, `${flag} given twice`);
    values.set(flag, value);
  }

  const presetId = values.get('--preset');
  const scenarioId = values.get('--scenario');
  if ((presetId === undefined) === (scenarioId === undefined)) return usageError(io, 'give exactly one of --preset <id> or --scenario <id>');
  let base: SimulatorSettings | undefined;
  if (presetId !== undefined) {
    base = presetSettings(presetId);
    if (!base) return usageError(io, `unknown preset "${presetId}"; presets: ${listPresetIds().join(', ')}`);
  } else {
    base = getScenario(scenarioId as string)?.settings;
    if (!base) return usageError(io, `unknown scenario "${scenarioId}"; scenarios: ${listScenarioIds().join(', ')}`);
  }

  const overrides: Record<string, number> = {};
  const numberFlags: [ValueFlag, string, boolean][] = [
    ['--seed', 'seed', true],
    ['--trials', 'trials', true],
    ['--n', 'replicas', true],
    ['--r', 'readQuorum', true],
    ['--w', 'writeQuorum', true],
    ['--t-max', 'tMaxMs', false],
  ];
  for (const [flag, key, integer] of numberFlags) {
    const raw = values.get(flag);
    if (raw === undefined) continue;
    if (base.model !== 'quorum' && QUORUM_ONLY.includes(flag)) return usageError(io, `${flag} applies to quorum presets only; "${presetId ?? scenarioId}" is a leader/follower setup`);
    const parsed = parseNumber(raw, integer);
    if (parsed === undefined) return usageError(io, `${flag} expects ${integer ? 'a whole number' : 'a number'}, got "${raw}"`);
    overrides[key] = parsed;
  }

  const validation = validateSettings({ ...base, ...overrides });
  if (!validation.ok) {
    io.stderr(`fallacy-lens simulate: invalid settings:\n${validation.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}\n`);
    return EXIT_USAGE;
  }
  const report = simulate(validation.settings);
  const source = presetId !== undefined ? { preset: presetId } : { scenario: scenarioId };
  io.stdout(json ? `${JSON.stringify({ ...source, ...report }, null, 2)}\n` : formatReport(presetId ?? (scenarioId as string), report));
  return EXIT_OK;
}

function splitFlag(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return arg.startsWith('--') && equals > 0 ? [arg.slice(0, equals), arg.slice(equals + 1)] : [arg, undefined];
}

function isValueFlag(flag: string): flag is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(flag);
}

function parseNumber(raw: string, integer: boolean): number | undefined {
  const pattern = integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
  return pattern.test(raw) ? Number(raw) : undefined;
}

function usageError(io: CommandIo, message: string): number {
  io.stderr(`fallacy-lens simulate: ${message}\nRun "fallacy-lens simulate --help" for usage.\n`);
  return EXIT_USAGE;
}

function formatReport(name: string, report: SimulationReport): string {
  const lines = [`Simulation: ${name}`, ''];
  for (const sentence of report.sentences) lines.push(`  ${sentence}`);
  const result = report.result;
  lines.push('');
  if (result.model === 'quorum') {
    lines.push('  t after commit   P(consistent)');
    const step = Math.max(1, Math.floor((result.curve.length - 1) / 10));
    for (let i = 0; i < result.curve.length; i += step) {
      const point = result.curve[i];
      lines.push(`  ${formatMs(point.tMs).padStart(14)}   ${formatPercent(point.probability)}`);
    }
  } else {
    const c = result.counters;
    lines.push(
      `  reads ${formatCount(c.reads)}, stale ${formatCount(c.staleReads)}, stale for own session ${formatCount(c.sessionStaleReads)}, failed ${formatCount(c.failedReads)}`,
      `  writes ${formatCount(c.writes)}, acknowledged ${formatCount(c.acknowledgedWrites)}, failed ${formatCount(c.failedWrites)}, acknowledged but lost ${formatCount(c.lostAcknowledgedWrites)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
