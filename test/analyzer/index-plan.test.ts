/**
 * The scan's index plan: which files it indexes, in which round, and that the findings are those
 * of an index of every file.
 */
import * as assert from 'node:assert/strict';
import { analyzeFile, buildProjectIndex, filesToIndexNext, indexFile, outlineFile } from '../../src/analyzer';
import type { SourceFile } from '../../src/analyzer';
import { defaultConfig } from '../../src/analyzer/config';

const config = defaultConfig();

const PROJECT: Record<string, string> = {
  'src/client.ts': "import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://api.example.com' });\n",
  'src/index.ts': "export { api } from './client';\n",
  'src/options.ts': 'export const slow = { timeout: 30_000 };\n',
  'src/page.ts': "import { api } from './index';\nimport { slow } from './options';\nexport const load = () => api.get('/items', slow);\nexport const save = () => api.post('/items', {});\n",
  'src/format.ts': 'export const money = { style: "currency", currency: "EUR" };\nexport function pad(n: number) { return String(n).padStart(2, "0"); }\n',
  'src/defaults.ts': "import { api } from './client';\napi.defaults.headers['X-App'] = 'demo';\n",
};

function sources(): SourceFile[] {
  return Object.entries(PROJECT).map(([path, text]) => ({ path, text }));
}

/** The rounds, as the runner plays them: each a sorted list of paths. */
function rounds(files: SourceFile[]): string[][] {
  const outlines = files.map(outlineFile);
  const facts = new Map<string, ReturnType<typeof indexFile>>();
  const played: string[][] = [];
  for (;;) {
    const index = buildProjectIndex([...facts.keys()].sort().map((path) => facts.get(path)!));
    const next = filesToIndexNext(index, outlines, new Set(facts.keys()));
    if (next.length === 0) return played;
    played.push(next);
    for (const path of next) facts.set(path, indexFile(files.find((file) => file.path === path)!, config));
  }
}

describe('index plan', () => {
  it('indexes imported clients first, then the files a client flows through, then what requesting files import', () => {
    assert.deepEqual(rounds(sources()), [
      // An imported file that names a client, and one that sets defaults (that matters to any file).
      ['src/client.ts', 'src/defaults.ts'],
      // It imports a module exporting a client.
      ['src/index.ts'],
      // page.ts imports the re-export, so it may make requests: what it imports. Nothing imports
      // page.ts itself, so its own facts cannot matter.
      ['src/options.ts'],
    ]);
  });

  it('never indexes a module that no requesting file imports, nor a client user that nothing imports', () => {
    const files = [...sources(), { path: 'src/script.ts', text: "import { money } from './format';\nawait fetch('https://example.com');\n" }];
    const indexed = rounds(files).flat();
    assert.ok(!indexed.includes('src/script.ts'));
    // script.ts may make requests, so what it imports is indexed; without it, format.ts is not.
    assert.ok(indexed.includes('src/format.ts'));
    assert.ok(!rounds(sources()).flat().includes('src/format.ts'));
  });

  it('gives the findings of an index of every file', () => {
    const files = sources();
    const everything = buildProjectIndex(files.map((file) => indexFile(file, config)));
    const planned = rounds(files).flat();
    const partial = buildProjectIndex(files.filter((file) => planned.includes(file.path)).map((file) => indexFile(file, config)));
    for (const file of files) {
      assert.deepEqual(analyzeFile(file, partial, config), analyzeFile(file, everything, config), file.path);
    }
    // The case is not vacuous: the options object from another module decides page.ts's findings.
    const page = analyzeFile(files.find((file) => file.path === 'src/page.ts')!, partial, config);
    assert.deepEqual(
      page.findings.filter((finding) => finding.ruleId === 'no-timeout').map((finding) => finding.range.start.line),
      [4],
    );
  });
});
