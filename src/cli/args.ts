/**
 * The command line, parsed by hand (no dependency) in ESLint's conventions: `--flag value`,
 * `--flag=value`, short aliases, `--` to end options, repeatable `--rule`.
 */
import { parseShard, type Shard } from '../runner/shard';
import type { ParserChoice } from '../analyzer/parsers';
import { CONFIG_RULE_IDS } from '../analyzer/config';
import type { RuleId, SeveritySetting } from '../analyzer/types';
import { UsageError } from './usage-error';

export const FORMATS = ['stylish', 'json', 'sarif', 'markdown'] as const;
export type FormatName = (typeof FORMATS)[number];
export const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];
const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export interface ScanArgs {
  paths: string[];
  format: FormatName;
  output?: string;
  failOn: FailOn;
  rules: Array<{ rule: RuleId; severity: SeveritySetting }>;
  config?: string;
  changedSince?: string;
  fix: boolean;
  jobs?: number;
  parser: ParserChoice;
  /** Reuse the previous results when no file changed (ESLint's --cache). */
  cache: boolean;
  /** `--shard K/N`: report the K-th of N deterministic shares of the files. */
  shard?: Shard;
  /** Cache file, relative to the project root or absolute (default .fallacy-lens-cache/scan.json). */
  cacheLocation?: string;
  /** undefined: decide from the terminal and NO_COLOR / FORCE_COLOR. */
  color?: boolean;
  quiet: boolean;
}

export type Command =
  | { kind: 'help'; topic?: 'scan' | 'rules' | 'simulate' }
  | { kind: 'version' }
  | { kind: 'scan'; args: ScanArgs }
  | { kind: 'rules'; format: 'text' | 'json' }
  | { kind: 'simulate'; args: string[] };

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      throw new UsageError('Missing command. Run `fallacy-lens --help` for usage.');
    case '-h':
    case '--help':
    case 'help':
      return { kind: 'help', topic: helpTopic(rest[0]) };
    case '-v':
    case '--version':
      return { kind: 'version' };
    case 'scan':
      return rest.some(isHelpFlag) ? { kind: 'help', topic: 'scan' } : { kind: 'scan', args: parseScanArgs(rest) };
    case 'rules':
      return rest.some(isHelpFlag) ? { kind: 'help', topic: 'rules' } : parseRulesArgs(rest);
    case 'simulate':
      // The simulator parses its own arguments.
      return { kind: 'simulate', args: rest };
    default:
      throw new UsageError(
        command.startsWith('-')
          ? `Unknown option '${command}' before the command. Run \`fallacy-lens --help\` for usage.`
          : `Unknown command '${command}'. Commands: scan, rules, simulate. To scan a path, run \`fallacy-lens scan ${command}\`.`,
      );
  }
}

const SCAN_VALUE_FLAGS: Record<string, string> = {
  '--format': '--format',
  '-f': '--format',
  '--output': '--output',
  '-o': '--output',
  '--fail-on': '--fail-on',
  '--rule': '--rule',
  '--config': '--config',
  '-c': '--config',
  '--changed-since': '--changed-since',
  '--jobs': '--jobs',
  '-j': '--jobs',
  '--parser': '--parser',
  '--cache-location': '--cache-location',
  '--shard': '--shard',
};
const PARSERS: readonly ParserChoice[] = ['auto', 'oxc', 'typescript-estree'];
const SCAN_BOOLEAN_FLAGS = ['--cache', '--fix', '--no-color', '--color', '--quiet', '-q'];

function parseScanArgs(argv: readonly string[]): ScanArgs {
  const args: ScanArgs = { paths: [], format: 'stylish', failOn: 'warning', rules: [], fix: false, quiet: false, parser: 'auto', cache: false };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    if (SCAN_BOOLEAN_FLAGS.includes(name)) {
      if (eq > 0) throw new UsageError(`Option '${name}' takes no value.`);
      applyBoolean(args, name);
      continue;
    }
    const flag = SCAN_VALUE_FLAGS[name];
    if (!flag) throw new UsageError(unknownOption(name, [...Object.keys(SCAN_VALUE_FLAGS), ...SCAN_BOOLEAN_FLAGS, '--help']));
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('-') && value !== '-')) throw new UsageError(`Option '${flag}' needs a value.`);
    if (flag !== '--rule' && seen.has(flag)) throw new UsageError(`Option '${flag}' is given twice.`);
    seen.add(flag);
    applyValue(args, flag, value);
  }
  return args;
}

function applyBoolean(args: ScanArgs, name: string): void {
  if (name === '--fix') args.fix = true;
  else if (name === '--cache') args.cache = true;
  else if (name === '--no-color') args.color = false;
  else if (name === '--color') args.color = true;
  else args.quiet = true;
}

function applyValue(args: ScanArgs, flag: string, value: string): void {
  switch (flag) {
    case '--format':
      args.format = oneOf(flag, value, FORMATS);
      return;
    case '--fail-on':
      args.failOn = oneOf(flag, value, FAIL_ON);
      return;
    case '--output':
      args.output = value;
      return;
    case '--config':
      args.config = value;
      return;
    case '--changed-since':
      args.changedSince = value;
      return;
    case '--jobs':
      if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`Option '--jobs' needs a whole number of at least 1 (got '${value}').`);
      args.jobs = Number(value);
      return;
    case '--rule':
      args.rules.push(parseRuleSetting(value));
      return;
    case '--shard': {
      const shard = parseShard(value);
      if (!shard) throw new UsageError(`Option '--shard' needs K/N with 1 <= K <= N, such as 2/4 (got '${value}').`);
      args.shard = shard;
      return;
    }
    case '--cache-location':
      args.cacheLocation = value;
      return;
    case '--parser':
      if (!PARSERS.includes(value as ParserChoice)) throw new UsageError(`Option '--parser' needs one of ${PARSERS.join(', ')} (got '${value}').`);
      args.parser = value as ParserChoice;
      return;
  }
}

function parseRuleSetting(value: string): { rule: RuleId; severity: SeveritySetting } {
  const [rule, severity, ...extra] = value.split('=');
  if (severity === undefined || extra.length > 0) throw new UsageError(`Option '--rule' needs RULE=SEVERITY, such as no-retry=off (got '${value}').`);
  if (!(CONFIG_RULE_IDS as string[]).includes(rule)) {
    throw new UsageError(`Unknown rule '${rule}' in --rule. Rules: ${CONFIG_RULE_IDS.join(', ')}.`);
  }
  return { rule: rule as RuleId, severity: oneOf('--rule', severity, SEVERITY_SETTINGS) };
}

function parseRulesArgs(argv: readonly string[]): Command {
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--format' || arg === '-f') format = oneOf('--format', argv[++i] ?? '', ['text', 'json'] as const);
    else if (arg.startsWith('--format=')) format = oneOf('--format', arg.slice('--format='.length), ['text', 'json'] as const);
    else throw new UsageError(arg.startsWith('-') ? unknownOption(arg, ['--format', '--help']) : `The rules command takes no paths (got '${arg}').`);
  }
  return { kind: 'rules', format };
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Option '${flag}' must be one of ${allowed.join(', ')} (got '${value}').`);
}

function unknownOption(name: string, known: string[]): string {
  const hint = known.find((k) => k.startsWith('--') && (k.startsWith(name) || name.startsWith(k) || sameLetters(k, name)));
  return `Unknown option '${name}'.${hint ? ` Did you mean '${hint}'?` : ''} Run \`fallacy-lens scan --help\` for the options.`;
}

/** A cheap typo check: same letters give or take one. */
function sameLetters(a: string, b: string): boolean {
  const sorted = (s: string): string => [...s].sort().join('');
  return Math.abs(a.length - b.length) <= 1 && (sorted(a) === sorted(b) || [...a].filter((c) => !b.includes(c)).length <= 1);
}

function isHelpFlag(arg: string): boolean {
  return arg === '--help' || arg === '-h';
}

function helpTopic(topic: string | undefined): 'scan' | 'rules' | 'simulate' | undefined {
  return topic === 'scan' || topic === 'rules' || topic === 'simulate' ? topic : undefined;
}
