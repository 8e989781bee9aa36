import { runRuleTests } from '../rule-tester';

runRuleTests('unbounded-fanout', {
  valid: [
    // a concurrency limiter is in the way
    `import pLimit from 'p-limit';\nconst limit = pLimit(8);\nawait Promise.all(ids.map((id) => limit(() => fetch(\`/items/\${id}\`))));`,
    `import PQueue from 'p-queue';\nconst queue = new PQueue({ concurrency: 4 });\nawait Promise.all(ids.map((id) => queue.add(() => fetch(\`/items/\${id}\`))));`,
    `import pMap from 'p-map';\nawait pMap(ids, (id) => fetch(\`/items/\${id}\`), { concurrency: 8 });`,
    // a fixed handful
    `await Promise.all(['/a', '/b', '/c'].map((u) => fetch(u)));`,
    `const regions = ['eu', 'us'];\nawait Promise.all(regions.map((r) => fetch(\`https://\${r}.example.com/health\`)));`,
    `await Promise.all(Array.from({ length: 3 }, () => fetch('/warmup')));`,
    // chunking
    `for (const batch of chunks) {\n  await Promise.all(batch.map((id) => fetch(\`/items/\${id}\`)));\n}`,
    `for (let i = 0; i < ids.length; i += 10) {\n  await Promise.all(ids.slice(i, i + 10).map((id) => fetch(\`/items/\${id}\`)));\n}`,
    // no network call in the callback
    `await Promise.all(files.map((f) => fs.promises.readFile(f)));`,
    `await Promise.all(keys.map((k) => this.cache.get(k)));`,
    `function fetch(x: string) { return Promise.resolve(x); }\nawait Promise.all(ids.map((id) => fetch(id)));`,
    `// fallacy-lens-disable-next-line unbounded-fanout -- ids is at most 10 by contract\nawait Promise.all(ids.map((id) => fetch(\`/items/\${id}\`)));`,
  ],
  invalid: [
    {
      code: `const items = await Promise.all(ids.map((id) => fetch(\`https://api.example.com/items/\${id}\`)));`,
      errors: [{ line: 1, column: 21, endColumn: 32, message: 'every item of `ids` at once', severity: 'info', related: 'Each item makes this request' }],
    },
    { name: 'mentions p-limit and p-map', code: `await Promise.all(users.map(async (u) => {\n  await fetch('/notify', { method: 'POST', body: JSON.stringify(u) });\n}));`, errors: [{ line: 1, column: 7, message: /p-limit.*p-map/ }] },
    { name: 'allSettled', code: `await Promise.allSettled(urls.map((u) => fetch(u)));`, errors: [{ line: 1, column: 7, message: '`Promise.allSettled`' }] },
    { name: 'through a const holding the promises', code: `const pending = ids.map((id) => fetch(\`/items/\${id}\`));\nawait Promise.all(pending);`, errors: [{ line: 2, column: 7 }] },
    { name: 'callback is a function of this file', code: `async function load(id: string) {\n  const res = await fetch(\`/items/\${id}\`);\n  return res.json();\n}\nawait Promise.all(ids.map(load));`, errors: [{ line: 5, column: 7, related: 'Each item' }] },
    { name: 'callback calls a helper of this file', code: `const get = (id: string) => fetch(\`/items/\${id}\`);\nawait Promise.all(ids.map((id) => get(id)));`, errors: [{ line: 2, column: 7 }] },
    { name: 'Array.from', code: `await Promise.all(Array.from(ids, (id) => fetch(\`/items/\${id}\`)));`, errors: [{ line: 1, column: 7 }] },
    { name: 'a long literal list', code: `await Promise.all(['/a', '/b', '/c', '/d', '/e', '/f'].map((u) => fetch(u)));`, errors: [{ line: 1, column: 7 }] },
    { name: 'axios instance, CommonJS', code: `const axios = require('axios');\nconst api = axios.create();\nasync function all(ids) {\n  return Promise.all(ids.map((id) => api.get('/items/' + id)));\n}`, filename: 'src/x.js', errors: [{ line: 4, column: 10 }] },
    { name: 'got with as expression', code: `import got from 'got';\nawait Promise.all((ids as string[]).map((id) => got(\`https://x/\${id}\`).json()));`, errors: [{ line: 2, column: 7 }] },
    { name: 'slice with one argument is not a chunk', code: `await Promise.all(ids.slice(1).map((id) => fetch(\`/items/\${id}\`)));`, errors: [{ line: 1, column: 7 }] },
  ],
});
