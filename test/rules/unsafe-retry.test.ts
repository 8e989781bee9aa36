import { runRuleTests } from '../rule-tester';

const RETRYING_API = `import axios from 'axios';
import axiosRetry from 'axios-retry';
export const payments = axios.create({ baseURL: 'https://pay.example.com', timeout: 5000 });
axiosRetry(payments, { retries: 3 });
`;

runRuleTests('unsafe-retry', {
  valid: [
    // idempotent methods may be retried freely
    `import pRetry from 'p-retry';\nawait pRetry(() => fetch('https://x/orders/1', { signal: AbortSignal.timeout(1000) }));`,
    `import pRetry from 'p-retry';\nawait pRetry(() => fetch('https://x/orders/1', { method: 'PUT', body }));`,
    `import got from 'got';\nawait got.delete('https://x/orders/1');`,
    // POST not retried at all
    `await fetch('https://x/orders', { method: 'POST', body });`,
    // got and ky do not retry POST by default
    `import got from 'got';\nawait got.post('https://x/orders', { json: order });`,
    `import ky from 'ky';\nawait ky.post('https://x/orders', { json: order });`,
    // idempotency keys in headers, any case, any known name
    `import pRetry from 'p-retry';\nconst key = crypto.randomUUID();\nawait pRetry(() => fetch('https://x/charges', { method: 'POST', headers: { 'Idempotency-Key': key }, body }));`,
    `import pRetry from 'p-retry';\nawait pRetry(() => fetch('/charges', { method: 'post', headers: { 'x-idempotency-key': key } }));`,
    `import retry from 'async-retry';\nawait retry(() => fetch('/pay', { method: 'POST', headers: { 'PayPal-Request-Id': id } }));`,
    { name: 'configured header name', code: `import pRetry from 'p-retry';\nawait pRetry(() => fetch('/pay', { method: 'POST', headers: { 'X-Request-Token': id } }));`, config: { idempotencyHeaders: ['X-Request-Token'] } },
    // body fields
    `import pRetry from 'p-retry';\nawait pRetry(() => fetch('/payments', { method: 'POST', body: JSON.stringify({ idempotency_key: key, amount }) }));`,
    `import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios);\nawait axios.post('/runs', { ClientToken: token });`,
    // key on the instance
    `import axios from 'axios';\nimport axiosRetry from 'axios-retry';\nconst api = axios.create({ headers: { 'Idempotency-Key': key } });\naxiosRetry(api);\nawait api.post('/x', {});`,
    // superagent with .set()
    `import request from 'superagent';\nawait request.post('/orders').set('Idempotency-Key', key).retry(2).send(order);`,
    // headers we cannot see into: undetermined
    `import pRetry from 'p-retry';\nawait pRetry(() => fetch('/x', { method: 'POST', headers: buildHeaders() }));`,
    // method unknown: not reported
    `import pRetry from 'p-retry';\nawait pRetry(() => fetch('/x', { method: verb }));`,
    // a loop over items with error logging is not a retry loop
    `for (const order of orders) {\n  try { await fetch('/orders', { method: 'POST', body: JSON.stringify(order) }); } catch (e) { console.error(e); }\n}`,
    // lookalike: a local function named pRetry
    `const pRetry = (fn: () => unknown) => fn();\nawait pRetry(() => fetch('/x', { method: 'POST' }));`,
    // suppression
    `import pRetry from 'p-retry';\n// fallacy-lens-disable-next-line unsafe-retry -- server dedupes by order id\nawait pRetry(() => fetch('/x', { method: 'POST' }));`,
    // got told to retry POST but with a key
    `import got from 'got';\nawait got.post('/x', { retry: { limit: 2, methods: ['POST'] }, headers: { 'idempotency-key': k } });`,
    // regression (precision sample): an idempotency key added by a write after the literal
    {
      name: 'regression: idempotency header written into the headers object after its literal',
      code: `import pRetry from 'p-retry';\nconst headers: Record<string, string> = { 'content-type': 'application/json' };\nheaders['Idempotency-Key'] = key;\nawait pRetry(() => fetch('https://x', { method: 'POST', headers, body, signal: AbortSignal.timeout(1000) }));`,
    },
    {
      name: 'regression: headers assigned to the init object after its literal',
      code: `import pRetry from 'p-retry';\nconst init: RequestInit = { method: 'POST', body };\ninit.headers = { 'Idempotency-Key': key };\nawait pRetry(() => fetch('https://x', init));`,
    },
  ],
  invalid: [
    {
      name: 'fetch POST inside p-retry, key made outside the retry',
      code: `import pRetry from 'p-retry';\nawait pRetry(() => fetch('https://x/charges', { method: 'POST', body }));`,
      errors: [{ line: 2, column: 20, message: 'retried by p-retry', related: 'Retried here by p-retry' }],
      output: `import pRetry from 'p-retry';\nconst idempotencyKey = crypto.randomUUID();\nawait pRetry(() => fetch('https://x/charges', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }));`,
    },
    {
      name: 'async-retry with bail',
      code: `import retry from 'async-retry';\nexport async function pay() {\n  return retry(async (bail) => {\n    const res = await fetch('/pay', { method: 'POST', headers: { 'content-type': 'application/json' } });\n    return res;\n  });\n}`,
      errors: [{ line: 4, column: 23 }],
      output: `import retry from 'async-retry';\nexport async function pay() {\n  const idempotencyKey = crypto.randomUUID();\n  return retry(async (bail) => {\n    const res = await fetch('/pay', { method: 'POST', headers: { 'content-type': 'application/json', 'Idempotency-Key': idempotencyKey } });\n    return res;\n  });\n}`,
    },
    { name: 'PATCH is not idempotent either', code: `import pRetry from 'p-retry';\nawait pRetry(() => fetch('/x', { method: 'PATCH' }));`, errors: [{ line: 2, column: 20, message: 'PATCH' }] },
    { name: 'exponential-backoff backOff', code: `import { backOff } from 'exponential-backoff';\nawait backOff(() => fetch('/x', { method: 'POST' }));`, errors: [{ line: 2, column: 21, message: 'exponential-backoff' }] },
    { name: 'promise-retry', code: `import promiseRetry from 'promise-retry';\nawait promiseRetry((retry) => fetch('/x', { method: 'POST' }).catch(retry));`, errors: [{ line: 2, column: 31 }] },
    { name: 'ts-retry-promise', code: `import { retry } from 'ts-retry-promise';\nawait retry(() => fetch('/x', { method: 'POST' }), { retries: 3 });`, errors: [{ line: 2, column: 19 }] },
    { name: '@lifeomic/attempt', code: `import { retry } from '@lifeomic/attempt';\nawait retry(async () => fetch('/x', { method: 'POST' }));`, errors: [{ line: 2, column: 25 }] },
    {
      name: 'cockatiel retry policy',
      code: `import { ExponentialBackoff, handleAll, retry } from 'cockatiel';\nconst policy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });\nawait policy.execute(() => fetch('/x', { method: 'POST' }));`,
      errors: [{ line: 3, column: 28, message: 'cockatiel' }],
    },
    {
      name: 'cockatiel wrap containing a retry',
      code: `import { handleAll, retry, timeout, wrap, TimeoutStrategy } from 'cockatiel';\nconst policy = wrap(retry(handleAll, { maxAttempts: 2 }), timeout(1000, TimeoutStrategy.Cooperative));\nawait policy.execute(({ signal }) => fetch('/x', { method: 'POST', signal }));`,
      errors: [{ line: 3, column: 38 }],
    },
    {
      name: 'node-retry operation.attempt',
      code: `import retry from 'retry';\nconst operation = retry.operation({ retries: 3 });\noperation.attempt(() => { fetch('/x', { method: 'POST' }).catch((e) => operation.retry(e)); });`,
      errors: [{ line: 3, column: 27 }],
    },
    {
      name: 'axios-retry on the default client (retries POST on network errors)',
      code: `import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, { retries: 3 });\nawait axios.post('/orders', order);`,
      errors: [{ line: 4, column: 7, message: 'axios-retry' }],
      output: `import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, { retries: 3 });\nawait axios.post('/orders', order, { headers: { 'Idempotency-Key': crypto.randomUUID() } });`,
    },
    {
      name: 'axios-retry registered on an instance in another file',
      code: `import { payments } from './payments';\nawait payments.post('/charges', charge);`,
      files: { 'src/payments.ts': RETRYING_API },
      errors: [{ line: 2, column: 7 }],
    },
    {
      name: 'superagent .retry() retries POST',
      code: `import request from 'superagent';\nawait request.post('/orders').retry(3).send(order);`,
      errors: [{ line: 2, column: 7, message: 'superagent .retry()' }],
      output: `import request from 'superagent';\nawait request.post('/orders').set('Idempotency-Key', crypto.randomUUID()).retry(3).send(order);`,
    },
    {
      name: 'got configured to retry POST',
      code: `import got from 'got';\nawait got.post('/x', { retry: { limit: 2, methods: ['POST', 'GET'] } });`,
      errors: [{ line: 2, column: 7, message: "got's built-in retry" }],
    },
    {
      name: 'ky instance retrying POST',
      code: `import ky from 'ky';\nconst api = ky.create({ retry: { limit: 3, methods: ['post'] } });\nawait api.post('/x', { json: {} });`,
      errors: [{ line: 3, column: 7 }],
    },
    {
      name: 'undici RetryAgent is for idempotent methods only, but p-retry around it is not',
      code: `import pRetry from 'p-retry';\nimport { request } from 'undici';\nawait pRetry(() => request('https://x', { method: 'POST', signal: AbortSignal.timeout(1000) }));`,
      errors: [{ line: 3, column: 20 }],
    },
    {
      name: 'hand-written retry loop',
      code: `for (let attempt = 0; attempt < 3; attempt++) {\n  try {\n    return await fetch('/x', { method: 'POST', body });\n  } catch (error) {\n    await sleep(2 ** attempt * 100);\n  }\n}`,
      errors: [{ line: 3, column: 18, message: 'hand-written retry loop' }],
      output: `const idempotencyKey = crypto.randomUUID();\nfor (let attempt = 0; attempt < 3; attempt++) {\n  try {\n    return await fetch('/x', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });\n  } catch (error) {\n    await sleep(2 ** attempt * 100);\n  }\n}`,
    },
    {
      name: 'status-checking retry loop',
      code: `while (true) {\n  const res = await fetch('/x', { method: 'POST' });\n  if (res.ok) break;\n  await sleep(500);\n}`,
      errors: [{ line: 2, column: 21 }],
    },
    {
      name: 'project retry wrapper in the same file',
      code: `async function withRetry<T>(fn: () => Promise<T>): Promise<T> {\n  for (let i = 0; ; i++) {\n    try { return await fn(); } catch (e) { if (i > 3) throw e; }\n  }\n}\nawait withRetry(() => fetch('/x', { method: 'POST' }));`,
      errors: [{ line: 6, column: 23, message: 'withRetry' }],
    },
    {
      name: 'project retry wrapper imported from another file',
      code: `import { withRetry } from './retry';\nawait withRetry(() => fetch('/x', { method: 'POST' }));`,
      files: { 'src/retry.ts': `export async function withRetry<T>(fn: () => Promise<T>): Promise<T> {\n  for (let i = 0; ; i++) {\n    try { return await fn(); } catch (e) { if (i > 3) throw e; }\n  }\n}\n` },
      errors: [{ line: 2, column: 23 }],
    },
    {
      name: 'configured retry wrapper name',
      code: `await resilient(() => fetch('/x', { method: 'POST' }));`,
      config: { retryWrappers: ['resilient'] },
      errors: [{ line: 1, column: 23 }],
    },
    {
      name: 'CommonJS require of p-retry',
      code: `const pRetry = require('p-retry');\npRetry(() => fetch('/x', { method: 'POST' }));`,
      filename: 'src/job.cjs',
      errors: [{ line: 2, column: 14 }],
    },
    {
      name: 'method from a const',
      code: `import pRetry from 'p-retry';\nconst METHOD = 'POST';\nawait pRetry(() => fetch('/x', { method: METHOD }));`,
      errors: [{ line: 3, column: 20 }],
    },
    {
      name: 'options through as const',
      code: `import pRetry from 'p-retry';\nconst init = { method: 'POST' } as const;\nawait pRetry(() => fetch('/x', init));`,
      errors: [{ line: 3, column: 20 }],
    },
    {
      name: 'unrelated header does not count',
      code: `import pRetry from 'p-retry';\nawait pRetry(() => fetch('/x', { method: 'POST', headers: { 'X-Request-Id': id } }));`,
      errors: [{ line: 2, column: 20 }],
    },
  ],
});
