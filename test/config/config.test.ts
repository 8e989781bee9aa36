import { strict as assert } from 'node:assert';
import {
  ConfigError,
  CONFIG_RULE_IDS,
  DEFAULT_TEST_FILE_PATTERNS,
  defaultConfig,
  isExcluded,
  isTestFile,
  mergeConfig,
  parseConfig,
  parseConfigInput,
  severityFor,
  validateConfigInput,
} from '../../src/analyzer/config';
import schema from '../../schema/fallacy-lens.schema.json';

const FILE = '.fallacy-lens.json';

function configError(text: string): ConfigError {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${text} to be rejected`);
}

describe('config: parseConfig', () => {
  it('accepts every documented key and resolves defaults', () => {
    const config = parseConfig(
      JSON.stringify({
        $schema: './node_modules/fallacy-lens/schema/fallacy-lens.schema.json',
        rules: { 'no-timeout': 'error', 'no-retry': 'off' },
        overrides: [{ files: ['legacy/**'], rules: { 'no-timeout': 'info' } }],
        exclude: ['generated/**'],
        testFiles: { severity: 'same' },
        retryWrappers: ['withRetry'],
        timeoutWrappers: ['withDeadline'],
        idempotencyHeaders: ['X-Request-Token'],
        httpWrappers: { 'api.request': { bounded: true } },
        maxFileBytes: 2048,
      }),
      FILE,
    );
    assert.deepEqual(config.rules, { 'no-timeout': 'error', 'no-retry': 'off' });
    assert.deepEqual(config.testFiles, { patterns: [...DEFAULT_TEST_FILE_PATTERNS], severity: 'same' });
    assert.deepEqual(config.httpWrappers, { 'api.request': { bounded: true, retried: false } });
    assert.equal(config.maxFileBytes, 2048);
    assert.deepEqual(config.idempotencyHeaders, ['X-Request-Token']);
  });

  it('gives an empty object the defaults', () => {
    assert.deepEqual(parseConfig('{}', FILE), defaultConfig());
    assert.equal(defaultConfig().maxFileBytes, 1024 * 1024);
    assert.equal(defaultConfig().testFiles.severity, 'downgrade');
  });

  it('tolerates a UTF-8 BOM decoded into the text', () => {
    assert.deepEqual(parseConfig('\ufeff{"rules":{"no-retry":"off"}}', FILE).rules, { 'no-retry': 'off' });
  });

  it('rejects a bad severity naming file, key, expected values and the position', () => {
    const error = configError('{\n  "rules": {\n    "no-timeout": "warn"\n  }\n}');
    assert.equal(error.file, FILE);
    assert.equal(error.key, '/rules/no-timeout');
    assert.equal(error.expected, 'off, info, warning, error');
    assert.equal(error.line, 3);
    assert.equal(error.column, 5);
    assert.equal(error.message, '.fallacy-lens.json:3:5: "rules.no-timeout" must be one of off, info, warning, error (got "warn")');
  });

  it('rejects unknown rule ids and suggests the closest', () => {
    const error = configError('{"rules": {"no-timout": "off"}}');
    assert.equal(error.key, '/rules/no-timout');
    assert.match(error.message, /"rules\.no-timout" is not a rule id/);
    assert.match(error.message, /did you mean "no-timeout"\?/);
    assert.ok(error.expected.split(', ').includes('unvalidated-response'));
  });

  it('rejects unknown top-level and nested keys', () => {
    assert.equal(configError('{"rulez": {}}').key, '/rulez');
    assert.equal(configError('{"testFiles": {"pattern": []}}').key, '/testFiles/pattern');
    assert.equal(configError('{"overrides": [{"files": ["a"], "rules": {}, "severity": "off"}]}').key, '/overrides/0/severity');
    assert.equal(configError('{"httpWrappers": {"get": {"timeout": true}}}').key, '/httpWrappers/get/timeout');
    assert.equal(configError('{"__proto__": {}}').key, '/__proto__');
  });

  it('names the key of type, required, pattern and range errors', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['{"exclude": "dist"}', '/exclude', /"exclude" must be an array \(got "dist"\)/],
      ['{"overrides": [{"rules": {}}]}', '/overrides/0/files', /"overrides\[0\]\.files" is required/],
      ['{"overrides": [{"files": [], "rules": {}}]}', '/overrides/0/files', /must not be an empty list/],
      ['{"overrides": [{"files": ["x"], "rules": {"no-retry": 1}}]}', '/overrides/0/rules/no-retry', /must be one of/],
      ['{"httpWrappers": {"not a name": {}}}', '/httpWrappers/not a name', /must be a function name/],
      ['{"httpWrappers": {"get": {"bounded": "yes"}}}', '/httpWrappers/get/bounded', /must be a boolean/],
      ['{"idempotencyHeaders": ["bad header"]}', '/idempotencyHeaders/0', /must be an HTTP header name/],
      ['{"maxFileBytes": 0}', '/maxFileBytes', /must be at least 1 \(got 0\)/],
      ['{"maxFileBytes": 1.5}', '/maxFileBytes', /must be an integer/],
      ['{"testFiles": {"severity": "lower"}}', '/testFiles/severity', /downgrade, same, off/],
      ['[]', '', /the configuration must be an object/],
    ];
    for (const [text, key, message] of cases) {
      const error = configError(text);
      assert.equal(error.key, key, text);
      assert.match(error.message, message, text);
      assert.ok(error.message.startsWith(`${FILE}:`), error.message);
    }
  });

  it('reports every problem, in file order', () => {
    const error = configError('{"maxFileBytes": -1, "rules": {"no-retry": "nope"}}');
    const lines = error.message.split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /maxFileBytes/);
    assert.match(lines[1], /rules\.no-retry/);
    assert.equal(error.key, '/maxFileBytes');
  });

  it('reports JSON syntax errors with line and column', () => {
    const cases: Array<[string, number, number, RegExp]> = [
      ['{\n  "rules": {\n    "no-timeout": "off",\n  }\n}', 4, 3, /trailing comma/],
      ['{\n  "rules": {}\n  "exclude": []\n}', 3, 3, /expected ',' or '}'/],
      ['{"a": 1, "a": 2}', 1, 10, /duplicate key "a"/],
      ['{\n  // comment\n}', 2, 3, /comments are not allowed/],
      ['{"rules": ', 1, 11, /end of file/],
      ['', 1, 1, /empty/],
      ["{'rules': {}}", 1, 2, /quoted/],
      ['{} {}', 1, 4, /after the end/],
    ];
    for (const [text, line, column, message] of cases) {
      const error = configError(text);
      assert.equal(error.line, line, `${JSON.stringify(text)}: ${error.message}`);
      assert.equal(error.column, column, `${JSON.stringify(text)}: ${error.message}`);
      assert.match(error.message, message);
      assert.ok(error.message.startsWith(`${FILE}:${line}:${column}: invalid JSON`), error.message);
    }
  });

  it('refuses absurdly deep nesting without overflowing the stack', () => {
    assert.match(configError('{"exclude":' + '['.repeat(10_000)).message, /nesting deeper/);
  });

  it('knows exactly the rule ids of the catalog', () => {
    assert.deepEqual([...CONFIG_RULE_IDS].sort(), [
      'hardcoded-endpoint',
      'insecure-transport',
      'no-retry',
      'no-timeout',
      'request-in-loop',
      'unbounded-fanout',
      'unchecked-status',
      'unsafe-retry',
      'unvalidated-response',
    ]);
    assert.deepEqual(schema.definitions.severity.enum, ['off', 'info', 'warning', 'error']);
  });
});

describe('config: severityFor', () => {
  const config = parseConfig(
    JSON.stringify({
      rules: { 'no-timeout': 'error', 'no-retry': 'off' },
      overrides: [
        { files: ['legacy/**'], rules: { 'no-timeout': 'info' } },
        { files: ['legacy/keep/**', '*.critical.ts'], rules: { 'no-timeout': 'error', 'no-retry': 'warning' } },
      ],
    }),
    FILE,
  );

  it('uses the default severity for unconfigured rules', () => {
    assert.equal(severityFor(config, 'unsafe-retry', 'src/a.ts', 'warning'), 'warning');
  });

  it('applies rules, then overrides in order (later wins)', () => {
    assert.equal(severityFor(config, 'no-timeout', 'src/a.ts', 'warning'), 'error');
    assert.equal(severityFor(config, 'no-retry', 'src/a.ts', 'info'), 'off');
    assert.equal(severityFor(config, 'no-timeout', 'legacy/a.ts', 'warning'), 'info');
    assert.equal(severityFor(config, 'no-timeout', 'legacy/keep/a.ts', 'warning'), 'error');
    assert.equal(severityFor(config, 'no-retry', 'legacy/keep/a.ts', 'info'), 'warning');
  });

  it('matches a glob without a slash against the file name at any depth', () => {
    assert.equal(severityFor(config, 'no-retry', 'deep/dir/pay.critical.ts', 'info'), 'warning');
  });

  it('downgrades test files one level by default', () => {
    const plain = defaultConfig();
    assert.equal(severityFor(plain, 'no-timeout', 'src/api.test.ts', 'error'), 'warning');
    assert.equal(severityFor(plain, 'no-timeout', 'src/__tests__/api.ts', 'warning'), 'info');
    assert.equal(severityFor(plain, 'no-retry', 'test/fixtures/a.js', 'info'), 'info');
    assert.equal(severityFor(plain, 'no-timeout', 'src/Button.stories.tsx', 'warning'), 'info');
    assert.equal(severityFor(plain, 'no-timeout', 'test/helpers.ts', 'warning'), 'info');
    assert.equal(severityFor(plain, 'no-timeout', 'src/contest/api.ts', 'warning'), 'warning');
    assert.equal(severityFor(plain, 'no-timeout', 'src/latest.ts', 'warning'), 'warning');
  });

  it('applies the test downgrade after overrides, and keeps off as off', () => {
    assert.equal(severityFor(config, 'no-timeout', 'legacy/keep/a.spec.ts', 'warning'), 'warning');
    assert.equal(severityFor(config, 'no-retry', 'src/a.test.ts', 'info'), 'off');
  });

  it('honours testFiles.severity same and off, and custom patterns', () => {
    const same = parseConfig('{"testFiles": {"severity": "same"}}', FILE);
    assert.equal(severityFor(same, 'no-timeout', 'a.test.ts', 'error'), 'error');
    const off = parseConfig('{"testFiles": {"severity": "off"}}', FILE);
    assert.equal(severityFor(off, 'no-timeout', 'a.test.ts', 'error'), 'off');
    const custom = parseConfig('{"testFiles": {"patterns": ["qa/**"]}}', FILE);
    assert.equal(severityFor(custom, 'no-timeout', 'a.test.ts', 'error'), 'error');
    assert.equal(severityFor(custom, 'no-timeout', 'qa/a.ts', 'error'), 'warning');
    assert.ok(isTestFile(custom, 'qa/x/y.ts'));
  });
});

describe('config: exclude and mergeConfig', () => {
  it('matches exclude globs against files and directories', () => {
    const config = parseConfig('{"exclude": ["src/generated/**", "*.gen.ts", "vendor"]}', FILE);
    assert.ok(isExcluded(config, 'src/generated/a.ts'));
    assert.ok(isExcluded(config, 'src/generated'));
    assert.ok(isExcluded(config, 'lib/x.gen.ts'));
    assert.ok(isExcluded(config, 'lib/vendor'));
    assert.ok(!isExcluded(config, 'src/a.ts'));
  });

  it('lets the project file win over editor settings', () => {
    const project = parseConfigInput('{"rules": {"no-timeout": "error"}, "retryWrappers": ["a"], "maxFileBytes": 10}', FILE);
    const editor = validateConfigInput(
      {
        rules: { 'no-timeout': 'off', 'no-retry': 'off' },
        retryWrappers: ['b'],
        maxFileBytes: 99,
        overrides: [{ files: ['**'], rules: { 'no-timeout': 'off', 'unsafe-retry': 'error' } }],
      },
      'settings.json',
    );
    const merged = mergeConfig(project, editor);
    assert.equal(severityFor(merged, 'no-timeout', 'src/a.ts', 'warning'), 'error');
    assert.equal(severityFor(merged, 'no-retry', 'src/a.ts', 'info'), 'off');
    assert.equal(severityFor(merged, 'unsafe-retry', 'src/a.ts', 'warning'), 'error');
    assert.deepEqual(merged.retryWrappers, ['b', 'a']);
    assert.equal(merged.maxFileBytes, 10);
    assert.equal(mergeConfig({}, editor).maxFileBytes, 99);
  });

  it('validates editor settings with the same schema', () => {
    assert.throws(() => validateConfigInput({ rules: { 'no-timeout': 'warn' } }, 'settings.json'), (error: ConfigError) => {
      assert.equal(error.key, '/rules/no-timeout');
      assert.equal(error.message, 'settings.json: "rules.no-timeout" must be one of off, info, warning, error (got "warn")');
      return true;
    });
  });
});
