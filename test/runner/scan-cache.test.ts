import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, resolveConfig } from '../../src/analyzer/config';
import { collectFiles } from '../../src/runner/file-walker';
import { scanFiles } from '../../src/runner/scan';
import { tempTree } from './temp-tree';

const PROJECT = {
  'src/api.ts': "import axios from 'axios';\nexport const api = axios.create({ timeout: 1000 });\n",
  'src/orders.ts': "import { api } from './api';\nexport const load = () => fetch('https://x/orders');\nexport const list = () => api.get('/orders');\n",
};

describe('runner: scan --cache', function () {
  this.timeout(60_000);

  async function scan(root: string, cacheLocation: string, config = defaultConfig()) {
    const walked = await collectFiles(root, [root], config);
    return scanFiles(walked.files, { config, inProcess: true, parser: 'typescript-estree', cacheLocation });
  }

  /** Marks the stored result so that a hit is visible: only a scan that read the cache returns the mark. */
  function markCache(cacheLocation: string): void {
    const cache = JSON.parse(readFileSync(cacheLocation, 'utf8'));
    cache.result.toolNotes.push({ file: 'MARK', kind: 'read-error', message: 'served from the cache' });
    writeFileSync(cacheLocation, JSON.stringify(cache));
  }

  const served = (result: { toolNotes: readonly { file?: string }[] }) => result.toolNotes.some((note) => note.file === 'MARK');

  it('returns the stored result when nothing changed, and the same findings as a cold scan', async () => {
    const temp = tempTree(PROJECT);
    const cacheLocation = path.join(temp.root, '.fallacy-lens-cache', 'scan.json');
    try {
      const cold = await scan(temp.root, cacheLocation);
      assert.deepEqual(cold.files.flatMap((f) => f.findings.map((x) => `${x.file}:${x.range.start.line}:${x.ruleId}`)), ['src/orders.ts:2:no-retry', 'src/orders.ts:2:no-timeout', 'src/orders.ts:3:no-retry']);
      markCache(cacheLocation);
      const warm = await scan(temp.root, cacheLocation);
      assert.ok(served(warm), 'the unchanged project was analysed again instead of served from the cache');
      assert.deepEqual(warm.files, cold.files);
    } finally {
      temp.cleanup();
    }
  });

  it('analyses again when a file changes, including the facts other files use', async () => {
    const temp = tempTree(PROJECT);
    const cacheLocation = path.join(temp.root, 'cache.json');
    try {
      await scan(temp.root, cacheLocation);
      markCache(cacheLocation);
      // The instance loses its timeout: a finding appears in the *other* file.
      writeFileSync(path.join(temp.root, 'src', 'api.ts'), "import axios from 'axios';\nexport const api = axios.create({});\n");
      const after = await scan(temp.root, cacheLocation);
      assert.ok(!served(after));
      assert.ok(after.files.some((f) => f.findings.some((x) => x.file === 'src/orders.ts' && x.range.start.line === 3 && x.ruleId === 'no-timeout')));
    } finally {
      temp.cleanup();
    }
  });

  it('analyses again when the configuration changes, and survives a corrupt cache file', async () => {
    const temp = tempTree(PROJECT);
    const cacheLocation = path.join(temp.root, 'cache.json');
    try {
      await scan(temp.root, cacheLocation);
      markCache(cacheLocation);
      const quieter = await scan(temp.root, cacheLocation, resolveConfig({ rules: { 'no-retry': 'off' } }));
      assert.ok(!served(quieter));
      assert.ok(quieter.files.every((f) => f.findings.every((x) => x.ruleId !== 'no-retry')));
      writeFileSync(cacheLocation, '{ not json');
      const recovered = await scan(temp.root, cacheLocation);
      assert.equal(recovered.files.flatMap((f) => f.findings).length, 3);
      assert.doesNotThrow(() => JSON.parse(readFileSync(cacheLocation, 'utf8')), 'a cold scan rewrites a corrupt cache');
    } finally {
      temp.cleanup();
    }
  });
});
