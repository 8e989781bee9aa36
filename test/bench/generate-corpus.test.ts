import * as assert from 'node:assert/strict';
import { generateCorpus, generateLargeFile } from '../../bench/generate-corpus';

describe('bench: synthetic corpus generator', () => {
  const a = generateCorpus({ files: 300, seed: 42 });

  it('is deterministic for a seed and differs across seeds', () => {
    const b = generateCorpus({ files: 300, seed: 42 });
    assert.deepEqual(b.files, a.files);
    assert.deepEqual(b.manifest, a.manifest);
    const c = generateCorpus({ files: 300, seed: 43 });
    assert.notDeepEqual(c.files, a.files);
    assert.deepEqual(generateLargeFile(3000, 7), generateLargeFile(3000, 7));
  });

  it('writes the requested number of files with unique paths, most of them without network calls', () => {
    assert.equal(a.files.length, 300);
    assert.equal(new Set(a.files.map((f) => f.path)).size, 300);
    assert.ok(a.manifest.summary.plainFiles > a.manifest.summary.networkFiles);
    assert.ok(a.manifest.summary.networkFiles > 0);
    for (const key of ['inLoop', 'inFanout', 'pRetry', 'viaInstance', 'withTimeout', 'withoutTimeout'] as const) {
      assert.ok(a.manifest.summary[key] > 0, `expected some call sites with ${key}`);
    }
  });

  it('has a manifest that matches the files', () => {
    const byPath = new Map(a.files.map((f) => [f.path, f.text]));
    assert.equal(a.manifest.fileCount, a.files.length);
    let lines = 0;
    let bytes = 0;
    for (const mf of a.manifest.files) {
      const text = byPath.get(mf.path);
      assert.ok(text !== undefined, mf.path);
      assert.equal(mf.bytes, Buffer.byteLength(text));
      assert.equal(mf.lines, text.split('\n').length - 1);
      lines += mf.lines;
      bytes += mf.bytes;
    }
    assert.equal(a.manifest.totalLines, lines);
    assert.equal(a.manifest.totalBytes, bytes);

    // Every recorded call site is on the line it names; files without recorded call sites have none.
    const perFile = new Map<string, number>();
    for (const site of a.manifest.callSites) {
      const line = byPath.get(site.file)!.split('\n')[site.line - 1] ?? '';
      assert.ok(line.includes(`${site.callee}(`), `${site.file}:${site.line} should call ${site.callee}: ${line}`);
      perFile.set(site.file, (perFile.get(site.file) ?? 0) + 1);
    }
    for (const mf of a.manifest.files) assert.equal(mf.callSites, perFile.get(mf.path) ?? 0, mf.path);
    const clientCall = /\b(?:fetch|axios\.\w+|got\.(?:get|post|put|delete)|ky\.(?:get|post|put|delete)|(?:api|http|kyApi)\d+_\d+\.\w+)\(/g;
    let found = 0;
    for (const f of a.files) {
      if (f.path.startsWith('src/http/')) continue;
      found += (f.text.match(clientCall) ?? []).length;
    }
    assert.equal(found, a.manifest.callSites.length);

    // Instances are declared where the manifest says and imported by the files it lists.
    for (const inst of a.manifest.instances) {
      const line = byPath.get(inst.file)!.split('\n')[inst.line - 1] ?? '';
      assert.ok(line.startsWith(`export const ${inst.name} = `), line);
      for (const user of inst.importedBy) assert.match(byPath.get(user)!, new RegExp(`import \\{[^}]*\\b${inst.name}\\b`));
    }

    // The competitors' rule (fetch(...) and axios.<member>(...)) must match exactly this many calls.
    let fetchCalls = 0;
    let axiosMemberCalls = 0;
    for (const f of a.files) {
      fetchCalls += (f.text.match(/\bfetch\(/g) ?? []).length;
      axiosMemberCalls += (f.text.match(/\baxios\.\w+\(/g) ?? []).length;
    }
    assert.deepEqual(a.manifest.competitorMatches, { fetchCalls, axiosMemberCalls, total: fetchCalls + axiosMemberCalls });
  });

  it('makes a large file of about the requested size', () => {
    const big = generateLargeFile(3000);
    const n = big.text.split('\n').length;
    assert.ok(n >= 2900 && n <= 3100, `got ${n} lines`);
    assert.match(big.text, /fetch\(|axios\.|got\.|ky\./);
  });
});
