import { runRuleTests } from '../rule-tester';

const API_WITH_TIMEOUT = `import axios from 'axios';
export const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
`;
const API_WITHOUT_TIMEOUT = `import axios from 'axios';
export const api = axios.create({ baseURL: 'https://api.example.com' });
`;

runRuleTests('no-timeout', {
  valid: [
    // fetch bounded by a signal, in its many spellings
    `await fetch('https://example.com', { signal: AbortSignal.timeout(5000) });`,
    `const controller = new AbortController();\nawait fetch(url, { signal: controller.signal });`,
    `await fetch(url, { signal: AbortSignal.any([userSignal, AbortSignal.timeout(3000)]) });`,
    `const init = { method: 'POST', signal: AbortSignal.timeout(2000) };\nawait fetch(url, init);`,
    `const base = { signal: AbortSignal.timeout(2000) };\nawait fetch(url, { ...base, method: 'PUT' });`,
    `await globalThis.fetch(url, { signal: AbortSignal.timeout(100) } as RequestInit);`,
    // lookalikes: not network calls
    `function fetch(x: string) { return x; }\nfetch('local');`,
    `class Cache { get(k: string) { return k; } }\nconst cache = new Cache();\ncache.get('key');`,
    `const axios = { get: (u: string) => u };\naxios.get('/not-the-library');`,
    `import { get } from 'lodash';\nget(obj, 'path');`,
    // unresolvable options: undetermined, not reported
    `export async function call(opts: RequestInit) { return fetch('https://x', opts); }`,
    `await fetch(url, { ...defaults, method: 'GET' });`,
    // axios bounded at every layer
    `import axios from 'axios';\nawait axios.get('/a', { timeout: 5000 });`,
    `import axios from 'axios';\naxios.defaults.timeout = 10000;\nawait axios.get('/a');`,
    `import axios from 'axios';\nconst api = axios.create({ timeout: 2500 });\nawait api.post('/a', body);`,
    `import axios from 'axios';\nconst api = axios.create();\napi.defaults.timeout = 3000;\nawait api.get('/a');`,
    { name: 'instance with timeout from another file', code: `import { api } from './api';\nawait api.get('/users');`, files: { 'src/api.ts': API_WITH_TIMEOUT } },
    { name: 'CommonJS require with a configured instance', code: `const axios = require('axios');\nconst client = axios.create({ timeout: 1000 });\nclient.get('/x');`, filename: 'src/legacy.js' },
    `import axios from 'axios';\nawait axios({ url: '/a', method: 'post', signal: AbortSignal.timeout(1000) });`,
    // got, ky, superagent, http, undici
    `import got from 'got';\nawait got('https://x', { timeout: { request: 10000 } });`,
    `import got from 'got';\nconst client = got.extend({ timeout: { request: 5000 } });\nawait client.get('https://x');`,
    `import ky from 'ky';\nawait ky.get('https://x').json();`,
    `import superagent from 'superagent';\nawait superagent.get('https://x').timeout({ response: 5000, deadline: 10000 });`,
    `import https from 'node:https';\nconst req = https.request('https://x', { timeout: 5000 });\nreq.on('timeout', () => req.destroy());\nreq.end();`,
    `import { request } from 'undici';\nawait request('https://x', { headersTimeout: 5000, bodyTimeout: 5000 });`,
    `import { Agent, setGlobalDispatcher } from 'undici';\nsetGlobalDispatcher(new Agent({ headersTimeout: 10000, bodyTimeout: 10000 }));\nawait fetch('https://x');`,
    // wrappers that bound the call
    `import pTimeout from 'p-timeout';\nawait pTimeout(fetch('https://x'), { milliseconds: 1000 });`,
    { name: 'configured timeout wrapper', code: `await withDeadline(() => fetch('https://x'));`, config: { timeoutWrappers: ['withDeadline'] } },
    // suppressed
    `// fallacy-lens-disable-next-line no-timeout -- streaming endpoint, cancelled by the user\nawait fetch('https://x/stream');`,
    // regression (precision sample): options objects built in steps. The literal alone has no
    // signal/timeout; a later write adds one, so the call is bounded or at least undetermined.
    { name: 'regression: signal assigned to the init object after its literal', code: `const init: RequestInit = { method: 'GET' };\ninit.signal = AbortSignal.timeout(5000);\nawait fetch('https://x', init);` },
    { name: 'regression: timeout assigned to an axios config after its literal', code: `import axios from 'axios';\nconst options: AxiosRequestConfig = { url: 'https://x', method: 'GET' };\noptions.timeout = 5000;\nawait axios(options);` },
    { name: 'regression: Object.assign into the init object', code: `const init: RequestInit = {};\nObject.assign(init, extra);\nawait fetch('https://x', init);` },
    { name: 'regression: computed-key write into the init object', code: `const init: RequestInit = {};\ninit[key] = value;\nawait fetch('https://x', init);` },
  ],
  invalid: [
    {
      code: `await fetch('https://example.com/orders');`,
      errors: [{ line: 1, column: 7, endColumn: 12, message: 'AbortSignal.timeout' }],
      output: `await fetch('https://example.com/orders', { signal: AbortSignal.timeout(10000) });`,
    },
    {
      name: 'fetch with options but no signal',
      code: `const res = await fetch(url, { method: 'POST', body });`,
      errors: [{ line: 1, column: 19 }],
      output: `const res = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(10000) });`,
    },
    {
      name: 'multi-line options keep their layout',
      code: `await fetch(url, {\n  method: 'POST',\n  body,\n});`,
      errors: [{ line: 1, column: 7 }],
      output: `await fetch(url, {\n  method: 'POST',\n  body,\n  signal: AbortSignal.timeout(10000),\n});`,
    },
    {
      name: 'fetch ignores a timeout option',
      code: `await fetch(url, { timeout: 5000 });`,
      errors: [{ line: 1, column: 7, message: 'fetch has no `timeout` option' }],
      output: `await fetch(url, { signal: AbortSignal.timeout(5000) });`,
    },
    { name: 'window.fetch', code: `window.fetch('/api/items').then((r) => r.json());`, errors: [{ line: 1, column: 1 }] },
    { name: 'node-fetch default import', code: `import fetchImpl from 'node-fetch';\nawait fetchImpl('https://x');`, errors: [{ line: 2, column: 7 }] },
    { name: 'undici fetch', code: `import { fetch as undiciFetch } from 'undici';\nawait undiciFetch('https://x');`, errors: [{ line: 2, column: 7 }] },
    { name: 'signal: undefined does not bound', code: `await fetch(url, { signal: undefined });`, errors: [{ line: 1, column: 7 }] },
    {
      name: 'axios without timeout',
      code: `import axios from 'axios';\nawait axios.get('/users');`,
      errors: [{ line: 2, column: 7, endColumn: 16, message: 'axios waits forever' }],
      output: `import axios from 'axios';\nawait axios.get('/users', { signal: AbortSignal.timeout(10000) });`,
    },
    {
      name: 'aliased axios import',
      code: `import http from 'axios';\nawait http.post('/orders', order);`,
      errors: [{ line: 2, column: 7 }],
      output: `import http from 'axios';\nawait http.post('/orders', order, { signal: AbortSignal.timeout(10000) });`,
    },
    {
      name: 'axios timeout: 0 is explicitly unbounded',
      code: `import axios from 'axios';\nawait axios.get('/a', { timeout: 0 });`,
      errors: [{ line: 2, column: 7, message: 'to 0' }],
    },
    { name: 'axios timeout: Infinity', code: `import axios from 'axios';\nawait axios.get('/a', { timeout: Infinity });`, errors: [{ line: 2, column: 7, message: 'Infinity' }] },
    {
      name: 'instance created without timeout, fixed on the instance',
      code: `import axios from 'axios';\nconst api = axios.create({ baseURL: '/v1' });\nawait api.get('/users');`,
      errors: [{ line: 3, column: 7, related: 'created without a timeout' }],
      output: `import axios from 'axios';\nconst api = axios.create({ baseURL: '/v1', timeout: 10000 });\nawait api.get('/users');`,
    },
    {
      name: 'instance from another file without timeout',
      code: `import { api } from './api';\nexport const load = () => api.get('/users');`,
      files: { 'src/api.ts': API_WITHOUT_TIMEOUT },
      errors: [{ line: 2, column: 27, related: 'created without a timeout' }],
    },
    {
      name: 'CommonJS require of axios',
      code: `const axios = require('axios');\naxios.get('/x').then(console.log);`,
      filename: 'src/legacy.cjs',
      errors: [{ line: 2, column: 1 }],
    },
    {
      name: 'destructured require of node:http',
      code: `const { request } = require('node:http');\nconst req = request('http://localhost:3000/x');\nreq.end();`,
      filename: 'src/legacy.js',
      errors: [{ line: 2, column: 13 }],
    },
    {
      name: 'as-expression around the options',
      code: `import axios from 'axios';\nawait axios.request({ url: '/a', method: 'get' } as const);`,
      errors: [{ line: 2, column: 7 }],
    },
    {
      name: 'spread of a resolvable object without timeout',
      code: `import axios from 'axios';\nconst base = { headers: { accept: 'json' } };\nawait axios.get('/a', { ...base });`,
      errors: [{ line: 3, column: 7 }],
    },
    {
      name: 'got without timeout',
      code: `import got from 'got';\nconst body = await got.post('https://x', { json: {} }).json();`,
      errors: [{ line: 2, column: 20, message: 'got waits forever' }],
      output: `import got from 'got';\nconst body = await got.post('https://x', { json: {}, timeout: { request: 10000 } }).json();`,
    },
    { name: 'ky with timeout: false', code: `import ky from 'ky';\nawait ky.get('https://x', { timeout: false });`, errors: [{ line: 2, column: 7, message: 'false' }] },
    {
      name: 'ky instance with timeout disabled',
      code: `import ky from 'ky';\nconst client = ky.create({ timeout: false });\nawait client.get('https://x');`,
      errors: [{ line: 3, column: 7, message: 'false' }],
    },
    {
      name: 'superagent without .timeout()',
      code: `import request from 'superagent';\nconst res = await request.post('https://x').send(body);`,
      errors: [{ line: 2, column: 19, message: '.timeout(' }],
      output: `import request from 'superagent';\nconst res = await request.post('https://x').timeout({ response: 10000, deadline: 10000 }).send(body);`,
    },
    {
      name: 'http timeout without destroy',
      code: `import http from 'node:http';\nconst req = http.get('http://localhost/x', { timeout: 5000 });\nreq.end();`,
      errors: [{ line: 2, column: 13, message: "only emits a 'timeout' event" }],
    },
    {
      name: 'undici request without timers',
      code: `import { request } from 'undici';\nconst { body } = await request('https://x');`,
      errors: [{ line: 2, column: 24, message: 'idle timers' }],
    },
    {
      name: 'Promise.race leaves the request running (information)',
      code: `await Promise.race([fetch('https://x'), sleep(1000)]);`,
      errors: [{ line: 1, column: 21, severity: 'info', message: 'keeps running' }],
    },
    {
      name: 'disable-line for another rule does not suppress',
      code: `await fetch('https://x'); // fallacy-lens-disable-line no-retry`,
      errors: [{ line: 1, column: 7 }],
    },
    {
      name: 'severity from the configuration',
      code: `await fetch('https://x');`,
      config: { rules: { 'no-timeout': 'error' } },
      errors: [{ line: 1, column: 7, severity: 'error' }],
    },
    {
      name: 'test files are reported one level lower',
      code: `await fetch('https://x');`,
      filename: 'src/orders.test.ts',
      errors: [{ line: 1, column: 7, severity: 'info' }],
    },
    {
      name: 'regression: JSX in a .js file parses with both parsers (homarr docs theme)',
      code: `export function Like() {\n  return <button onClick={() => fetch('/api/like')}>Like</button>;\n}`,
      filename: 'src/Like.js',
      errors: [{ line: 2, column: 33 }],
    },
    {
      name: 'JSX file',
      code: `export const Button = () => <button onClick={() => fetch('/api/like', { method: 'POST' })}>Like</button>;`,
      filename: 'src/Button.tsx',
      errors: [{ line: 1, column: 52 }],
    },
    {
      name: 'regression guard: a write of another key does not hide a missing signal',
      code: `const config: RequestInit = { method: 'GET' };\nconfig.body = JSON.stringify(data);\nawait fetch('https://x', config);`,
      errors: [{ line: 3, column: 7 }],
    },
  ],
});
