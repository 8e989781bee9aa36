/**
 * The lessons panel end to end, in a real VS Code (code-server + Debian Chromium + playwright-core):
 *
 *   scripts/vscode-e2e/install.sh      # once: chromium, code-server
 *   npx tsx test/e2e/lessons.e2e.ts    # builds, packages, runs both phases, writes the benchmark
 *
 * Phase "host" loads the extension from the repository (the workbench's `payload` parameter) and runs
 * the Mocha suites of test/vscode/lessons inside the extension host. Phase "ui" installs the packaged
 * .vsix into a fresh code-server and does what a person does: F1 → "Fallacy Lens: Open Lessons", the
 * CAP lesson, a quiz answer, the partition scenario, CP versus AP. Screenshots go to test-results/
 * (one becomes docs/images/lessons-panel.png); timings go to the "Lessons panel" section of
 * docs/BENCHMARKS.md. FALLACY_LENS_E2E_PHASES=host or =ui runs one phase.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { getScenario, simulateQuorum, type QuorumSettings } from '../../src/simulator';
import type { HostTestSummary } from '../vscode/index';
import { runQuorumTrialsChunked } from '../../src/webview/lab/chunked-quorum';

const ROOT = path.resolve(__dirname, '..', '..');
const CODE_SERVER = process.env.CODE_SERVER_BIN ?? path.join(ROOT, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const RESULTS = path.join(ROOT, 'test-results');
const VSIX = path.join(ROOT, '.vscode-test', 'fallacy-lens-lessons.vsix');
const HOST_OUT = path.join(ROOT, 'out', 'test', 'vscode-lessons');
const README_IMAGE = path.join(ROOT, 'docs', 'images', 'lessons-panel.png');
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'git.enabled': false,
};

interface Timings {
  panelOpenMs?: number[];
  webviewQuorumRun?: string;
}

// ---------------------------------------------------------------- build

function build(): void {
  execFileSync('node', ['esbuild.js', '--production'], { cwd: ROOT, stdio: 'inherit' });
  const dir = path.join(ROOT, 'test', 'vscode', 'lessons');
  const entries = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
  execFileSync(
    path.join(ROOT, 'node_modules', '.bin', 'esbuild'),
    [...entries, `--outdir=${HOST_OUT}`, '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--external:vscode', '--external:mocha', '--log-level=warning'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  fs.mkdirSync(path.dirname(VSIX), { recursive: true });
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', VSIX], { cwd: ROOT, stdio: 'inherit' });
}

// ---------------------------------------------------------------- code-server

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

async function startCodeServer(work: string, name: string, folder: string, extensionsDir: string, env: NodeJS.ProcessEnv = {}): Promise<{ baseUrl: string; child: ChildProcess; stop(): void }> {
  const userData = path.join(work, `user-data-${name}`);
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS));
  const port = await freePort();
  const log = fs.openSync(path.join(RESULTS, `lessons-code-server-${name}.log`), 'w');
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userData, '--extensions-dir', extensionsDir, folder];
  // Its own process group, so that stopping it also stops the extension host it started.
  const child = spawn(CODE_SERVER, args, { detached: true, stdio: ['ignore', log, log], env: { ...process.env, XDG_CONFIG_HOME: path.join(work, 'config'), ...env } });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see test-results/lessons-code-server-${name}.log`);
    const status = await fetch(`${baseUrl}/`, { redirect: 'manual', signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);
    if (status === 302 || status === 200) break;
    if (Date.now() > deadline) throw new Error('code-server did not answer within 60 s');
    await sleep(250);
  }
  const stop = () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  return { baseUrl, child, stop };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function makeWorkspace(dir: string): void {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'users.ts'), "export async function loadUser(id: string) {\n  const res = await fetch(`https://api.example.com/users/${id}`);\n  return res.json();\n}\n");
}

// ---------------------------------------------------------------- phase 1: extension host

async function hostPhase(page: Page, work: string, timings: Timings): Promise<boolean> {
  const workspace = path.join(work, 'workspace-host');
  makeWorkspace(workspace);
  const summaryFile = path.join(work, 'lessons-host.json');
  const timingsFile = path.join(work, 'lessons-open-timings.json');
  const server = await startCodeServer(work, 'host', workspace, path.join(work, 'extensions-host'), {
    FALLACY_LENS_TEST_SUMMARY: summaryFile,
    FALLACY_LENS_LESSONS_TIMINGS: timingsFile,
  });
  try {
    const remote = (absolute: string) => `vscode-remote://${new URL(server.baseUrl).host}${absolute}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(path.join(HOST_OUT, 'index.js'))],
    ]);
    await page.goto(`${server.baseUrl}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const deadline = Date.now() + 5 * 60_000;
    while (!fs.existsSync(summaryFile)) {
      if (server.child.exitCode !== null) throw new Error('code-server stopped before the tests reported');
      if (Date.now() > deadline) throw new Error('no lessons-panel test summary after 5 minutes');
      await sleep(500);
    }
    await sleep(200);
    await page.screenshot({ path: path.join(RESULTS, 'lessons-host-end.png') });
    const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as HostTestSummary;
    fs.writeFileSync(path.join(RESULTS, 'lessons-host.json'), JSON.stringify(summary, null, 2));
    for (const t of summary.tests) console.log(`${t.state === 'passed' ? '  ✓' : '  ✗'} ${t.title}${t.durationMs ? ` (${t.durationMs} ms)` : ''}${t.error ? `\n${t.error}` : ''}`);
    console.log(`lessons panel, extension host: ${summary.passed} passed, ${summary.failed} failed`);
    if (fs.existsSync(timingsFile)) timings.panelOpenMs = (JSON.parse(fs.readFileSync(timingsFile, 'utf8')) as { panelMs: number[] }).panelMs;
    return summary.failed === 0 && summary.passed > 0;
  } finally {
    server.stop();
  }
}

// ---------------------------------------------------------------- phase 2: what a person sees

/** The webview's document lives in a nested frame of VS Code's webview host page. */
async function lessonsFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    for (const frame of page.frames()) {
      if (!frame.url().includes('webview/browser/pre/fake.html')) continue;
      if (await frame.locator('#fl-ui-toc .fl-toc-link').count().catch(() => 0)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no lessons webview frame among ${page.frames().map((f) => f.url()).join(', ')}`);
    await sleep(250);
  }
}

async function counters(frame: Frame): Promise<{ stale: number; failed: number; lost: number; status: string }> {
  const value = async (kind: string) => Number((await frame.locator(`#fl-ui-count-${kind}`).innerText()).replace(/\s/g, ''));
  return { stale: await value('stale'), failed: await value('failed'), lost: await value('lost'), status: await frame.locator('#fl-ui-lab-status').innerText() };
}

async function waitForRun(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => /^Done/.test(document.querySelector('#fl-ui-lab-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
}

async function uiPhase(page: Page, work: string, timings: Timings): Promise<void> {
  const extensionsDir = path.join(work, 'extensions-ui');
  const install = spawnSync(CODE_SERVER, ['--extensions-dir', extensionsDir, '--user-data-dir', path.join(work, 'user-data-install'), '--install-extension', VSIX], { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: path.join(work, 'config') } });
  if (install.status !== 0) throw new Error(`installing the .vsix failed:\n${install.stdout}\n${install.stderr}`);
  const workspace = path.join(work, 'workspace-ui');
  makeWorkspace(workspace);
  const server = await startCodeServer(work, 'ui', workspace, extensionsDir);
  const shot = (name: string) => page.screenshot({ path: path.join(RESULTS, `lessons-${name}.png`) });
  try {
    await page.goto(`${server.baseUrl}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await page.waitForTimeout(3_000);

    // F1 → "Fallacy Lens: Open Lessons", as a person would. On a busy machine the palette can open
    // before the extension's commands are registered; a person would close it and try again.
    await page.locator('.part.sidebar', { hasText: 'Fallacy Lens Review' }).waitFor({ timeout: 60_000 });
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget .quick-input-box input').waitFor({ timeout: 30_000 });
      await page.keyboard.type('Fallacy Lens: Open Lessons');
      const item = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Lessons' }).first();
      const found = await item.waitFor({ timeout: 15_000 }).then(() => true, () => false);
      if (found) break;
      if (attempt === 3) throw new Error('"Fallacy Lens: Open Lessons" is not in the command palette');
      await page.keyboard.press('Escape');
      await page.waitForTimeout(2_000);
    }
    await page.keyboard.press('Enter');
    const frame = await lessonsFrame(page);
    await shot('opened');

    // The CAP lesson from the table of contents.
    await frame.click('a[data-toc-lesson="cap"]');
    await frame.locator('#fl-ui-lesson-content h1', { hasText: 'CAP' }).waitFor({ timeout: 30_000 });

    // Answer the first quiz question.
    const quiz = frame.locator('fieldset.fl-quiz').first();
    await quiz.scrollIntoViewIfNeeded();
    await quiz.locator('label').first().click();
    await quiz.locator('.fl-quiz-feedback').filter({ hasText: /Correct|Not quite/ }).waitFor({ timeout: 10_000 });
    await frame.locator('.fl-toc-link[aria-current="page"] .fl-toc-quiz').waitFor({ timeout: 10_000 }); // progress came back from the host
    await shot('quiz');

    // "Try it": the partition scenario opens in the lab, CP first.
    await frame.locator('a[data-scenario="partition-cp-vs-ap"]').first().click();
    await frame.locator('#fl-ui-lab-view:not([hidden])').waitFor({ timeout: 10_000 });
    await waitForRun(frame);
    const cp = await counters(frame);
    console.log(`  CP counters: ${JSON.stringify(cp)}`);
    if (cp.stale + cp.failed === 0) throw new Error(`the partition scenario shows neither stale nor failed requests: ${JSON.stringify(cp)}`);
    if (!(await frame.locator('#fl-ui-knob-behaviour-cp').isChecked())) throw new Error('the scenario did not open with CP selected');
    await frame.locator('#fl-ui-counters').scrollIntoViewIfNeeded();
    await shot('lab-cp');

    // Toggle to AP: the run repeats and the counters move (stale up, failures down).
    await frame.locator('label[for="fl-ui-knob-behaviour-ap"]').click();
    await frame.waitForFunction((before) => {
      const status = document.querySelector('#fl-ui-lab-status')?.textContent ?? '';
      const stale = document.querySelector('#fl-ui-count-stale')?.textContent ?? '';
      return /^Done/.test(status) && stale.replace(/\s/g, '') !== String(before);
    }, cp.stale, { timeout: 60_000 });
    const ap = await counters(frame);
    console.log(`  AP counters: ${JSON.stringify(ap)}`);
    if (!(ap.stale > cp.stale && ap.failed < cp.failed)) throw new Error(`AP should trade failures for stale reads: CP ${JSON.stringify(cp)}, AP ${JSON.stringify(ap)}`);
    await frame.locator('#fl-ui-counters').scrollIntoViewIfNeeded();
    await shot('lab-ap');

    // A 200 000-trial quorum run inside the webview, timed by the lab itself.
    await frame.selectOption('#fl-ui-scenario', 'quorum-basics');
    await frame.waitForFunction(() => /^Done: 200 000 trials/.test(document.querySelector('#fl-ui-lab-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
    timings.webviewQuorumRun = await frame.locator('#fl-ui-lab-status').innerText();
    await frame.locator('.fl-diagram').scrollIntoViewIfNeeded();
    await shot('lab-quorum');

    // The picture for the docs: back to the lesson with the lab next to it is too tall; show the CAP lab.
    await frame.selectOption('#fl-ui-scenario', 'partition-cp-vs-ap');
    await waitForRun(frame);
    await frame.locator('#fl-ui-scenario-caption').scrollIntoViewIfNeeded();
    await shot('panel');
    fs.mkdirSync(path.dirname(README_IMAGE), { recursive: true });
    fs.copyFileSync(path.join(RESULTS, 'lessons-panel.png'), README_IMAGE);
  } catch (error) {
    await shot('failure').catch(() => undefined);
    throw error;
  } finally {
    server.stop();
  }
}

// ---------------------------------------------------------------- benchmark

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function nodeCurveTimings(): Promise<{ direct: number; chunked: number; settings: QuorumSettings }> {
  const settings = getScenario('quorum-basics')!.settings as QuorumSettings;
  const direct: number[] = [];
  const chunked: number[] = [];
  for (let run = 0; run < 5; run++) {
    let started = performance.now();
    simulateQuorum(settings);
    direct.push(performance.now() - started);
    started = performance.now();
    await runQuorumTrialsChunked(settings);
    chunked.push(performance.now() - started);
  }
  return { direct: median(direct), chunked: median(chunked), settings };
}

async function writeBenchmark(timings: Timings): Promise<void> {
  const curve = await nodeCurveTimings();
  const lines = [
    '## Lessons panel',
    '',
    `Measured by \`npx tsx test/e2e/lessons.e2e.ts\` on ${os.cpus()[0]?.model ?? 'an unknown CPU'} (${os.cpus().length} cores), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| What | Result |',
    '|---|---|',
    timings.panelOpenMs?.length
      ? `| Panel open, command → webview \`ready\` (fresh panel, code-server 4.99.4, ${timings.panelOpenMs.length} runs) | median ${median(timings.panelOpenMs).toFixed(0)} ms (min ${Math.min(...timings.panelOpenMs).toFixed(0)}, max ${Math.max(...timings.panelOpenMs).toFixed(0)}) |`
      : '| Panel open, command → webview `ready` | not measured in this run |',
    `| PBS curve, ${curve.settings.trials.toLocaleString('en-US')} trials (N=${curve.settings.replicas}, R=${curve.settings.readQuorum}, W=${curve.settings.writeQuorum}, LinkedIn disk), Node, \`simulateQuorum\` | median of 5: ${curve.direct.toFixed(0)} ms |`,
    `| The same trials sliced for the webview (\`runQuorumTrialsChunked\`, yields every slice), Node | median of 5: ${curve.chunked.toFixed(0)} ms |`,
    timings.webviewQuorumRun ? `| The same scenario run in the panel (Chromium, includes drawing) | ${timings.webviewQuorumRun.replace(/^Done: /, '')} |` : '| The same scenario run in the panel | not measured in this run |',
    '',
  ];
  const file = path.join(ROOT, 'docs', 'BENCHMARKS.md');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = lines.join('\n');
  const start = current.search(/^## Lessons panel\s*$/m);
  let next: string;
  if (start === -1) next = `${current.trimEnd()}\n\n${section}`;
  else {
    const after = current.slice(start + 1).search(/^## /m);
    next = current.slice(0, start) + section + (after === -1 ? '' : `\n${current.slice(start + 1 + after)}`);
  }
  fs.writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
  console.log(section);
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const phases = (process.env.FALLACY_LENS_E2E_PHASES ?? 'host,ui').split(',');
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server not found at ${CODE_SERVER}; run scripts/vscode-e2e/install.sh`);
  fs.mkdirSync(RESULTS, { recursive: true });
  build();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fallacy-lens-lessons-e2e-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const timings: Timings = {};
  let ok = true;
  try {
    if (phases.includes('host')) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      ok = (await hostPhase(page, work, timings)) && ok;
      await page.close();
    }
    if (phases.includes('ui')) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      try {
        await uiPhase(page, work, timings);
        console.log('lessons panel, UI: passed; screenshots in test-results/lessons-*.png');
      } catch (error) {
        console.log(`lessons panel, UI: FAILED: ${error instanceof Error ? error.message : String(error)}`);
        ok = false;
      }
      await page.close();
    }
  } finally {
    await browser.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (ok) await writeBenchmark(timings);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
