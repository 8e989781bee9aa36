import { runRuleTests } from '../rule-tester';

runRuleTests('insecure-transport', {
  valid: [
    {
      name: 'regression: TLS settings sent as request data configure the other system (novu e2e)',
      code: `await fetch('https://api.example.com/integrations', { method: 'POST', body: JSON.stringify({ smtp: { host, rejectUnauthorized: false } }) });`,
    },
    {
      name: 'regression: TLS settings in an axios data object',
      code: `import axios from 'axios';\nawait axios.post('https://api.example.com/integrations', { credentials: { secure: true, tlsOptions: { rejectUnauthorized: false } } });`,
    },
    `await fetch('https://api.example.com/users');`,
    // local hosts
    `await fetch('http://localhost:3000/health');`,
    `await fetch('http://127.0.0.1:8080/x');`,
    `await fetch('http://127.42.0.7/x');`,
    `await fetch('http://[::1]:9229/json');`,
    `await fetch('http://0.0.0.0:4000/');`,
    `await fetch('http://app.localhost/x');`,
    `await fetch('http://printer.local/status');`,
    `await fetch('http://metadata.google.internal/computeMetadata/v1/');`,
    `await fetch('http://orders.default.svc/api');`,
    `await fetch('http://orders.default.svc.cluster.local:8080/api');`,
    { name: 'single-label service name (Docker Compose)', code: `await fetch('http://orders:8080/api');` },
    `await fetch(\`http://localhost:\${port}/x\`);`,
    // the host is not known
    `await fetch(\`http://\${host}/x\`);`,
    `export async function get(url: string) { return fetch(url); }`,
    // not a network call: a string that is never sent, a local fetch
    `const docs = 'http://example.com/docs';\nconsole.log(docs);`,
    `function fetch(u: string) { return u; }\nfetch('http://example.com');`,
    // TLS verification left on, or not literally off
    `import https from 'node:https';\nconst agent = new https.Agent({ rejectUnauthorized: true });`,
    `const agent = { rejectUnauthorized: process.env.NODE_ENV === 'production' };`,
    `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';`,
    `const env = { NODE_TLS_REJECT_UNAUTHORIZED: '1' };\nenv.NODE_TLS_REJECT_UNAUTHORIZED = '0';`,
    // suppressed
    `// fallacy-lens-disable-next-line insecure-transport -- legacy device, no TLS\nawait fetch('http://10.0.0.5/status');`,
  ],
  invalid: [
    {
      code: `await fetch('http://api.example.com/users');`,
      errors: [{ line: 1, column: 13, endColumn: 43, message: 'api.example.com over plain `http://`', severity: 'warning' }],
      output: `await fetch('https://api.example.com/users');`,
    },
    {
      name: 'through a const',
      code: `const API = 'http://api.example.com';\nawait fetch(API + '/users');\nawait fetch(API + '/orders');`,
      errors: [{ line: 1, column: 13, message: 'fetch sends', related: 'Sent by fetch here' }],
      output: `const API = 'https://api.example.com';\nawait fetch(API + '/users');\nawait fetch(API + '/orders');`,
    },
    {
      name: 'template literal with a path',
      code: 'await fetch(`http://api.example.com/users/${id}`);',
      errors: [{ line: 1, column: 13 }],
      output: 'await fetch(`https://api.example.com/users/${id}`);',
    },
    { name: 'upper-case scheme', code: `await fetch('HTTP://Example.COM/');`, errors: [{ line: 1, column: 13, message: 'example.com' }], output: `await fetch('HTTPs://Example.COM/');` },
    { name: 'axios baseURL on an instance', code: `import axios from 'axios';\nconst api = axios.create({ baseURL: 'http://api.example.com' });\nawait api.get('/users');`, errors: [{ line: 2, column: 37, message: 'api.get' }] },
    { name: 'got prefixUrl', code: `import got from 'got';\nconst client = got.extend({ prefixUrl: 'http://api.example.com' });\nawait client.get('users');`, errors: [{ line: 2, column: 40 }] },
    { name: 'node:http get with an IP', code: `const http = require('node:http');\nhttp.get('http://10.1.2.3/metrics', (res) => res.resume());`, filename: 'src/probe.js', errors: [{ line: 2, column: 10 }] },
    { name: 'superagent', code: `import superagent from 'superagent';\nawait superagent.post('http://hooks.example.com/x').timeout(5000);`, errors: [{ line: 2, column: 23 }] },
    { name: 'credentials in the URL', code: `await fetch('http://user:secret@api.example.com/x');`, errors: [{ line: 1, column: 13, message: 'api.example.com' }] },
    { name: 'rejectUnauthorized on an https.Agent', code: `import https from 'node:https';\nconst agent = new https.Agent({ rejectUnauthorized: false });`, errors: [{ line: 2, column: 33, endColumn: 58, message: 'turns off TLS certificate verification' }] },
    {
      name: 'rejectUnauthorized in got options',
      code: `import got from 'got';\nawait got('https://x.example.com', { https: { rejectUnauthorized: false } });`,
      errors: [{ line: 2, column: 47 }],
    },
    {
      name: 'axios httpsAgent',
      code: `import axios from 'axios';\nimport { Agent } from 'https';\nawait axios.get('https://x', { httpsAgent: new Agent({ rejectUnauthorized: false }) });`,
      errors: [{ line: 3, column: 56 }],
    },
    { name: 'NODE_TLS_REJECT_UNAUTHORIZED', code: `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nawait fetch('https://x');`, errors: [{ line: 1, column: 1, message: 'every TLS connection' }] },
    { name: 'pg ssl options in a file with no HTTP client', code: `import { Pool } from 'pg';\nexport const pool = new Pool({ ssl: { rejectUnauthorized: false } });`, errors: [{ line: 2, column: 39 }] },
    { name: 'NODE_TLS_REJECT_UNAUTHORIZED, computed key', code: `process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';`, errors: [{ line: 1, column: 1 }] },
  ],
});
