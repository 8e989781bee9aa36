import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/analyzer/config';
import { collectFiles } from '../../src/runner/file-walker';
import { runAnalysis, type AnalysisOptions, type Progress } from '../../src/runner/run-analysis';
import { fakeAnalyzer } from './fake-analyzer';
import { tempTree } from './temp-tree';

const WORKER = path.join(__dirname, 'fake-analysis-worker.ts');

function files(count: number, extra: Record<string, string | Uint8Array> = {}): Record<string, string | Uint8Array> {
  const out: Record<string, string | Uint8Array> = { ...extra };
  for (let i = 0; i < count; i++) out[`src/m${String(i).padStart(3, '0')}.ts`] = `export const v${i} = 1;\nawait fetch(u);\n`;
  return out;
}

async function analyse(tree: Record<string, string | Uint8Array>, options: Partial<AnalysisOptions>) {
  const temp = tempTree(tree);
  try {
    const walked = await collectFiles(temp.root, [temp.root], defaultConfig());
    return await runAnalysis(walked.files, { config: defaultConfig(), parser: 'typescript-estree', api: fakeAnalyzer, worker: WORKER, jobs: 2, ...options });
  } finally {
    temp.cleanup();
  }
}

describe('runner: runAnalysis', function () {
  this.timeout(60_000);

  it('gives identical, path-sorted results in worker threads and in-process', async () => {
    const tree = files(40);
    const threaded = await analyse(tree, { jobs: 3 });
    const inProcess = await analyse(tree, { worker: 'in-process' });
    assert.deepEqual(threaded, inProcess);
    assert.equal(threaded.files.length, 40);
    const paths = threaded.files.map((f) => f.file);
    assert.deepEqual(paths, [...paths].sort());
    // buildProjectIndex saw the facts sorted by path, whatever the worker timing.
    assert.match(threaded.files[0].findings[0].message, /index order src\/m000\.ts,src\/m001\.ts,/);
    assert.deepEqual(threaded.files[5].findings[0].range.start, { line: 2, column: 7 });
    assert.deepEqual(threaded.toolNotes, []);
  });

  it('indexes in the rounds the plan asks for, and analyses every file whether indexed or not', async () => {
    const tree = files(20, {
      'src/later.ts': '// INDEX_LATER\nexport const fromLater = 1;\n',
      'src/never.ts': '// NEVER_INDEXED\nexport const fromNever = 1;\nawait fetch(u);\n',
    });
    for (const options of [{ jobs: 2 }, { worker: 'in-process' as const }]) {
      const result = await analyse(tree, options);
      assert.equal(result.files.length, 22);
      const message = result.files.find((file) => file.file === 'src/m000.ts')!.findings[0].message;
      // The second round's facts are in the index the analysis saw; the facts of a file the plan never wanted are not.
      assert.match(message, /index order src\/later\.ts,src\/m000\.ts,/);
      assert.match(message, /imports .*fromLater/);
      assert.doesNotMatch(message, /fromNever/);
      assert.equal(result.files.find((file) => file.file === 'src/never.ts')!.findings.length, 1);
      assert.deepEqual(result.toolNotes, []);
    }
  });

  it('reports skipped files (binary, minified, too large) with notes instead of analysing them', async () => {
    const result = await analyse(
      files(1, {
        'src/bin.js': new Uint8Array([0x00, 0x01, 0x02]),
        'src/vendor.min.js': 'fetch(a)',
        'src/big.ts': `// ${'x'.repeat(2 * 1024 * 1024)}\nfetch(a)`,
      }),
      {},
    );
    const byFile = Object.fromEntries(result.files.map((f) => [f.file, f]));
    assert.deepEqual(byFile['src/bin.js'].notes.map((n) => n.kind), ['skipped-binary']);
    assert.deepEqual(byFile['src/vendor.min.js'].notes.map((n) => n.kind), ['skipped-minified']);
    assert.deepEqual(byFile['src/big.ts'].notes.map((n) => n.kind), ['skipped-too-large']);
    assert.equal(byFile['src/big.ts'].findings.length, 0);
    assert.equal(byFile['src/m000.ts'].findings.length, 1);
  });

  it('keeps decode warnings next to the analyzer results', async () => {
    const result = await analyse({ 'a.ts': new Uint8Array([...Buffer.from('const s = "'), 0xff, ...Buffer.from('";\nfetch(u);\n')]) }, {});
    assert.deepEqual(result.files[0].notes.map((n) => n.kind), ['decode-warning']);
    assert.deepEqual(result.files[0].findings[0].range.start, { line: 2, column: 1 });
  });

  it('survives a crashing worker: the files are analysed in-process and a note says so', async () => {
    const result = await analyse(files(6, { 'src/crash.ts': 'CRASH_WORKER\nfetch(u);\n' }), { jobs: 2 });
    assert.equal(result.files.length, 7);
    const crashed = result.files.find((f) => f.file === 'src/crash.ts');
    assert.equal(crashed?.findings.length, 1);
    assert.ok(result.files.every((f) => f.findings.length === 1));
    const notes = result.toolNotes.filter((n) => n.kind === 'worker-crash');
    assert.ok(notes.length >= 1, JSON.stringify(result.toolNotes));
    assert.match(notes[0].message, /src\/crash\.ts/);
  });

  it('turns analyzer exceptions and unreadable files into tool notes without losing other files', async () => {
    const temp = tempTree(files(3, { 'src/throws.ts': 'THROW_ON_ANALYZE', 'src/index-throws.ts': 'THROW_ON_INDEX fetch(' , 'src/deleted.ts': 'fetch(' }));
    try {
      const walked = await collectFiles(temp.root, [temp.root], defaultConfig());
      // Deleted between the walk and the analysis: it cannot be read.
      rmSync(path.join(temp.root, 'src', 'deleted.ts'));
      const result = await runAnalysis(walked.files, { config: defaultConfig(), parser: 'typescript-estree', api: fakeAnalyzer, worker: WORKER, jobs: 1 });
      const kinds = result.toolNotes.map((n) => `${n.file}:${n.kind}`);
      assert.ok(kinds.includes('src/throws.ts:analyzer-error'), kinds.join());
      assert.ok(kinds.includes('src/index-throws.ts:analyzer-error'), kinds.join());
      assert.equal(result.files.find((f) => f.file === 'src/index-throws.ts')?.findings.length, 1);
      assert.ok(kinds.includes('src/deleted.ts:read-error'), kinds.join());
      assert.equal(result.files.find((f) => f.file === 'src/deleted.ts'), undefined);
      assert.equal(result.files.filter((f) => /m\d+/.test(f.file)).length, 3);
    } finally {
      temp.cleanup();
    }
  });

  it('gives workers a deep stack (in-process the same file overflows)', async () => {
    const tree = { 'deep.ts': 'DEEP_STACK fetch(' };
    const threaded = await analyse(tree, { jobs: 1 });
    assert.deepEqual(threaded.toolNotes, []);
    assert.equal(threaded.files[0].findings.length, 1);
    const inProcess = await analyse(tree, { worker: 'in-process' });
    assert.equal(inProcess.toolNotes[0]?.kind, 'analyzer-error');
  });

  it('reports progress for both phases up to the total', async () => {
    const seen: Progress[] = [];
    await analyse(files(30), { jobs: 2, onProgress: (p) => seen.push(p) });
    for (const phase of ['index', 'analyze'] as const) {
      const mine = seen.filter((p) => p.phase === phase);
      assert.deepEqual(mine[0], { phase, done: 0, total: 30 });
      assert.deepEqual(mine[mine.length - 1], { phase, done: 30, total: 30 });
      assert.ok(mine.every((p, i) => i === 0 || p.done >= mine[i - 1].done));
    }
  });
});
