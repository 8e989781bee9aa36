import { strict as assert } from 'node:assert';
import type { FileResult, Finding } from '../../src/analyzer/types';
import { palette } from '../../src/cli/colors';
import { formatJson } from '../../src/cli/formats/json';
import { formatMarkdown } from '../../src/cli/formats/markdown';
import { formatSarif } from '../../src/cli/formats/sarif';
import { formatStylish } from '../../src/cli/formats/stylish';
import { ruleCatalog, type Report } from '../../src/cli/report';
import { validateSarif } from './sarif-validator';

function finding(file: string, line: number, column: number, overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'no-timeout',
    fallacy: 2,
    severity: 'warning',
    message: 'fetch has no deadline. Pass `signal: AbortSignal.timeout(ms)`.',
    file,
    range: { start: { line, column }, end: { line, column: column + 5 }, offsets: [0, 5] },
    related: [],
    fixes: [],
    lesson: 'fallacy-2-zero-latency',
    ...overrides,
  };
}

function report(files: FileResult[], extra: Partial<Report> = {}): Report {
  return {
    files,
    toolNotes: [],
    rules: ruleCatalog(),
    analyzerVersion: '9.9.9',
    root: '/work/project dir',
    filesScanned: files.length,
    fixesApplied: 0,
    ...extra,
  };
}

const SAMPLE = report(
  [
    {
      file: 'src/api client.ts',
      findings: [
        finding('src/api client.ts', 12, 3),
        finding('src/api client.ts', 4, 10, {
          ruleId: 'unsafe-retry',
          fallacy: 1,
          severity: 'error',
          message: 'POST is retried | without an <Idempotency-Key>',
          related: [{ file: 'src/retry.ts', range: { start: { line: 2, column: 1 }, end: { line: 2, column: 9 }, offsets: [10, 18] }, message: 'retried here' }],
        }),
        finding('src/api client.ts', 20, 1, { ruleId: 'no-retry', fallacy: 1, severity: 'info', message: 'tried once' }),
      ],
      notes: [{ kind: 'unused-suppression', severity: 'info', message: 'Unused directive', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 30 }, offsets: [0, 29] } }],
      undetermined: 2,
    },
    { file: 'src/broken.ts', findings: [], notes: [{ kind: 'parse-error', severity: 'error', message: "')' expected.", range: { start: { line: 3, column: 7 }, end: { line: 3, column: 8 }, offsets: [30, 31] } }], undetermined: 0 },
    { file: 'vendor/app.min.js', findings: [], notes: [{ kind: 'skipped-minified', severity: 'info', message: 'Skipped: minified' }], undetermined: 1 },
    { file: 'src/clean.ts', findings: [], notes: [], undetermined: 0 },
  ],
  { toolNotes: [{ kind: 'worker-crash', message: 'An analysis worker stopped (exit code 3) while working on src/x.ts', file: 'src/x.ts' }] },
);

describe('cli format: stylish', () => {
  const text = formatStylish(SAMPLE, palette(false));

  it('groups findings by file, sorted by position, as line:col severity message rule', () => {
    const lines = text.split('\n');
    const start = lines.indexOf('src/api client.ts');
    assert.ok(start >= 0, text);
    assert.match(lines[start + 1], /^\s+1:1\s+info\s+Unused directive\s+unused-suppression$/);
    assert.match(lines[start + 2], /^\s+4:10\s+error\s+POST is retried \| without an <Idempotency-Key>\s+unsafe-retry$/);
    assert.match(lines[start + 3], /^\s+12:3\s+warning\s+fetch has no deadline.*\s+no-timeout$/);
    assert.match(lines[start + 4], /^\s+20:1\s+info\s+tried once\s+no-retry$/);
    assert.match(text, /src\/broken\.ts\n\s+3:7\s+error\s+'\)' expected\.\s+parse-error/);
    assert.doesNotMatch(text, /src\/clean\.ts/);
  });

  it('summarises problems, fallacies, undetermined call sites, skipped files and tool notes', () => {
    assert.match(text, /✖ 3 problems \(1 error, 1 warning, 1 info\) in 1 file/);
    assert.match(text, /1\. The network is reliable\s+1\s+0\s+1/);
    assert.match(text, /2\. Latency is zero\s+0\s+1\s+0/);
    assert.doesNotMatch(text, /Bandwidth is infinite/);
    assert.match(text, /3 call sites undetermined/);
    assert.match(text, /1 file skipped: vendor\/app\.min\.js \(minified\)/);
    assert.match(text, /worker-crash/);
    assert.doesNotMatch(text, /\u001b\[/);
  });

  it('colours only when asked', () => {
    assert.match(formatStylish(SAMPLE, palette(true)), /\u001b\[31m/);
  });

  it('says so when there is nothing to report', () => {
    assert.match(formatStylish(report([{ file: 'a.ts', findings: [], notes: [], undetermined: 0 }]), palette(false)), /✔ No problems found in 1 file\./);
  });
});

describe('cli format: json', () => {
  const json = JSON.parse(formatJson(SAMPLE));

  it('has the documented top-level shape', () => {
    assert.deepEqual(Object.keys(json), ['version', 'tool', 'files', 'findings', 'notes', 'undetermined', 'summary']);
    assert.equal(json.version, 1);
    assert.equal(json.tool.name, 'fallacy-lens');
    assert.equal(json.tool.analyzerVersion, '9.9.9');
    assert.equal(json.undetermined, 3);
  });

  it('lists files with counts, findings sorted with docs URLs, and file and tool notes', () => {
    assert.deepEqual(json.files[0], { path: 'src/api client.ts', findings: 3, notes: 1, undetermined: 2, skipped: false });
    assert.equal(json.files[2].skipped, true);
    assert.deepEqual(json.findings.map((f: Finding) => f.range.start.line), [4, 12, 20]);
    assert.match(json.findings[0].docsUrl, /unsafe-retry/);
    assert.deepEqual(json.notes.map((n: { kind: string; file: string | null }) => [n.file, n.kind]), [
      ['src/api client.ts', 'unused-suppression'],
      ['src/broken.ts', 'parse-error'],
      ['vendor/app.min.js', 'skipped-minified'],
      ['src/x.ts', 'worker-crash'],
    ]);
  });

  it('summarises by severity and by every fallacy', () => {
    assert.deepEqual(json.summary.bySeverity, { error: 1, warning: 1, info: 1 });
    assert.equal(json.summary.byFallacy.length, 8);
    assert.deepEqual(json.summary.byFallacy[0], { fallacy: 1, name: 'The network is reliable', error: 1, warning: 0, info: 1 });
    assert.equal(json.summary.filesScanned, 4);
    assert.equal(json.summary.filesSkipped, 1);
  });
});

describe('cli format: sarif', () => {
  const log = JSON.parse(formatSarif(SAMPLE));
  const run = log.runs[0];

  it('is structurally valid SARIF 2.1.0', () => {
    assert.deepEqual(validateSarif(log), []);
  });

  it('catches invalid SARIF (the validator is not vacuous)', () => {
    const broken = structuredClone(log);
    delete broken.runs[0].invocations[0].executionSuccessful;
    broken.runs[0].results[0].ruleIndex = 5;
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    broken.runs[0].results[0].extra = true;
    const problems = validateSarif(broken);
    assert.equal(problems.length, 4, problems.join('\n'));
  });

  it('describes every rule with fallacy, tags, help and default level', () => {
    const rules = run.tool.driver.rules;
    assert.deepEqual(rules.map((r: { id: string }) => r.id), ruleCatalog().map((r) => r.id));
    const noTimeout = rules.find((r: { id: string }) => r.id === 'no-timeout');
    assert.equal(noTimeout.name, 'NoTimeout');
    assert.equal(noTimeout.defaultConfiguration.level, 'warning');
    assert.equal(noTimeout.properties.fallacy, 'Fallacy 2: Latency is zero');
    assert.ok(noTimeout.properties.tags.includes('fallacy-2'));
    assert.match(noTimeout.helpUri, /^https:\/\//);
    assert.equal(run.tool.driver.name, 'fallacy-lens');
    assert.match(run.tool.driver.informationUri, /^https:\/\/github\.com\//);
  });

  it('maps findings to results with relative, percent-encoded locations and exclusive end columns', () => {
    const [first, second, third] = run.results;
    assert.equal(first.ruleId, 'unsafe-retry');
    assert.equal(first.level, 'error');
    assert.equal(third.level, 'note');
    assert.equal(run.tool.driver.rules[first.ruleIndex].id, 'unsafe-retry');
    assert.deepEqual(first.locations[0].physicalLocation, {
      artifactLocation: { uri: 'src/api%20client.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 10, endLine: 4, endColumn: 15 },
    });
    assert.equal(first.relatedLocations[0].physicalLocation.artifactLocation.uri, 'src/retry.ts');
    assert.equal(second.message.text, 'fetch has no deadline. Pass `signal: AbortSignal.timeout(ms)`.');
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/project%20dir/');
  });

  it('gives stable fingerprints that do not depend on the line', () => {
    const moved = structuredClone(SAMPLE);
    moved.files[0].findings.forEach((f) => (f.range.start.line += 3));
    const again = JSON.parse(formatSarif(moved)).runs[0].results;
    assert.deepEqual(
      again.map((r: { partialFingerprints: object }) => r.partialFingerprints),
      run.results.map((r: { partialFingerprints: object }) => r.partialFingerprints),
    );
    const values = run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['fallacyLens/v1']);
    assert.equal(new Set(values).size, values.length);
  });

  it('reports notes as tool execution notifications', () => {
    const notifications = run.invocations[0].toolExecutionNotifications;
    assert.deepEqual(notifications.map((n: { descriptor: { id: string } }) => n.descriptor.id), ['unused-suppression', 'parse-error', 'skipped-minified', 'worker-crash']);
    assert.equal(notifications[1].level, 'error');
    assert.equal(notifications[1].locations[0].physicalLocation.region.startLine, 3);
    assert.equal(run.invocations[0].executionSuccessful, true);
  });
});

describe('cli format: markdown', () => {
  const text = formatMarkdown(SAMPLE);

  it('has a heading with counts and a fallacy table', () => {
    assert.match(text, /^### Fallacy Lens: 3 findings \(1 error, 1 warning, 1 info\)\n/);
    assert.match(text, /\| 1\. The network is reliable \| 1 \| 0 \| 1 \|/);
  });

  it('puts each file in a collapsible section with escaped cells and rule links', () => {
    assert.match(text, /<details><summary><code>src\/api client\.ts<\/code>: 3 findings, 1 note<\/summary>/);
    assert.match(text, /\| 4:10 \| 🔴 error \| \[`unsafe-retry`\]\(https:[^)]+\) \| POST is retried \\\| without an &lt;Idempotency-Key&gt; \|/);
    assert.match(text, /> '\)' expected\./);
    assert.match(text, /3 call sites undetermined/);
  });

  it('stays under the comment size limit', () => {
    const many: FileResult[] = Array.from({ length: 400 }, (_, i) => ({
      file: `src/f${i}.ts`,
      findings: Array.from({ length: 5 }, (_, j) => finding(`src/f${i}.ts`, j + 1, 1)),
      notes: [],
      undetermined: 0,
    }));
    const big = formatMarkdown(report(many));
    assert.ok(big.length < 65_536, String(big.length));
    assert.match(big, /more files not shown/);
  });
});
