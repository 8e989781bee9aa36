import { strict as assert } from 'node:assert';
import { parseArgs, type Command } from '../../src/cli/args';
import { UsageError } from '../../src/cli/usage-error';

function scanArgs(argv: string[]) {
  const command: Command = parseArgs(['scan', ...argv]);
  assert.equal(command.kind, 'scan');
  return command.args;
}

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return error.message;
  }
  assert.fail(`expected ${argv.join(' ')} to be rejected`);
}

describe('cli: parseArgs', () => {
  it('has ESLint-like defaults for scan', () => {
    assert.deepEqual(scanArgs([]), { paths: [], format: 'stylish', failOn: 'warning', rules: [], fix: false, quiet: false, parser: 'auto', cache: false });
  });

  it('parses every scan option, in both --flag value and --flag=value forms, with short aliases', () => {
    const args = scanArgs([
      'src',
      '-f',
      'sarif',
      '--output=out/report.sarif',
      '--fail-on',
      'error',
      '--rule',
      'no-retry=off',
      '--rule=no-timeout=error',
      '-c',
      'cfg.json',
      '--changed-since',
      'origin/main',
      '--fix',
      '-j',
      '3',
      '--parser=typescript-estree',
      '--cache',
      '--cache-location',
      'tmp/cache.json',
      '--no-color',
      '-q',
      'lib',
    ]);
    assert.deepEqual(args, {
      paths: ['src', 'lib'],
      format: 'sarif',
      output: 'out/report.sarif',
      failOn: 'error',
      rules: [
        { rule: 'no-retry', severity: 'off' },
        { rule: 'no-timeout', severity: 'error' },
      ],
      config: 'cfg.json',
      changedSince: 'origin/main',
      fix: true,
      jobs: 3,
      parser: 'typescript-estree',
      cache: true,
      cacheLocation: 'tmp/cache.json',
      color: false,
      quiet: true,
    });
  });

  it('treats everything after -- as paths', () => {
    assert.deepEqual(scanArgs(['--', '--weird-name.ts', '-x']).paths, ['--weird-name.ts', '-x']);
  });

  it('rejects unknown options with a suggestion', () => {
    assert.match(usageError(['scan', '--formt', 'json']), /Unknown option '--formt'\. Did you mean '--format'\?/);
    assert.match(usageError(['scan', '--max-warnings', '0']), /Unknown option '--max-warnings'/);
    assert.match(usageError(['--frobnicate']), /Unknown option '--frobnicate'/);
  });

  it('rejects bad values, missing values and repeated single-valued options', () => {
    assert.match(usageError(['scan', '--format', 'xml']), /'--format' must be one of stylish, json, sarif, markdown \(got 'xml'\)/);
    assert.match(usageError(['scan', '--fail-on', 'warn']), /'--fail-on' must be one of error, warning, info, never/);
    assert.match(usageError(['scan', '--format']), /'--format' needs a value/);
    assert.match(usageError(['scan', '--output', '--fix']), /'--output' needs a value/);
    assert.match(usageError(['scan', '--jobs', '0']), /'--jobs' needs a whole number/);
    assert.match(usageError(['scan', '--jobs', 'two']), /'--jobs' needs a whole number/);
    assert.match(usageError(['scan', '--rule', 'no-retry']), /RULE=SEVERITY/);
    assert.match(usageError(['scan', '--rule', 'no-retri=off']), /Unknown rule 'no-retri'/);
    assert.match(usageError(['scan', '--rule', 'no-retry=warn']), /must be one of off, info, warning, error/);
    assert.match(usageError(['scan', '-f', 'json', '--format', 'sarif']), /given twice/);
    assert.match(usageError(['scan', '--fix=yes']), /takes no value/);
    assert.match(usageError(['scan', '--parser', 'babel']), /'--parser' needs one of auto, oxc, typescript-estree \(got 'babel'\)/);
  });

  it('recognises commands, help and version, and rejects unknown commands', () => {
    assert.deepEqual(parseArgs(['--help']), { kind: 'help', topic: undefined });
    assert.deepEqual(parseArgs(['help', 'scan']), { kind: 'help', topic: 'scan' });
    assert.deepEqual(parseArgs(['scan', 'src', '--help']), { kind: 'help', topic: 'scan' });
    assert.deepEqual(parseArgs(['-v']), { kind: 'version' });
    assert.deepEqual(parseArgs(['rules', '--format', 'json']), { kind: 'rules', format: 'json' });
    assert.deepEqual(parseArgs(['simulate', '--scenario', 'x', '--weird']), { kind: 'simulate', args: ['--scenario', 'x', '--weird'] });
    assert.match(usageError([]), /Missing command/);
    assert.match(usageError(['src']), /Unknown command 'src'.*fallacy-lens scan src/);
    assert.match(usageError(['rules', 'src']), /takes no paths/);
  });
});
