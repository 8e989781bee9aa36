import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../src/analyzer/config';
import { collectFiles } from '../../src/runner/file-walker';
import { scanFiles } from '../../src/runner/scan';
import { inShard, parseShard } from '../../src/runner/shard';
import { tempTree } from './temp-tree';

describe('runner: --shard K/N', function () {
  this.timeout(60_000);

  it('parses K/N with 1 <= K <= N and nothing else', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', '2/', '/4', 'a/b', '1/0', '-1/2']) assert.equal(parseShard(bad), undefined, bad);
  });

  it('puts every file in exactly one shard, evenly enough, and never moves a file when others are added', () => {
    const paths = Array.from({ length: 400 }, (_, i) => `src/module-${i}/file-${i % 7}.ts`);
    const count = 4;
    const shardOf = (p: string) => [1, 2, 3, 4].filter((index) => inShard(p, { index, count }));
    const sizes = [0, 0, 0, 0];
    for (const p of paths) {
      const shards = shardOf(p);
      assert.equal(shards.length, 1, p);
      sizes[shards[0] - 1]++;
    }
    for (const size of sizes) assert.ok(size > 60 && size < 140, `unbalanced shards: ${sizes.join(', ')}`);
    const before = new Map(paths.map((p) => [p, shardOf(p)[0]]));
    const more = [...paths, ...Array.from({ length: 50 }, (_, i) => `lib/new-${i}.ts`)];
    for (const p of paths) assert.equal(more.includes(p) && shardOf(p)[0], before.get(p));
  });

  it('reports each file in one shard only, and keeps facts from files of other shards', async () => {
    const files: Record<string, string> = { 'src/api.ts': "import axios from 'axios';\nexport const api = axios.create({ baseURL: '/v1' });\n" };
    for (let i = 0; i < 12; i++) files[`src/feature-${i}.ts`] = `import { api } from './api';\nexport const load${i} = () => api.get('/items/${i}');\n`;
    const temp = tempTree(files);
    try {
      const config = defaultConfig();
      const walked = await collectFiles(temp.root, [temp.root], config);
      const findingsOf = (result: Awaited<ReturnType<typeof scanFiles>>) =>
        result.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'no-timeout').map((x) => `${x.file}:${x.range.start.line}`));
      const whole = findingsOf(await scanFiles(walked.files, { config, inProcess: true, parser: 'typescript-estree' }));
      assert.equal(whole.length, 12);
      const byShard = [];
      for (let index = 1; index <= 3; index++) {
        byShard.push(findingsOf(await scanFiles(walked.files, { config, inProcess: true, parser: 'typescript-estree', shard: { index, count: 3 } })));
      }
      assert.deepEqual(byShard.flat().sort(), [...whole].sort(), 'the shards together report exactly what one scan reports');
      const apiShard = [1, 2, 3].find((index) => inShard('src/api.ts', { index, count: 3 }));
      const otherShards = byShard.filter((_, i) => i + 1 !== apiShard).flat();
      assert.ok(otherShards.length > 0, 'some feature file lies in a shard without api.ts and is still reported');
    } finally {
      temp.cleanup();
    }
  });
});
