import { runRuleTests } from '../rule-tester';

runRuleTests('request-in-loop', {
  valid: [
    {
      name: 'regression: a flag-driven retry loop repeats attempts, not items (novu email webhook)',
      code: `let sent = false;\nfor (let retries = 0; !sent && retries < 3; retries += 1) {\n  try {\n    await fetch(url, { method: 'POST', body });\n    sent = true;\n  } catch (error) {\n    await sleep(100);\n  }\n}`,
    },
    // not awaited in the loop body
    `const results = await Promise.all(ids.map((id) => fetch(\`/items/\${id}\`)));`,
    `for (const id of ids) queue.push(() => fetch(\`/items/\${id}\`));`,
    `for (const id of ids) { promises.push(fetch(\`/items/\${id}\`)); }\nawait Promise.all(promises);`,
    `for (const row of await (await fetch('/rows')).json()) render(row);`,
    // pagination: the next URL or cursor comes from the last response
    `let url: string | null = '/items?page=1';\nwhile (url) {\n  const res = await fetch(url);\n  const body = await res.json();\n  items.push(...body.items);\n  url = body.next;\n}`,
    `import axios from 'axios';\nlet cursor: string | undefined;\ndo {\n  const { data } = await axios.get('/events', { params: { cursor }, timeout: 5000 });\n  handle(data.events);\n  cursor = data.nextCursor;\n} while (cursor);`,
    `for (let page = 1; ; page++) {\n  const res = await fetch(\`/items?page=\${page}\`);\n  const batch = await res.json();\n  if (batch.length === 0) break;\n  all.push(...batch);\n}`,
    // polling until done
    `let status = 'pending';\nwhile (status !== 'done') {\n  status = (await (await fetch('/job/1')).json()).status;\n  await sleep(1000);\n}`,
    // retry loops: iterations are attempts, not items
    `for (let attempt = 0; attempt < 3; attempt++) {\n  try {\n    return await fetch(url);\n  } catch (error) {\n    await sleep(100 * 2 ** attempt);\n  }\n}`,
    // failover: stops at the first success
    `for (const mirror of mirrors) {\n  try {\n    const res = await fetch(mirror);\n    return await res.json();\n  } catch {\n    continue;\n  }\n}`,
    `for (const mirror of mirrors) {\n  const res = await fetch(mirror);\n  if (res.ok) return res.json();\n}`,
    // a request in a nested function defined in the loop is not made by the loop
    `for (const id of ids) handlers.set(id, async () => await fetch(\`/items/\${id}\`));`,
    // lookalikes
    `for (const key of keys) { await this.cache.get(key); }`,
    `async function fetch(u: string) { return u; }\nfor (const u of urls) await fetch(u);`,
    `// fallacy-lens-disable-next-line request-in-loop -- the API allows one call at a time\nfor (const id of ids) await fetch(\`/items/\${id}\`);`,
  ],
  invalid: [
    {
      code: `for (const id of ids) {\n  const res = await fetch(\`https://api.example.com/items/\${id}\`);\n  items.push(await res.json());\n}`,
      errors: [{ line: 2, column: 21, endColumn: 26, message: 'each item waits a full round trip', severity: 'info', related: 'One request per iteration' }],
    },
    { name: 'mentions transport cost and bounded concurrency', code: `for (const id of ids) await fetch(\`/items/\${id}\`);`, errors: [{ line: 1, column: 29, message: /transport cost is not zero.*p-limit/ }] },
    { name: 'counting for loop', code: `for (let i = 0; i < ids.length; i++) {\n  await fetch('/items/' + ids[i]);\n}`, errors: [{ line: 2, column: 9 }] },
    { name: 'for…in', code: `for (const key in table) {\n  await fetch('/rows/' + key, { method: 'DELETE' });\n}`, errors: [{ line: 2, column: 9 }] },
    { name: 'while over a queue', code: `while (queue.length > 0) {\n  const job = queue.shift();\n  await fetch(job.url);\n}`, errors: [{ line: 3, column: 9 }] },
    { name: 'do…while over items', code: `let i = 0;\ndo {\n  await fetch(urls[i]);\n  i++;\n} while (i < urls.length);`, errors: [{ line: 3, column: 9 }] },
    { name: 'axios instance, CommonJS', code: `const axios = require('axios');\nconst api = axios.create({ timeout: 1000 });\nasync function sync(users) {\n  for (const user of users) {\n    await api.post('/users', user);\n  }\n}`, filename: 'src/sync.js', errors: [{ line: 5, column: 11, message: 'api.post' }] },
    { name: 'got alias with .json()', code: `import request from 'got';\nfor (const id of ids) {\n  const item = await request(\`https://x/items/\${id}\`).json();\n}`, errors: [{ line: 3, column: 22 }] },
    { name: 'as expression', code: `for (const id of ids) {\n  const res = (await fetch(\`/items/\${id}\`)) as Response;\n}`, errors: [{ line: 2, column: 22 }] },
    { name: 'stopping on failure is still one request per item', code: `for (const id of ids) {\n  const res = await fetch(\`/items/\${id}\`);\n  if (!res.ok) break;\n}`, errors: [{ line: 2, column: 21 }] },
    { name: 'a retry loop inside an item loop: the item loop still counts', code: `for (const id of ids) {\n  for (let attempt = 0; attempt < 3; attempt++) {\n    try {\n      await fetch(\`/items/\${id}\`);\n      break;\n    } catch {}\n  }\n}`, errors: [{ line: 4, column: 13 }] },
    { name: 'async forEach', code: `ids.forEach(async (id) => {\n  await fetch(\`/items/\${id}\`, { method: 'DELETE' });\n});`, errors: [{ line: 2, column: 9, message: '`forEach` does not wait', related: 'The forEach' }] },
  ],
});
