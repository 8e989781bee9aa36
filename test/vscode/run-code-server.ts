/**
 * Runs the extension-host suites and the UI test in a real VS Code: code-server (the VS Code
 * workbench and extension host, from npm) driven by Debian's Chromium through playwright-core.
 *
 *   node out/test/vscode/run-code-server.js <packaged .vsix>
 *
 * Phase 1 loads the extension from the repository with the `payload` URL (as @vscode/test-electron
 * does on the desktop) and waits for the suites' JSON summary. Phase 2 installs the .vsix into a
 * fresh code-server and drives the UI. Exits non-zero on any failure or timeout.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { prepareWorkspace } from './fixture-workspace';
import type { HostTestSummary } from './index';
import { runLessonsUiTest } from './lessons-ui-test';
import { runReviewUiTest } from './review-ui-test';
import { runUiTest } from './ui-test';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CODE_SERVER = process.env.CODE_SERVER_BIN ?? path.join(ROOT, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const RESULTS = path.join(ROOT, 'test-results');
const HOST_TESTS_TIMEOUT_MS = 6 * 60_000;
const UI_TEST_TIMEOUT_MS = 3 * 60_000;

/** Workbench settings that keep welcome pages, tips and update checks out of the way. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'editor.hover.delay': 200,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
};

interface CodeServer {
  process: ChildProcess;
  baseUrl: string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function userDataDir(work: string, name: string): string {
  const dir = path.join(work, `user-data-${name}`);
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return dir;
}

async function startCodeServer(work: string, name: string, folder: string, extensionsDir: string, env: NodeJS.ProcessEnv = {}): Promise<CodeServer> {
  const port = await freePort();
  const log = fs.openSync(path.join(RESULTS, `code-server-${name}.log`), 'w');
  const child = spawn(
    CODE_SERVER,
    [
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userDataDir(work, name),
      '--extensions-dir', extensionsDir,
      folder,
    ],
    // Its own process group, so that stopping it also stops the extension hosts it started.
    { detached: true, stdio: ['ignore', log, log], env: { ...process.env, XDG_CONFIG_HOME: path.join(work, 'config'), ...env } },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see test-results/code-server-${name}.log`);
    const status = await fetch(`${baseUrl}/`, { redirect: 'manual', signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);
    if (status === 302 || status === 200) break;
    if (Date.now() > deadline) throw new Error('code-server did not answer within 60 s');
    await sleep(250);
  }
  return {
    process: child,
    baseUrl,
    stop: () => {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitForFile(file: string, timeoutMs: number, alive: () => boolean): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (fs.existsSync(file)) {
      await sleep(200); // the writer may still be flushing
      return fs.readFileSync(file, 'utf8');
    }
    if (!alive()) throw new Error('code-server stopped before the tests reported');
    if (Date.now() > deadline) throw new Error(`no test summary after ${timeoutMs / 1000} s`);
    await sleep(500);
  }
}

async function runHostTests(browser: Browser, work: string): Promise<HostTestSummary> {
  const workspace = path.join(work, 'workspace-host');
  prepareWorkspace(workspace);
  const summaryFile = path.join(work, 'host-summary.json');
  const server = await startCodeServer(work, 'host', workspace, path.join(work, 'extensions-host'), {
    FALLACY_LENS_TEST_SUMMARY: summaryFile,
    FALLACY_LENS_TEST_GREP: process.env.FALLACY_LENS_TEST_GREP,
    FALLACY_LENS_LESSONS_TIMINGS: path.join(RESULTS, 'lessons-open-timings.json'),
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    const remote = (absolute: string) => `vscode-remote://${new URL(server.baseUrl).host}${absolute}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(path.join(ROOT, 'out', 'test', 'vscode', 'index.js'))],
    ]);
    await page.goto(`${server.baseUrl}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const text = await waitForFile(summaryFile, HOST_TESTS_TIMEOUT_MS, () => server.process.exitCode === null);
    await page.screenshot({ path: path.join(RESULTS, 'host-tests-end.png') }).catch(() => undefined);
    fs.writeFileSync(path.join(RESULTS, 'vscode-host.json'), text);
    return JSON.parse(text) as HostTestSummary;
  } catch (error) {
    await page.screenshot({ path: path.join(RESULTS, 'host-tests-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await page.close();
    server.stop();
  }
}

async function runUi(browser: Browser, work: string, vsix: string): Promise<void> {
  const extensionsDir = path.join(work, 'extensions-ui');
  const install = spawnSync(CODE_SERVER, ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir(work, 'install'), '--install-extension', vsix], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: path.join(work, 'config') },
  });
  if (install.status !== 0) throw new Error(`installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
  const workspace = path.join(work, 'workspace-ui');
  prepareWorkspace(workspace);
  const server = await startCodeServer(work, 'ui', workspace, extensionsDir);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await withTimeout(
      runUiTest(page, { baseUrl: server.baseUrl, workspace, resultsDir: RESULTS, readmeImage: path.join(ROOT, 'docs', 'images', 'hover.png') }),
      UI_TEST_TIMEOUT_MS,
      'the UI test',
    );
    await withTimeout(
      runLessonsUiTest(page, { baseUrl: server.baseUrl, workspace, resultsDir: RESULTS, readmeImage: path.join(ROOT, 'docs', 'images', 'lessons-panel.png') }),
      UI_TEST_TIMEOUT_MS,
      'the lessons-panel UI test',
    );
    await withTimeout(runReviewUiTest(page, { baseUrl: server.baseUrl, workspace, resultsDir: RESULTS }), UI_TEST_TIMEOUT_MS, 'the review UI test');
  } finally {
    await page.close();
    server.stop();
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main(): Promise<number> {
  const vsix = process.argv[2];
  const phases = (process.env.FALLACY_LENS_E2E_PHASES ?? 'host,ui').split(',');
  if (phases.includes('ui') && (!vsix || !fs.existsSync(vsix))) throw new Error('usage: run-code-server.js <packaged .vsix>');
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server not found at ${CODE_SERVER}; run scripts/vscode-e2e/install.sh`);
  fs.mkdirSync(RESULTS, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fallacy-lens-e2e-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  let failed = false;
  try {
    if (phases.includes('host')) {
      const started = Date.now();
      const summary = await runHostTests(browser, work);
      for (const test of summary.tests) console.log(`${test.state === 'passed' ? '  ✓' : test.state === 'failed' ? '  ✗' : '  -'} ${test.title}${test.durationMs ? ` (${test.durationMs} ms)` : ''}`);
      for (const test of summary.tests.filter((t) => t.state === 'failed')) console.log(`\n✗ ${test.title}\n${test.error}`);
      console.log(`extension host: ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} pending (${Math.round((Date.now() - started) / 1000)} s)`);
      failed ||= summary.failed > 0 || summary.passed === 0;
    }
    if (phases.includes('ui')) {
      const started = Date.now();
      try {
        await runUi(browser, work, path.resolve(vsix));
        console.log(`UI test: passed (${Math.round((Date.now() - started) / 1000)} s); screenshots in test-results/`);
      } catch (error) {
        console.log(`UI test: FAILED: ${error instanceof Error ? error.message : String(error)}`);
        failed = true;
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
