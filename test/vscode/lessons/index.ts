/**
 * Extension-host entry point (`extensionTestsPath`) for the lessons-panel suites, in the shape of
 * test/vscode/index.ts: Mocha (tdd) inside VS Code, a JSON summary written to FALLACY_LENS_TEST_SUMMARY
 * for the runner outside to wait for. Used by test/e2e/lessons.e2e.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import type { HostTestSummary } from '../index';

export function run(): Promise<void> {
  const summaryFile = process.env.FALLACY_LENS_TEST_SUMMARY;
  if (!summaryFile) return Promise.reject(new Error('FALLACY_LENS_TEST_SUMMARY is not set'));
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js'))) mocha.addFile(path.join(__dirname, file));
  const summary: HostTestSummary = { passed: 0, failed: 0, pending: 0, durationMs: 0, tests: [] };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      summary.durationMs = Date.now() - started;
      fs.mkdirSync(path.dirname(summaryFile), { recursive: true });
      fs.writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
      if (failures > 0) reject(new Error(`${failures} lessons-panel tests failed`));
      else resolve();
    });
    runner.on('pass', (test) => {
      summary.passed++;
      summary.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
    });
    runner.on('fail', (test, error: Error) => {
      summary.failed++;
      summary.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: error.stack ?? error.message });
    });
    runner.on('pending', (test) => {
      summary.pending++;
      summary.tests.push({ title: test.fullTitle(), state: 'pending' });
    });
  });
}
