import { runRuleTests } from '../rule-tester';

runRuleTests('hardcoded-endpoint', {
  valid: [
    `await fetch('https://api.example.com/users');`,
    `await fetch('http://127.0.0.1:8080/health');`,
    `await fetch('http://[::1]:3000/');`,
    `await fetch('http://0.0.0.0:4000/');`,
    { name: 'cloud metadata address is fixed by the platform', code: `await fetch('http://169.254.169.254/latest/meta-data/', { signal: AbortSignal.timeout(1000) });` },
    `import http from 'node:http';\nhttp.request({ host: 'localhost', port: 8080 });`,
    `await fetch(\`http://\${process.env.ORDERS_HOST}/orders\`);`,
    // not IPs
    `await fetch('https://1.example.com/x');`,
    `await fetch('https://v1.2.3.example.com/x');`,
    // not a network call
    `const dns = '8.8.8.8';\nconsole.log(dns);`,
    `const cache = new Map();\ncache.get('10.0.0.1');`,
    `// fallacy-lens-disable-next-line hardcoded-endpoint -- lab device\nawait fetch('https://192.168.1.20/api');`,
  ],
  invalid: [
    { code: `await fetch('https://10.0.0.5/orders');`, errors: [{ line: 1, column: 13, endColumn: 38, message: 'literal address 10.0.0.5', severity: 'info' }] },
    { name: 'public IPv4 with port', code: `await fetch('http://203.0.113.7:8080/x');`, errors: [{ line: 1, column: 13, message: '203.0.113.7' }] },
    { name: 'IPv6 literal', code: `await fetch('https://[2001:db8::10]/x');`, errors: [{ line: 1, column: 13, message: '2001:db8::10' }] },
    { name: 'through a const, reported once', code: `const BASE = 'https://192.168.1.20';\nawait fetch(BASE + '/a');\nawait fetch(BASE + '/b');`, errors: [{ line: 1, column: 14 }] },
    { name: 'template literal', code: 'await fetch(`https://10.20.30.40/users/${id}`);', errors: [{ line: 1, column: 13 }] },
    { name: 'axios instance baseURL', code: `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://172.16.0.9/api' });\nawait api.get('/x');`, errors: [{ line: 2, column: 37, message: 'api.get' }] },
    { name: 'node:http host option', code: `import http from 'node:http';\nhttp.request({ host: '10.0.0.8', port: 80, path: '/' });`, errors: [{ line: 2, column: 22 }] },
    { name: 'https hostname option, CommonJS', code: `const https = require('https');\nhttps.get({ hostname: '52.1.2.3', path: '/x' });`, filename: 'src/x.js', errors: [{ line: 2, column: 23 }] },
    { name: 'got alias', code: `import request from 'got';\nawait request.post('http://10.0.0.1/jobs');`, errors: [{ line: 2, column: 20 }] },
    { name: 'ky', code: `import ky from 'ky';\nawait ky.get('https://100.64.0.3/x').json();`, errors: [{ line: 2, column: 14 }] },
    { name: 'undici request', code: `import { request } from 'undici';\nawait request('http://10.9.8.7:9000/x');`, errors: [{ line: 2, column: 15 }] },
  ],
});
