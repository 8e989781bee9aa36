/**
 * The project configuration (`.fallacy-lens.json`): its types, its validation against
 * `schema/fallacy-lens.schema.json` (the single source of truth for its shape), and the
 * questions the analyzer and the runner ask of it.
 *
 * Pure: callers read the file and pass the text, so the CLI, the worker threads and the editor
 * extension share one implementation. Nothing in a configuration is executed.
 */
import Ajv, { type ErrorObject } from 'ajv';
import picomatch from 'picomatch/posix';
import schema from '../../schema/fallacy-lens.schema.json';
import type { RuleId, Severity, SeveritySetting } from './types';

export type RuleSeverities = Partial<Record<RuleId, SeveritySetting>>;
export type TestFileSeverity = 'downgrade' | 'same' | 'off';

export interface RuleOverride {
  files: string[];
  rules: RuleSeverities;
}

export interface HttpWrapper {
  bounded: boolean;
  retried: boolean;
}

/** The resolved configuration: every key present, defaults applied. Plain JSON data. */
export interface ProjectConfig {
  /** Only the rules the configuration names; the others keep the catalog's default severity. */
  rules: RuleSeverities;
  overrides: RuleOverride[];
  exclude: string[];
  testFiles: { patterns: string[]; severity: TestFileSeverity };
  retryWrappers: string[];
  timeoutWrappers: string[];
  idempotencyHeaders: string[];
  httpWrappers: Record<string, HttpWrapper>;
  maxFileBytes: number;
}

/** What a configuration source says, as written (validated, nothing defaulted). */
export interface ConfigInput {
  $schema?: string;
  rules?: RuleSeverities;
  overrides?: RuleOverride[];
  exclude?: string[];
  testFiles?: { patterns?: string[]; severity?: TestFileSeverity };
  retryWrappers?: string[];
  timeoutWrappers?: string[];
  idempotencyHeaders?: string[];
  httpWrappers?: Record<string, Partial<HttpWrapper>>;
  maxFileBytes?: number;
}

export const CONFIG_FILE_NAME = '.fallacy-lens.json';
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
export const DEFAULT_TEST_FILE_PATTERNS: readonly string[] = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/*.e2e.*',
  '**/*.e2e-spec.*',
  '**/e2e/**',
  '**/__tests__/**',
  '**/test/**',
  '**/tests/**',
  '**/__mocks__/**',
  '**/fixtures/**',
  '**/*.stories.*',
];

/** Rule ids as the schema lists them, so that a rule added to the schema is known everywhere. */
export const CONFIG_RULE_IDS = Object.keys(schema.definitions.ruleSeverities.properties) as RuleId[];

/** An invalid configuration. `key` is a JSON pointer (`/rules/no-timeout`); `line`/`column` are 1-based. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly expected: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function defaultConfig(): ProjectConfig {
  return resolveConfig({});
}

/** Parses and validates a configuration file's text; throws `ConfigError`. */
export function parseConfig(text: string, fileName: string): ProjectConfig {
  return resolveConfig(parseConfigInput(text, fileName));
}

/** Like `parseConfig`, without applying defaults (for `mergeConfig`). */
export function parseConfigInput(text: string, fileName: string): ConfigInput {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { value, positions } = parseStrictJson(source, fileName);
  return validate(value, fileName, (pointer) => positions.get(pointer), source);
}

/** Validates a configuration that did not come from a file (editor settings); throws `ConfigError`. */
export function validateConfigInput(value: unknown, sourceName: string): ConfigInput {
  return validate(value, sourceName, () => undefined, '');
}

export function resolveConfig(input: ConfigInput): ProjectConfig {
  return {
    rules: { ...input.rules },
    overrides: (input.overrides ?? []).map((o) => ({ files: [...o.files], rules: { ...o.rules } })),
    exclude: [...(input.exclude ?? [])],
    testFiles: {
      patterns: [...(input.testFiles?.patterns ?? DEFAULT_TEST_FILE_PATTERNS)],
      severity: input.testFiles?.severity ?? 'downgrade',
    },
    retryWrappers: [...(input.retryWrappers ?? [])],
    timeoutWrappers: [...(input.timeoutWrappers ?? [])],
    idempotencyHeaders: [...(input.idempotencyHeaders ?? [])],
    // fromEntries defines own properties, so a wrapper named `__proto__` stays data.
    httpWrappers: Object.fromEntries(
      Object.entries(input.httpWrappers ?? {}).map(([name, w]) => [
        name,
        { bounded: w.bounded ?? false, retried: w.retried ?? false },
      ]),
    ),
    maxFileBytes: input.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  };
}

/**
 * Layers the project file over the editor's settings: the project file is shared by the team and
 * wins wherever it says something. Lists of names (wrappers, headers, excludes) are unioned
 * because each only adds knowledge; the editor's per-file overrides lose every rule the project
 * file configures anywhere.
 */
export function mergeConfig(projectFile: ConfigInput, fromEditorSettings: ConfigInput): ProjectConfig {
  const projectRules = new Set<string>([
    ...Object.keys(projectFile.rules ?? {}),
    ...(projectFile.overrides ?? []).flatMap((o) => Object.keys(o.rules)),
  ]);
  const editorOverrides = (fromEditorSettings.overrides ?? []).map((o) => ({
    files: o.files,
    rules: Object.fromEntries(Object.entries(o.rules).filter(([id]) => !projectRules.has(id))),
  }));
  return resolveConfig({
    rules: { ...fromEditorSettings.rules, ...projectFile.rules },
    overrides: [...editorOverrides, ...(projectFile.overrides ?? [])],
    exclude: union(fromEditorSettings.exclude, projectFile.exclude),
    testFiles: { ...fromEditorSettings.testFiles, ...projectFile.testFiles },
    retryWrappers: union(fromEditorSettings.retryWrappers, projectFile.retryWrappers),
    timeoutWrappers: union(fromEditorSettings.timeoutWrappers, projectFile.timeoutWrappers),
    idempotencyHeaders: union(fromEditorSettings.idempotencyHeaders, projectFile.idempotencyHeaders),
    httpWrappers: { ...fromEditorSettings.httpWrappers, ...projectFile.httpWrappers },
    maxFileBytes: projectFile.maxFileBytes ?? fromEditorSettings.maxFileBytes,
  });
}

/**
 * The severity a rule's findings get in a file: the rule's default, then `rules`, then each
 * matching override in order, then the test-file policy (applied last, so overrides cannot
 * exempt test files from it; set `testFiles.severity` to `same` for that).
 */
export function severityFor(
  config: ProjectConfig,
  ruleId: RuleId,
  filePath: string,
  defaultSeverity: SeveritySetting,
): SeveritySetting {
  let severity = config.rules[ruleId] ?? defaultSeverity;
  const matchers = compiledMatchers(config);
  config.overrides.forEach((override, i) => {
    const setting = override.rules[ruleId];
    if (setting !== undefined && matchers.overrides[i](filePath)) severity = setting;
  });
  if (severity === 'off' || !matchers.testFile(filePath)) return severity;
  if (config.testFiles.severity === 'off') return 'off';
  return config.testFiles.severity === 'downgrade' ? downgrade(severity) : severity;
}

export function isTestFile(config: ProjectConfig, filePath: string): boolean {
  return compiledMatchers(config).testFile(filePath);
}

/** Whether `exclude` names the path (a posix path relative to the project root; a file or a directory). */
export function isExcluded(config: ProjectConfig, filePath: string): boolean {
  return compiledMatchers(config).exclude(filePath);
}

/**
 * Globs are matched against posix paths relative to the project root; dotfiles match; a glob
 * without `/` matches the last path segment at any depth, as in .gitignore.
 */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  // picomatch's `basename` option would apply to every glob, so the two kinds are compiled apart.
  const matchers = globs.map((glob) => picomatch(glob, { dot: true, basename: !glob.includes('/') }));
  return (path) => matchers.some((matches) => matches(path));
}

function downgrade(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : 'info';
}

function union(a: string[] | undefined, b: string[] | undefined): string[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

interface CompiledMatchers {
  overrides: Array<(path: string) => boolean>;
  testFile: (path: string) => boolean;
  exclude: (path: string) => boolean;
}

// severityFor runs once per finding; compiling globs once per configuration object keeps it cheap.
const matcherCache = new WeakMap<ProjectConfig, CompiledMatchers>();

function compiledMatchers(config: ProjectConfig): CompiledMatchers {
  let compiled = matcherCache.get(config);
  if (!compiled) {
    compiled = {
      overrides: config.overrides.map((o) => globMatcher(o.files)),
      testFile: globMatcher(config.testFiles.patterns),
      exclude: globMatcher(config.exclude),
    };
    matcherCache.set(config, compiled);
  }
  return compiled;
}

// ---------------------------------------------------------------------------------------------
// Schema validation and its messages

type PositionLookup = (pointer: string) => JsonPosition | undefined;

let compiledSchema: ReturnType<Ajv['compile']> | undefined;

function validate(value: unknown, fileName: string, position: PositionLookup, text: string): ConfigInput {
  compiledSchema ??= new Ajv({ allErrors: true, verbose: true, strict: true }).compile(schema);
  if (compiledSchema(value)) return value as ConfigInput;
  const problems = describeErrors(compiledSchema.errors ?? []);
  const located = problems.map((p) => ({ ...p, at: locate(position, p.key, text) }));
  located.sort((a, b) => (a.at?.offset ?? Infinity) - (b.at?.offset ?? Infinity));
  const lines = located.map((p) => `${prefix(fileName, p.at)}${p.key === '' ? 'the configuration' : `"${displayKey(p.key)}"`} ${p.text}`);
  const first = located[0];
  throw new ConfigError(fileName, first.key, first.expected, lines.join('\n'), first.at?.line, first.at?.column);
}

interface Problem {
  key: string;
  expected: string;
  text: string;
}

function describeErrors(errors: ErrorObject[]): Problem[] {
  const problems: Problem[] = [];
  for (const error of errors) {
    // Errors inside a propertyNames check repeat the 'propertyNames' error that names the key.
    if (error.propertyName !== undefined) continue;
    const problem = describeError(error);
    if (!problems.some((p) => p.key === problem.key && p.text === problem.text)) problems.push(problem);
  }
  return problems;
}

function describeError(error: ErrorObject): Problem {
  const at = error.instancePath;
  const got = describeValue(error.data);
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const what = at.endsWith('/rules') || at === '/rules' ? 'is not a rule id' : 'is not a known key';
      const hint = closest(name, allowed);
      return {
        key: `${at}/${escapePointer(name)}`,
        expected: allowed.join(', '),
        text: `${what}; expected one of ${allowed.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`,
      };
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      return { key: at, expected: allowed.join(', '), text: `must be one of ${allowed.join(', ')} (got ${got})` };
    }
    case 'type': {
      const type = String(error.params.type);
      return { key: at, expected: type, text: `must be ${article(type)} ${type} (got ${got})` };
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      return { key: `${at}/${escapePointer(missing)}`, expected: 'a value', text: 'is required' };
    }
    case 'propertyNames': {
      const name = String(error.params.propertyName);
      return {
        key: `${at}/${escapePointer(name)}`,
        expected: 'a function name such as fetchJson or api.request',
        text: 'must be a function name such as fetchJson or api.request',
      };
    }
    case 'pattern':
      return {
        key: at,
        expected: at.startsWith('/idempotencyHeaders') ? 'an HTTP header name' : 'a function name',
        text: `must be ${at.startsWith('/idempotencyHeaders') ? 'an HTTP header name' : 'a function name such as fetchJson or api.request'} (got ${got})`,
      };
    case 'minItems':
      return { key: at, expected: 'a non-empty list', text: 'must not be an empty list' };
    case 'minLength':
      return { key: at, expected: 'a non-empty string', text: 'must not be empty' };
    case 'minimum':
      return { key: at, expected: `a number >= ${error.params.limit}`, text: `must be at least ${error.params.limit} (got ${got})` };
    default:
      return { key: at, expected: error.message ?? 'a valid value', text: `${error.message ?? 'is invalid'} (got ${got})` };
  }
}

function describeValue(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? 'an' : 'a';
}

/** `/overrides/0/rules/no-timeout` → `overrides[0].rules.no-timeout`. */
function displayKey(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map(unescapePointer)
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out === '' ? part : `${out}.${part}`), '');
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Where to point for a problem: the key itself if it exists, else the closest enclosing value. */
function locate(position: PositionLookup, pointer: string, text: string): (JsonPosition & { line: number; column: number }) | undefined {
  let current = pointer;
  for (;;) {
    const found = position(current);
    if (found) return { ...found, ...lineAndColumn(text, found.offset) };
    if (current === '') return undefined;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}

function prefix(fileName: string, at: { line: number; column: number } | undefined): string {
  return at ? `${fileName}:${at.line}:${at.column}: ` : `${fileName}: `;
}

function closest(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

// ---------------------------------------------------------------------------------------------
// Strict JSON with positions. JSON.parse gives neither a portable error position nor the location
// of each key, and it lets a duplicated key silently replace the first one.

interface JsonPosition {
  /** UTF-16 offset of the key (for object members) or of the value (for array items and the root). */
  offset: number;
}

const MAX_JSON_DEPTH = 64;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

function parseStrictJson(text: string, fileName: string): { value: unknown; positions: Map<string, JsonPosition> } {
  const positions = new Map<string, JsonPosition>();
  let i = 0;

  function fail(message: string, at = i): never {
    const { line, column } = lineAndColumn(text, at);
    throw new ConfigError(fileName, '', 'valid JSON', `${fileName}:${line}:${column}: invalid JSON: ${message}`, line, column);
  }
  const skipWhitespace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
    if (text.startsWith('//', i) || text.startsWith('/*', i)) fail('comments are not allowed in JSON');
  };
  const describeHere = (): string => (i >= text.length ? 'end of file' : `character ${JSON.stringify(text[i])}`);
  const token = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    if (!match) return undefined;
    i += match[0].length;
    return match[0];
  };
  const consume = (char: string): boolean => {
    if (text[i] !== char) return false;
    i++;
    return true;
  };
  const expect = (char: string): void => {
    skipWhitespace();
    if (text[i] !== char) fail(`expected '${char}' but found ${describeHere()}`);
    i++;
  };

  const parseValue = (pointer: string, depth: number): unknown => {
    if (depth > MAX_JSON_DEPTH) fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
    skipWhitespace();
    const start = i;
    if (text[i] === '{') return parseObject(pointer, depth);
    if (text[i] === '[') return parseArray(pointer, depth);
    const lexeme = token(STRING) ?? token(NUMBER) ?? token(LITERAL);
    if (lexeme === undefined) {
      if (text[i] === '"') fail('unterminated string or invalid escape or control character in string');
      return fail(`unexpected ${describeHere()}`, start);
    }
    return JSON.parse(lexeme) as unknown;
  };

  const parseObject = (pointer: string, depth: number): Record<string, unknown> => {
    const object: Record<string, unknown> = {};
    i++;
    skipWhitespace();
    if (consume('}')) return object;
    for (;;) {
      skipWhitespace();
      const keyOffset = i;
      const rawKey = token(STRING);
      if (rawKey === undefined) fail(text[i] === '}' ? 'trailing comma before }' : `expected a "quoted" key but found ${describeHere()}`);
      const key = JSON.parse(rawKey) as string;
      if (Object.prototype.hasOwnProperty.call(object, key)) fail(`duplicate key "${key}"`, keyOffset);
      const childPointer = `${pointer}/${escapePointer(key)}`;
      positions.set(childPointer, { offset: keyOffset });
      expect(':');
      // defineProperty keeps a key named "__proto__" an ordinary (and then rejected) member.
      Object.defineProperty(object, key, { value: parseValue(childPointer, depth + 1), enumerable: true, writable: true, configurable: true });
      skipWhitespace();
      if (consume('}')) return object;
      if (!consume(',')) fail(`expected ',' or '}' but found ${describeHere()}`);
    }
  };

  const parseArray = (pointer: string, depth: number): unknown[] => {
    const array: unknown[] = [];
    i++;
    skipWhitespace();
    if (consume(']')) return array;
    for (;;) {
      skipWhitespace();
      if (text[i] === ']') fail('trailing comma before ]');
      const childPointer = `${pointer}/${array.length}`;
      positions.set(childPointer, { offset: i });
      array.push(parseValue(childPointer, depth + 1));
      skipWhitespace();
      if (consume(']')) return array;
      if (!consume(',')) fail(`expected ',' or ']' but found ${describeHere()}`);
    }
  };

  skipWhitespace();
  positions.set('', { offset: i });
  if (i >= text.length) fail('the file is empty; write {} for an empty configuration');
  const value = parseValue('', 0);
  skipWhitespace();
  if (i < text.length) fail(`unexpected ${describeHere()} after the end of the configuration`);
  return { value, positions };
}
