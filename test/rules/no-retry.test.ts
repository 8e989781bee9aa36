import { runRuleTests } from '../rule-tester';

runRuleTests('no-retry', {
  valid: [
    {
      name: 'regression: a loop that retries until a flag in its condition is set (novu email webhook)',
      code: `let sent = false;\nfor (let retries = 0; !sent && retries < 3; retries += 1) {\n  try {\n    await fetch(url, { method: 'POST', body });\n    sent = true;\n  } catch (error) {\n    await sleep(100);\n  }\n}`,
    },
    {
      name: 'regression: TanStack Query retries a failing queryFn by default',
      code: `import { useQuery } from '@tanstack/react-query';\nexport const useOrders = () => useQuery({ queryKey: ['orders'], queryFn: () => fetch('/api/orders').then((r) => r.json()) });`,
    },
    `import pRetry from 'p-retry';\nawait pRetry(() => fetch('https://x/items'), { retries: 3 });`,
    `import retry from 'async-retry';\nawait retry(async () => { const r = await fetch('/x'); return r; });`,
    `import { backOff } from 'exponential-backoff';\nawait backOff(() => fetch('/x'));`,
    `import { retry, handleAll, ExponentialBackoff } from 'cockatiel';\nconst policy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });\nawait policy.execute(() => fetch('/x'));`,
    // clients that retry by themselves
    `import got from 'got';\nawait got('https://x');`,
    `import ky from 'ky';\nawait ky.get('https://x');`,
    `import got from 'got';\nawait got.post('https://x', { json: {} });`,
    `import request from 'superagent';\nawait request.get('/x').retry(2);`,
    `import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, { retries: 3 });\nawait axios.get('/x');`,
    `import { Agent, RetryAgent } from 'undici';\nconst dispatcher = new RetryAgent(new Agent());\nawait dispatcher.request({ origin: 'https://x', path: '/', method: 'GET' });`,
    // hand-written loops
    `for (let attempt = 1; attempt <= 3; attempt++) {\n  try { return await fetch('/x'); } catch { await sleep(attempt * 200); }\n}`,
    `let tries = 0;\ndo {\n  const res = await fetch('/x');\n  if (res.ok) return res;\n} while (++tries < 3);`,
    // project wrappers
    { name: 'configured http wrapper declared retried', code: `async function apiCall(url: string) { return fetch(url); }`, config: { httpWrappers: { apiCall: { retried: true } } } },
    { name: 'configured retry wrapper', code: `await withBackoff(() => fetch('/x'));`, config: { retryWrappers: ['withBackoff'] } },
    // unknown method with a method-aware client: undetermined
    `import got from 'got';\nawait got('https://x', { method: verb, retry: { limit: 2 } });`,
    // lookalikes
    `const cache = new Map();\ncache.get('k');`,
    `function fetch(u: string) { return u; }\nfetch('/x');`,
    `// fallacy-lens-disable-next-line no-retry -- user-initiated, the person retries\nawait fetch('/like', { method: 'POST' });`,
  ],
  invalid: [
    { code: `await fetch('https://x/items');`, errors: [{ line: 1, column: 7, severity: 'info', message: 'tried once' }] },
    { name: 'POST message mentions idempotency first', code: `await fetch('/orders', { method: 'POST' });`, errors: [{ line: 1, column: 7, message: 'Idempotency-Key' }] },
    { name: 'axios without axios-retry', code: `import axios from 'axios';\nawait axios.get('/x');`, errors: [{ line: 2, column: 7 }] },
    { name: 'axios-retry on another instance does not cover this one', code: `import axios from 'axios';\nimport axiosRetry from 'axios-retry';\nconst a = axios.create();\nconst b = axios.create();\naxiosRetry(a);\nawait b.get('/x');`, errors: [{ line: 6, column: 7 }] },
    { name: 'superagent without .retry()', code: `import request from 'superagent';\nawait request.get('/x').timeout(1000);`, errors: [{ line: 2, column: 7 }] },
    { name: 'node:https request', code: `import { request } from 'node:https';\nrequest('https://x', (res) => res.resume()).end();`, errors: [{ line: 2, column: 1 }] },
    { name: 'undici request', code: `import { request } from 'undici';\nawait request('https://x');`, errors: [{ line: 2, column: 7 }] },
    { name: 'a for…of over items is not a retry loop', code: `for (const id of ids) {\n  try { const r = await fetch('/x/' + id); if (r.ok) break; } catch {}\n}`, errors: [{ line: 2, column: 25 }] },
    { name: 'a loop that logs failures and moves on is not a retry loop', code: `for (let i = 0; i < urls.length; i++) {\n  try { await fetch(urls[i]); } catch (e) { console.error(e); }\n}`, errors: [{ line: 2, column: 15 }] },
    { name: 'a catch that rethrows is not a retry', code: `while (running) {\n  try { await fetch('/x'); break; } catch (e) { throw e; }\n}`, errors: [{ line: 2, column: 15 }] },
    { name: 'a local function named pRetry is not the library', code: `const pRetry = (fn: () => unknown) => fn();\nawait pRetry(() => fetch('/x'));`, errors: [{ line: 2, column: 20 }] },
    { name: 'CommonJS node-fetch', code: `const fetch = require('node-fetch');\nfetch('https://x').then((r) => r.text());`, filename: 'src/legacy.js', errors: [{ line: 2, column: 1 }] },
    { name: 'inside a JSX event handler', code: `export const Save = () => <button onClick={() => fetch('/save', { method: 'PUT' })}>Save</button>;`, filename: 'src/Save.tsx', errors: [{ line: 1, column: 50 }] },
    { name: 'got with retries turned off is a choice, but fetch next to it is not', code: `import got from 'got';\nawait got('https://x', { retry: { limit: 0 } });\nawait fetch('/y');`, errors: [{ line: 3, column: 7 }] },
  ],
});
