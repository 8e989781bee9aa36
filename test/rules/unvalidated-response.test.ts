import { runRuleTests } from '../rule-tester';

runRuleTests('unvalidated-response', {
  valid: [
    // validated before use
    `const res = await fetch(url);\nconst user = UserSchema.parse(await res.json());`,
    `const res = await fetch(url);\nconst raw = (await res.json()) as User;\nconst user = UserSchema.parse(raw);`,
    `import * as v from 'valibot';\nconst res = await fetch(url);\nconst body: Order = await res.json();\nconst order = v.parse(OrderSchema, body);`,
    `const res = await fetch(url);\nconst body = (await res.json()) as Invoice;\nif (!isInvoice(body)) throw new Error('bad invoice');`,
    `import axios from 'axios';\nconst { data } = await axios.get<User>('/me');\nconst user = validate(data);`,
    // claims nothing
    `const res = await fetch(url);\nconst body: unknown = await res.json();`,
    `const res = await fetch(url);\nconst body = (await res.json()) as unknown;`,
    `const res = await fetch(url);\nconst body: any = await res.json();`,
    // untyped, or the response is handed on
    `const res = await fetch(url);\nconst body = await res.json();`,
    `import axios from 'axios';\nexport async function me() { const res = await axios.get<User>('/me'); return res; }`,
    // JavaScript has no type assertions to check
    { code: `const res = await fetch(url);\n/** @type {User} */\nconst user = await res.json();`, filename: 'src/x.js' },
    // lookalikes: not a network response
    `const res = new Response('{}');\nconst user = (await res.json()) as User;`,
    `const user = (await this.cache.get(key)) as User;`,
    `const data = JSON.parse(text) as Config;\nawait fetch(url);`,
    `const res = await fetch(url);\n// fallacy-lens-disable-next-line unvalidated-response -- internal service, same repo\nconst user = (await res.json()) as User;`,
  ],
  invalid: [
    {
      code: `const res = await fetch('https://api.example.com/me');\nconst user = (await res.json()) as User;\nrender(user.name);`,
      errors: [{ line: 2, column: 36, endColumn: 40, message: '`User` is only a claim about what fetch returns', severity: 'info' }],
    },
    { name: 'angle-bracket assertion', code: `const res = await fetch(url);\nconst user = <User>await res.json();`, errors: [{ line: 2, column: 15 }] },
    { name: 'typed declaration', code: `const res = await fetch(url);\nconst order: Order = await res.json();`, errors: [{ line: 2, column: 14, message: 'typia `assert<Order>(body)`' }] },
    { name: 'returned assertion', code: `export async function me(): Promise<User> {\n  const res = await fetch('/me');\n  return (await res.json()) as User;\n}`, errors: [{ line: 3, column: 32 }] },
    { name: 'as unknown as T still asserts T', code: `const res = await fetch(url);\nconst user = (await res.json()) as unknown as User;`, errors: [{ line: 2, column: 47 }] },
    { name: 'validated only after another use', code: `const res = await fetch(url);\nconst user = (await res.json()) as User;\nconsole.log(user.id);\nUserSchema.parse(user);`, errors: [{ line: 2, column: 36 }] },
    { name: 'axios type argument, destructured', code: `import axios from 'axios';\nconst { data } = await axios.get<User[]>('/users');\nrender(data);`, errors: [{ line: 2, column: 34, message: '`User[]`' }] },
    { name: 'axios instance type argument, res.data', code: `import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://api.example.com' });\nconst res = await api.post<Order>('/orders', body);\nship(res.data.id);`, errors: [{ line: 3, column: 28, message: 'api.post' }] },
    { name: 'res.data as T', code: `import axios from 'axios';\nconst res = await axios.get('/me');\nconst me = res.data as User;`, errors: [{ line: 3, column: 24 }] },
    { name: 'got json type argument', code: `import got from 'got';\nconst user = await got('https://x/me').json<User>();`, errors: [{ line: 2, column: 45 }] },
    { name: 'ky alias, json type argument', code: `import http from 'ky';\nconst user = await http.get('https://x/me').json<User>();`, errors: [{ line: 2, column: 50 }] },
    { name: 'node-fetch', code: `import fetch from 'node-fetch';\nconst res = await fetch(url);\nconst user = (await res.json()) as User;`, errors: [{ line: 3, column: 36 }] },
    { name: '.tsx file', code: `const res = await fetch(url);\nconst user = (await res.json()) as User;\nexport const view = <p>{user.name}</p>;`, filename: 'src/view.tsx', errors: [{ line: 2, column: 36 }] },
  ],
});
