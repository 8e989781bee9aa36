import { runRuleTests } from '../rule-tester';

runRuleTests('unchecked-status', {
  valid: [
    // the status is looked at before the body is read
    `const res = await fetch(url);\nif (!res.ok) throw new Error(String(res.status));\nconst data = await res.json();`,
    `const res = await fetch(url);\nif (res.status === 404) return null;\nreturn res.json();`,
    `const res = await fetch(url);\nswitch (res.status) { case 200: return res.json(); default: throw new Error('x'); }`,
    `fetch(url).then((r) => { if (!r.ok) throw new Error('bad'); return r.json(); });`,
    `fetch(url).then((r) => (r.ok ? r.json() : null));`,
    `const { ok, status } = await fetch(url);\nif (!ok) throw new Error(String(status));`,
    `const ok = (await fetch(url)).ok;`,
    // a raw read may be checked afterwards: the error body is the error message
    `const res = await fetch(url);\nconst text = await res.text();\nif (!res.ok) throw new Error(text);`,
    // handed on or returned: the caller may check it (undetermined)
    `const res = await fetch(url);\nassertOk(res);\nconst data = await res.json();`,
    `export async function load(u: string) { return fetch(u); }`,
    `export async function load(u: string) { const res = await fetch(u); return res; }`,
    `fetch(url).then(handleResponse);`,
    `let res = await fetch(url);\nres = await fetch(other);\nawait res.json();`,
    // fire-and-forget: nothing relies on the answer
    `fetch('https://example.com/beacon', { method: 'POST', body });`,
    // clients that reject on HTTP errors by default
    `import axios from 'axios';\nconst { data } = await axios.get('/users');`,
    `import got from 'got';\nconst users = await got('https://x/users').json();`,
    `import ky from 'ky';\nconst users = await ky.get('https://x/users').json();`,
    `import axios from 'axios';\nconst res = await axios.get('/u', { validateStatus: (s) => s < 500 });\nuse(res.data);`,
    // lookalikes
    `function fetch(u: string) { return { json: () => u }; }\nconst res = fetch('x');\nres.json();`,
    `const res = new Response('{}');\nconst data = await res.json();`,
    `class Store { cache = new Map(); async load(key: string) { const hit = await this.cache.get(key); return hit.json(); } }`,
    // suppressed
    `const res = await fetch(url);\n// fallacy-lens-disable-next-line unchecked-status -- the endpoint always answers 200\nconst data = await res.json();`,
    // regression (precision sample, novu): axios config from a call or a parameter cannot be
    // resolved, so whether it sets validateStatus is unknown; axios rejects by default.
    {
      name: 'regression: axios config returned by a helper is not a validateStatus that accepts everything',
      code: `import axios from 'axios';\nconst api = axios.create();\nconst { data: body } = await api.post('/events', payload, buildHeaders(session));\nuse(body);`,
    },
    {
      name: 'regression: axios.delete with a config parameter is not a validateStatus that accepts everything',
      code: `import axios from 'axios';\nexport function remove(url: string, config = {}) {\n  return axios.delete(url, config).then((response) => response.data);\n}`,
    },
  ],
  invalid: [
    {
      name: 'json without a check, with the quick fix',
      code: `const res = await fetch('https://api.example.com/users');\nconst users = await res.json();`,
      errors: [{ line: 2, column: 21, endColumn: 29, message: 'fetch resolves on 404 and 500', severity: 'warning' }],
      output: "const res = await fetch('https://api.example.com/users');\nif (!res.ok) throw new Error(`HTTP ${res.status} from ${res.url}`);\nconst users = await res.json();",
    },
    {
      name: 'inside a function, indented fix',
      code: `async function load() {\n  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });\n  return response.json();\n}`,
      errors: [{ line: 3, column: 10, message: '`response.json()`' }],
      output: "async function load() {\n  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });\n  if (!response.ok) throw new Error(`HTTP ${response.status} from ${response.url}`);\n  return response.json();\n}",
    },
    {
      name: 'a check after a parsing read is too late',
      code: `const res = await fetch(url);\nconst body = await res.json();\nif (!res.ok) throw new Error(body.message);`,
      errors: [{ line: 2, column: 20, message: 'before anything looks at `res.ok`' }],
    },
    { name: 'formData is a parsing read', code: `const res = await fetch(url);\nconst form = await res.formData();`, errors: [{ line: 2, column: 20 }] },
    { name: 'text never checked', code: `const res = await fetch(url);\nconst html = await res.text();\nrender(html);`, errors: [{ line: 2, column: 20, message: 'never checked' }] },
    { name: 'blob', code: `const res = await fetch(url);\nsave(await res.blob());`, errors: [{ line: 2, column: 12 }] },
    { name: 'arrayBuffer', code: `const res = await fetch(url);\nconst bytes = new Uint8Array(await res.arrayBuffer());`, errors: [{ line: 2, column: 36 }] },
    { name: 'then callback', code: `fetch('/api/items').then((r) => r.json()).then(render);`, errors: [{ line: 1, column: 33, endColumn: 39, message: '`r.json()`' }] },
    { name: 'then with a function expression', code: `fetch(url).then(function (response) {\n  return response.json();\n});`, errors: [{ line: 2, column: 10 }] },
    { name: 'awaited and read at once', code: `async function f() {\n  return (await fetch(url)).json();\n}`, errors: [{ line: 2, column: 10, message: 'straight from fetch' }] },
    { name: 'as expression around the call', code: `const res = (await fetch(url)) as Response;\nconst data = await res.json();`, errors: [{ line: 2, column: 20 }] },
    { name: 'non-null on the response', code: `const res = await fetch(url);\nconst data = await res!.json();`, errors: [{ line: 2, column: 20 }] },
    { name: 'headers are not a status check', code: `const res = await fetch(url);\nconsole.log(res.headers.get('etag'));\nconst data = await res.json();`, errors: [{ line: 3, column: 20 }] },
    { name: 'a check of another response does not count', code: `const a = await fetch(u1);\nconst b = await fetch(u2);\nif (!a.ok) throw new Error('a');\nawait a.json();\nawait b.json();`, errors: [{ line: 5, column: 7, message: '`b.json()`' }] },
    {
      name: 'discarded POST',
      code: `await fetch('https://api.example.com/orders', { method: 'POST', body });`,
      errors: [{ line: 1, column: 7, endColumn: 12, message: 'awaited and dropped' }],
    },
    { name: 'response never used', code: `const res = await fetch(url, { method: 'DELETE' });\ndone();`, errors: [{ line: 1, column: 19, message: 'awaited and dropped' }] },
    // every fetch-family client, aliases and CommonJS
    { name: 'globalThis.fetch', code: `const res = await globalThis.fetch(url);\nawait res.json();`, errors: [{ line: 2, column: 7 }] },
    { name: 'window.fetch', code: `window.fetch('/x').then((res) => res.text());`, errors: [{ line: 1, column: 34 }] },
    { name: 'node-fetch default import', code: `import fetchImpl from 'node-fetch';\nconst res = await fetchImpl(url);\nawait res.json();`, errors: [{ line: 3, column: 7 }] },
    { name: 'undici fetch under an alias', code: `import { fetch as get } from 'undici';\nconst res = await get(url);\nawait res.json();`, errors: [{ line: 3, column: 7 }] },
    { name: 'cross-fetch', code: `import crossFetch from 'cross-fetch';\nconst res = await crossFetch(url);\nawait res.json();`, errors: [{ line: 3, column: 7 }] },
    {
      name: 'CommonJS require of node-fetch',
      code: `const fetch = require('node-fetch');\nasync function main() {\n  const res = await fetch(url);\n  return res.json();\n}`,
      filename: 'src/legacy.js',
      errors: [{ line: 4, column: 10 }],
    },
    // clients configured not to reject on HTTP errors
    {
      name: 'axios with validateStatus: () => true',
      code: `import axios from 'axios';\nconst res = await axios.get('/users', { validateStatus: () => true });\nrender(res.data);`,
      errors: [{ line: 3, column: 8, endColumn: 16, message: 'axios resolves on 404 and 500' }],
      output: "import axios from 'axios';\nconst res = await axios.get('/users', { validateStatus: () => true });\nif (res.status >= 400) throw new Error(`HTTP ${res.status} from ${res.config.url}`);\nrender(res.data);",
    },
    {
      name: 'axios instance with validateStatus, destructured data',
      code: `import axios from 'axios';\nconst api = axios.create({ validateStatus: () => true });\nconst { data } = await api.get('/users');`,
      errors: [{ line: 3, column: 9, message: '`data`' }],
    },
    { name: 'got with throwHttpErrors: false, shortcut', code: `import got from 'got';\nconst users = await got('https://x/users', { throwHttpErrors: false }).json();`, errors: [{ line: 2, column: 21, message: 'got resolve on 404' }] },
    { name: 'got response body', code: `import got from 'got';\nconst res = await got.get('https://x', { throwHttpErrors: false });\nconsole.log(res.body);`, errors: [{ line: 3, column: 13, message: '`res.statusCode`' }] },
    { name: 'ky with throwHttpErrors: false', code: `import ky from 'ky';\nconst res = await ky('https://x', { throwHttpErrors: false });\nawait res.json();`, errors: [{ line: 3, column: 7, message: 'ky resolve' }] },
  ],
});
