/**
 * Entry point of the extension-host suites (`extensionTestsPath`). Runs Mocha inside VS Code and
 * writes a JSON summary to FALLACY_LENS_TEST_SUMMARY (default: test-results/vscode-host.json):
 * under code-server the extension host cannot report to the process that started it, so the
 * runner waits for that file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Suites in the order they run: editing first, then the review (whose results outlive closed editors). */
const SUITES = ['diagnostics', 'hover', 'code-actions', 'settings', 'lesson-links', 'lessons-panel', 'robustness', 'review'];

interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface HostTestSummary {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: TestOutcome[];
}

export function run(): Promise<void> {
  const summaryFile = process.env.FALLACY_LENS_TEST_SUMMARY ?? path.resolve(__dirname, '..', '..', '..', 'test-results', 'vscode-host.json');
  const grep = process.env.FALLACY_LENS_TEST_GREP;
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec', grep });
  for (const suite of SUITES) mocha.addFile(path.join(__dirname, 'suite', `${suite}.test.js`));
  const tests: TestOutcome[] = [];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const summary: HostTestSummary = {
        passed: tests.filter((t) => t.state === 'passed').length,
        failed: tests.filter((t) => t.state === 'failed').length,
        pending: tests.filter((t) => t.state === 'pending').length,
        durationMs: Date.now() - started,
        tests,
      };
      fs.mkdirSync(path.dirname(summaryFile), { recursive: true });
      fs.writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
      if (failures > 0) reject(new Error(`${failures} extension-host tests failed`));
      else resolve();
    });
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('fail', (test, error: Error) => tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: error.stack ?? error.message }));
    runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending' }));
  });
}
