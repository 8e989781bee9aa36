/**
 * Editor latency benchmark (not a test): how long the editor worker takes to re-analyse the active
 * file after an edit, for 300 / 3 000 / 10 000-line files, and how long activation takes.
 *
 *   node esbuild.js --production && npx tsx bench/editor-latency.ts
 *
 * It drives the real bundles: dist/editor-worker.js in a worker thread exactly as the extension
 * does (same messages, same stack size), and dist/extension.js's activate() against a stand-in for
 * the `vscode` module that answers every API call with an inert object, so the figure is the
 * extension's own activation work without the editor's. Results go to docs/BENCHMARKS.md under
 * "## Editor" (only that section is replaced).
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { defaultConfig } from '../src/analyzer/config';
import type { AnalyzeReply, ProjectSettings, WorkerMessage, WorkerRequest } from '../src/extension/worker-protocol';
import { findSection, markdownTable } from './lib/report';

const ROOT = path.resolve(__dirname, '..');
const SIZES = [
  { lines: 300, edits: 60 },
  { lines: 3_000, edits: 60 },
  { lines: 10_000, edits: 30 },
];
/** Keystrokes analysed before timing starts: the JIT warms up within the first seconds of typing. */
const WARM_UP_EDITS = 20;
const ACTIVATIONS = 10;
const SECTION = '## Editor';

/** Ordinary application code: one fetch-based loader (without a timeout) every 30 lines. */
function sourceOfLines(lines: number): string {
  const out: string[] = ['// Generated for the editor latency benchmark.'];
  for (let i = 0; out.length < lines + 30; i++) {
    out.push(
      `export async function load${i}(id: string): Promise<unknown> {`,
      `  const res = await fetch(\`https://api.example.com/items/\${id}/${i}\`);`,
      '  if (!res.ok) throw new Error(`HTTP ${res.status}`);',
      '  return res.json();',
      '}',
      '',
      `export function total${i}(items: Array<{ price: number; quantity: number }>): number {`,
      '  let sum = 0;',
      '  for (const item of items) {',
      '    if (item.quantity <= 0) continue;',
      '    sum += item.price * item.quantity;',
      '  }',
      '  return Math.round(sum * 100) / 100;',
      '}',
      '',
      `export interface Order${i} {`,
      '  id: string;',
      '  lines: Array<{ sku: string; quantity: number }>;',
      '  createdAt: Date;',
      '}',
      '',
      `export function describe${i}(order: Order${i}): string {`,
      '  const count = order.lines.reduce((n, line) => n + line.quantity, 0);',
      '  return `${order.id}: ${count} item(s) on ${order.createdAt.toISOString()}`;',
      '}',
      '',
      `export const LIMIT_${i} = ${i % 97};`,
      `export const NAME_${i} = 'order-${i}';`,
      '',
      '',
    );
  }
  // Whole blocks only (a cut-off function would be a parse error), then comment lines up to the count.
  const whole = out.slice(0, lines - ((lines - 1) % 30));
  while (whole.length < lines) whole.push('// filler');
  return whole.join('\n') + '\n';
}

class WorkerDriver {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  readonly worker = new Worker(path.join(ROOT, 'dist', 'editor-worker.js'), { resourceLimits: { stackSizeMb: 64 } });

  constructor() {
    this.worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'reply') this.pending.get(message.id)?.(message.result);
      if (message.kind === 'failure') throw new Error(message.message);
    });
  }

  call<T>(call: WorkerRequest['call'], params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (result: unknown) => void);
      this.worker.postMessage({ id, call, params });
    });
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * One typing session per size, in the middle of the file, as a user types: each keystroke is
 * analysed from the text the previous one left. The timed keystrokes keep the file valid (digits
 * typed into a number), which is what most keystrokes do; a keystroke that breaks the syntax
 * (an opening parenthesis) is timed on its own, since it costs a full parse that fails.
 */
async function measureEdits(): Promise<string[][]> {
  const rows: string[][] = [];
  for (const size of SIZES) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fallacy-lens-bench-'));
    const text = sourceOfLines(size.lines);
    fs.writeFileSync(path.join(root, 'active.ts'), text);
    const driver = new WorkerDriver();
    const settings: ProjectSettings = { root, config: defaultConfig(), editorExcludes: [], indexProject: true, fixTimeoutMs: 10_000 };
    await driver.call('configure', settings);
    await driver.call('awaitIndex', { root });
    const first = await driver.call<AnalyzeReply>('analyze', { root, path: 'active.ts', text });
    const middle = Math.floor(size.lines / 60);
    const anchor = `LIMIT_${middle} = `;
    const caret = text.indexOf(anchor) + anchor.length;
    let typed = '';
    /** Times one keystroke and checks that the analysis was the one meant: complete, or stopped by the syntax error. */
    const inWorker: number[] = [];
    const analyzeTyped = async (expect: 'parses' | 'breaks', extra = ''): Promise<number> => {
      const started = performance.now();
      const reply = await driver.call<AnalyzeReply>('analyze', { root, path: 'active.ts', text: text.slice(0, caret) + typed + extra + text.slice(caret) });
      const elapsed = performance.now() - started;
      inWorker.push(reply.elapsedMs);
      const broken = reply.result?.notes.some((note) => note.kind === 'parse-error') ?? false;
      if (broken !== (expect === 'breaks') || (!broken && reply.result?.findings.length !== first.result?.findings.length)) {
        throw new Error(`keystroke ${JSON.stringify(typed + extra)} was expected to leave a file that ${expect}: ${JSON.stringify(reply.result?.notes)}`);
      }
      return elapsed;
    };
    const latencies: number[] = [];
    for (let keystroke = 0; keystroke < WARM_UP_EDITS + size.edits; keystroke++) {
      typed += String(1 + (keystroke % 9));
      const elapsed = await analyzeTyped('parses');
      if (keystroke >= WARM_UP_EDITS) latencies.push(elapsed);
      else inWorker.pop();
    }
    const analysisOnly = [...inWorker];
    const breaking: number[] = [];
    for (let i = 0; i < 5; i++) {
      breaking.push(await analyzeTyped('breaks', '('));
      await analyzeTyped('parses');
    }
    await driver.worker.terminate();
    fs.rmSync(root, { recursive: true, force: true });
    rows.push([
      size.lines.toLocaleString('en'),
      `${Math.round(text.length / 1024)} KB`,
      // A note (say, a parse limit) means the timing is not of a full analysis: show it.
      [String(first.result?.findings.length ?? 0), ...(first.result?.notes ?? []).map((note) => note.kind)].join(' · '),
      `${WARM_UP_EDITS} + ${size.edits}`,
      formatMs(percentile(latencies, 50)),
      formatMs(percentile(latencies, 95)),
      formatMs(percentile(analysisOnly, 50)),
      formatMs(percentile(breaking, 50)),
    ]);
    console.log(rows[rows.length - 1].join('  '));
  }
  return rows;
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/**
 * An object that accepts any property access, call or construction and returns more of itself.
 * Its prototype answers the same way, because the bundle reads `vscode` through esbuild's ESM
 * interop, which copies own properties onto an object inheriting from the module's prototype.
 */
function inert(): unknown {
  const get = (_: unknown, key: PropertyKey): unknown =>
    key === Symbol.iterator ? function* () {} : key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : proxy;
  const prototype = new Proxy({}, { get });
  const proxy: unknown = new Proxy(function () {}, {
    get,
    apply: () => proxy,
    construct: () => proxy as object,
    set: () => true,
    getPrototypeOf: () => prototype,
  });
  return proxy;
}

async function measureActivation(): Promise<{ loadMs: number; activateMs: number[] }> {
  // Real paths where the extension turns URIs into files (it starts the real worker from one).
  const uri = { joinPath: (_base: unknown, ...parts: string[]) => ({ fsPath: path.join(ROOT, ...parts) }) };
  const vscodeStub = Object.create(inert() as object, { Uri: { value: uri, enumerable: true } }) as object;
  const moduleWithLoad = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const load = moduleWithLoad._load;
  moduleWithLoad._load = (request, parent, isMain) => (request === 'vscode' ? vscodeStub : load(request, parent, isMain));
  const loadStarted = performance.now();
  const extension = require(path.join(ROOT, 'dist', 'extension.js')) as { activate(context: unknown): unknown };
  const loadMs = performance.now() - loadStarted;
  const activateMs: number[] = [];
  for (let i = 0; i < ACTIVATIONS; i++) {
    const subscriptions: Array<{ dispose(): void }> = [];
    const context = { subscriptions, extensionUri: inert(), extensionPath: ROOT, globalState: inert(), workspaceState: inert() };
    const started = performance.now();
    extension.activate(context);
    activateMs.push(performance.now() - started);
    for (const disposable of subscriptions) disposable.dispose?.();
  }
  moduleWithLoad._load = load;
  return { loadMs, activateMs };
}

async function measureWorkerStart(): Promise<number> {
  const started = performance.now();
  const driver = new WorkerDriver();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fallacy-lens-bench-'));
  await driver.call('configure', { root, config: defaultConfig(), editorExcludes: [], indexProject: false, fixTimeoutMs: 10_000 });
  await driver.call<AnalyzeReply>('analyze', { root, path: 'a.ts', text: "export const f = () => fetch('https://example.com');\n" });
  const elapsed = performance.now() - started;
  await driver.worker.terminate();
  fs.rmSync(root, { recursive: true, force: true });
  return elapsed;
}

function writeSection(body: string): void {
  const file = path.join(ROOT, 'docs', 'BENCHMARKS.md');
  const doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = findSection(doc, SECTION);
  const text = `${SECTION}\n\n${body.trim()}\n\n`;
  const updated = section ? doc.slice(0, section.start) + text + doc.slice(section.end) : `${doc.trimEnd()}\n\n${text}`;
  fs.writeFileSync(file, updated.replace(/\n{3,}$/, '\n'));
}

async function main(): Promise<void> {
  for (const bundle of ['extension.js', 'editor-worker.js']) {
    if (!fs.existsSync(path.join(ROOT, 'dist', bundle))) throw new Error(`dist/${bundle} missing: run node esbuild.js --production first`);
  }
  const workerStartMs = await measureWorkerStart();
  const activation = await measureActivation();
  const editRows = await measureEdits();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`;
  const body = [
    `Measured by \`bench/editor-latency.ts\` on ${machine}, ${new Date().toISOString().slice(0, 10)}. Production bundles.`,
    '',
    '**Re-analysis after an edit** — a typing session in the middle of the active file, one keystroke at a time,',
    'each sent to the editor worker (`dist/editor-worker.js`) as the extension sends it; the time is from',
    '`postMessage` to the findings being back on the extension host (refreshing the file\'s cross-file facts,',
    'then analysing it). The first keystrokes warm the JIT up and are not timed; the timed ones keep the file',
    'valid. "Analysis in the worker" leaves out the messages between the threads. "Breaking keystroke" is one',
    'that leaves the file unparseable (an opening parenthesis): a full parse that fails, then a parse-error',
    'note. Each tree is built from the last one: only the top-level statements an edit touches are parsed',
    'again (`src/analyzer/incremental-parse.ts`). The typing debounce (`fallacyLens.delay`, 300 ms) comes on',
    'top; the extension host is never blocked meanwhile.',
    '',
    markdownTable(
      ['Lines', 'Size', 'Findings', 'Keystrokes (warm-up + timed)', 'p50', 'p95', 'of which analysis in the worker, p50', 'Breaking keystroke, p50'],
      editRows,
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    '**Activation**',
    '',
    markdownTable(
      ['What', 'Time'],
      [
        ['Loading dist/extension.js', `${Math.round(activation.loadMs)} ms`],
        [`activate() (median of ${ACTIVATIONS}, editor API stubbed)`, `${percentile(activation.activateMs, 50).toFixed(1)} ms`],
        ['Worker start to first findings (cold: loads the analyzer and the parser)', `${Math.round(workerStartMs)} ms`],
      ],
      ['l', 'r'],
    ),
  ].join('\n');
  console.log(`\n${body}`);
  writeSection(body);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
