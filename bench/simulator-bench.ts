/**
 * Replica-lag simulator timings.
 *
 *   npx tsx bench/simulator-bench.ts [--runs 7]
 *
 * Each case runs once to warm up the JIT, then --runs times; the median and the fastest wall time
 * are printed, and the median CPU time of this process, which a busy shared machine distorts less. The spec asks for a 200 000-trial PBS curve "well under a second". Prints only;
 * nothing asserts on time.
 */
import * as os from 'node:os';
import { getScenario, presetSettings, quorumSettings, simulate, type QuorumSettings, type SimulatorSettings } from '../src/simulator';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 7;

const linkedInDisk = presetSettings('linkedin-disk') as QuorumSettings;
const cases: [string, SimulatorSettings][] = [
  ['PBS curve, LinkedIn disk, N=3 R=W=1, 200 000 trials', linkedInDisk],
  ['PBS curve, LinkedIn SSD, N=3 R=W=1, 200 000 trials', presetSettings('linkedin-ssd') as QuorumSettings],
  ['PBS curve, WAN, N=3 R=W=1, 200 000 trials', presetSettings('wan') as QuorumSettings],
  ['PBS curve, LinkedIn disk, N=3 R=W=1, 1 000 000 trials', { ...linkedInDisk, trials: 1_000_000 }],
  ['PBS curve, LinkedIn disk, N=10 R=W=3, 200 000 trials', quorumSettings(linkedInDisk.legs, 10, 3, 3)],
  ['Leader/followers, partition-cp-vs-ap (10 s simulated)', getScenario('partition-cp-vs-ap')!.settings],
  ['Leader/followers, async-failover-loss (~11 000 requests)', getScenario('async-failover-loss')!.settings],
];

function time(settings: SimulatorSettings): { wallMs: number; cpuMs: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  simulate(settings);
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const [load1] = os.loadavg();
console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, load average ${load1.toFixed(1)}; ${runs} runs per case`);
console.log('');
console.log(`${'case'.padEnd(60)} ${'median'.padStart(10)} ${'fastest'.padStart(10)} ${'CPU'.padStart(10)}`);
const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(10);
for (const [name, settings] of cases) {
  time(settings);
  const timings = Array.from({ length: runs }, () => time(settings));
  const wall = timings.map((t) => t.wallMs);
  console.log(`${name.padEnd(60)} ${ms(median(wall))} ${ms(Math.min(...wall))} ${ms(median(timings.map((t) => t.cpuMs)))}`);
}
