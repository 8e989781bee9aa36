/**
 * Deterministic synthetic corpus for the repository-scan benchmark.
 *
 * `generateCorpus({ files, seed })` returns the same files, byte for byte, for the same options, and a
 * manifest that records every outbound network call site it wrote (file, line, client, whether it has a
 * timeout, a retry, sits in a loop or a Promise.all fan-out, uses http://, checks the status), every
 * client instance (created in one file, imported in others), and how many calls the competitors' rule
 * (`fetch(...)` and `axios.<member>(...)`) must match. Most files have no network call at all, as in a
 * real code base.
 *
 * CLI: `npx tsx bench/generate-corpus.ts [--files 2000] [--seed 1] [--out bench/.corpus/synthetic-2000-s1]`
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Client = 'fetch' | 'axios' | 'got' | 'ky';

export interface CallSite {
  file: string;
  /** 1-based line of the call's callee. */
  line: number;
  client: Client;
  /** The callee text exactly as written on `line`, e.g. `fetch`, `axios.get`, `api.post`. */
  callee: string;
  via: 'direct' | 'instance';
  /** Instance name when `via` is `instance`. */
  instance?: string;
  timeout: boolean;
  retry: 'none' | 'p-retry' | 'client-option' | 'client-default';
  inLoop: boolean;
  inFanout: boolean;
  insecure: boolean;
  statusChecked: boolean;
}

export interface InstanceSite {
  file: string;
  line: number;
  name: string;
  client: Exclude<Client, 'fetch'>;
  timeout: boolean;
  retry: boolean;
  /** Files that import the instance. */
  importedBy: string[];
}

export interface ManifestFile {
  path: string;
  lines: number;
  bytes: number;
  callSites: number;
}

export interface Manifest {
  generator: 'fallacy-lens-synthetic';
  version: 1;
  seed: number;
  fileCount: number;
  totalLines: number;
  totalBytes: number;
  files: ManifestFile[];
  callSites: CallSite[];
  instances: InstanceSite[];
  summary: {
    networkFiles: number;
    plainFiles: number;
    byClient: Record<Client, number>;
    viaInstance: number;
    withTimeout: number;
    withoutTimeout: number;
    pRetry: number;
    inLoop: number;
    inFanout: number;
    insecure: number;
    statusChecked: number;
  };
  /** What `CallExpression[callee.name='fetch'], CallExpression[callee.object.name='axios']` must match. */
  competitorMatches: { fetchCalls: number; axiosMemberCalls: number; total: number };
}

export interface GeneratedFile {
  path: string;
  text: string;
}

export interface Corpus {
  files: GeneratedFile[];
  manifest: Manifest;
}

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32): small, fast, identical on every platform.

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const ENTITIES = [
  'user', 'order', 'invoice', 'product', 'shipment', 'account', 'payment', 'report', 'session', 'ticket',
  'customer', 'review', 'warehouse', 'coupon', 'subscription', 'notification', 'catalog', 'refund', 'carrier',
  'tenant', 'project', 'comment', 'attachment', 'webhook', 'ledger', 'quote', 'supplier', 'schedule',
] as const;
const FIELDS = [
  'id', 'name', 'email', 'createdAt', 'updatedAt', 'status', 'total', 'currency', 'quantity', 'price', 'owner',
  'tags', 'notes', 'region', 'priority', 'version', 'archived', 'score', 'weight', 'expiresAt', 'locale',
] as const;
const TYPES = ['string', 'number', 'boolean', 'Date', 'string[]', 'number | null', "'draft' | 'active' | 'closed'"] as const;
const HOSTS = [
  'api.example.com', 'billing.internal.example', 'inventory.example.net', 'auth.example.org', 'search.example.io',
  'metrics.example.com', 'files.example.net', 'geo.example.org',
] as const;
const VERBS = ['get', 'list', 'create', 'update', 'delete', 'sync', 'refresh', 'lookup', 'archive', 'import'] as const;

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A block of lines and the call sites in it (line offsets are 0-based within the block). */
interface Block {
  lines: string[];
  calls: Array<Omit<CallSite, 'file' | 'line'> & { offset: number }>;
  /** How many `fetch(` / `axios.x(` calls the block contains (for the competitors' expected count). */
  fetchCalls: number;
  axiosMemberCalls: number;
}

function plain(lines: string[]): Block {
  return { lines, calls: [], fetchCalls: 0, axiosMemberCalls: 0 };
}

// ---------------------------------------------------------------------------------------------
// Ordinary, non-network code.

function interfaceBlock(rng: Rng, entity: string): Block {
  const n = rng.int(4, 10);
  const lines = [`/** A ${entity} as the rest of the application sees it. */`, `export interface ${cap(entity)}Record {`];
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    const f = rng.pick(FIELDS);
    if (used.has(f)) continue;
    used.add(f);
    lines.push(`  ${f}${rng.chance(0.2) ? '?' : ''}: ${rng.pick(TYPES)};`);
  }
  lines.push('}', '');
  return plain(lines);
}

function enumBlock(rng: Rng, entity: string): Block {
  const states = ['Pending', 'Active', 'Suspended', 'Closed', 'Failed', 'Archived', 'Queued'];
  const n = rng.int(3, states.length);
  const lines = [`export enum ${cap(entity)}State {`];
  for (let i = 0; i < n; i++) lines.push(`  ${states[i]} = '${states[i]!.toLowerCase()}',`);
  lines.push('}', '');
  return plain(lines);
}

function pureFunctionBlock(rng: Rng, entity: string, idx: number): Block {
  const E = cap(entity);
  const variant = rng.int(0, 5);
  const name = `${rng.pick(['compute', 'derive', 'normalize', 'summarize', 'rank', 'group'])}${E}${idx}`;
  switch (variant) {
    case 0:
      return plain([
        `export function ${name}(items: ReadonlyArray<{ score: number; weight: number }>): number {`,
        '  let total = 0;',
        '  let weights = 0;',
        '  for (const item of items) {',
        '    if (!Number.isFinite(item.score) || item.weight <= 0) continue;',
        '    total += item.score * item.weight;',
        '    weights += item.weight;',
        '  }',
        '  return weights === 0 ? 0 : Math.round((total / weights) * 100) / 100;',
        '}',
        '',
      ]);
    case 1:
      return plain([
        `export function ${name}<T extends { id: string }>(rows: T[], key: (row: T) => string): Map<string, T[]> {`,
        '  const groups = new Map<string, T[]>();',
        '  for (const row of rows) {',
        '    const k = key(row);',
        '    const bucket = groups.get(k);',
        '    if (bucket) bucket.push(row);',
        '    else groups.set(k, [row]);',
        '  }',
        '  return groups;',
        '}',
        '',
      ]);
    case 2:
      return plain([
        `export const ${name} = (input: string): string =>`,
        '  input',
        '    .trim()',
        "    .toLowerCase()",
        "    .replace(/[^a-z0-9]+/g, '-')",
        "    .replace(/^-+|-+$/g, '');",
        '',
      ]);
    case 3: {
      const cases = rng.int(3, 6);
      const lines = [
        `export function ${name}(state: ${E}View, action: ${E}Action): ${E}View {`,
        '  switch (action.type) {',
      ];
      for (let c = 0; c < cases; c++) {
        lines.push(`    case '${entity}/${rng.pick(VERBS)}${c}':`);
        lines.push(`      return { ...state, revision: state.revision + ${c + 1}, dirty: ${c % 2 === 0} };`);
      }
      lines.push('    default:', '      return state;', '  }', '}', '');
      return plain(lines);
    }
    case 4:
      return plain([
        `export function ${name}(values: number[]): { min: number; max: number; mean: number } {`,
        '  if (values.length === 0) return { min: 0, max: 0, mean: 0 };',
        '  let min = Infinity;',
        '  let max = -Infinity;',
        '  let sum = 0;',
        '  for (let i = 0; i < values.length; i++) {',
        '    const v = values[i] ?? 0;',
        '    if (v < min) min = v;',
        '    if (v > max) max = v;',
        '    sum += v;',
        '  }',
        '  return { min, max, mean: sum / values.length };',
        '}',
        '',
      ]);
    default:
      return plain([
        `export function ${name}(record: Partial<${E}Record>): string[] {`,
        '  const problems: string[] = [];',
        `  if (!record.id) problems.push('${entity}: id is required');`,
        `  if (record.name !== undefined && record.name.length > 200) problems.push('${entity}: name is too long');`,
        "  if (record.email !== undefined && !/^[^@\\s]+@[^@\\s]+$/.test(record.email)) problems.push('invalid email');",
        '  return problems;',
        '}',
        '',
      ]);
  }
}

function classBlock(rng: Rng, entity: string, idx: number): Block {
  const E = cap(entity);
  const lines = [
    `/** In-memory store of ${entity} records with change listeners. */`,
    `export class ${E}Store${idx} {`,
    `  private readonly items = new Map<string, ${E}Record>();`,
    `  private readonly listeners = new Set<(item: ${E}Record) => void>();`,
    '',
    `  upsert(item: ${E}Record): void {`,
    '    this.items.set(String(item.id), item);',
    '    for (const listener of this.listeners) listener(item);',
    '  }',
    '',
    `  find(id: string): ${E}Record | undefined {`,
    '    return this.items.get(id);',
    '  }',
    '',
    `  onChange(listener: (item: ${E}Record) => void): () => void {`,
    '    this.listeners.add(listener);',
    '    return () => this.listeners.delete(listener);',
    '  }',
  ];
  const extra = rng.int(0, 3);
  for (let i = 0; i < extra; i++) {
    lines.push(
      '',
      `  ${rng.pick(['count', 'size', 'tally'])}${i}(predicate: (item: ${E}Record) => boolean): number {`,
      '    let n = 0;',
      '    for (const item of this.items.values()) if (predicate(item)) n++;',
      '    return n;',
      '  }',
    );
  }
  lines.push('}', '');
  return plain(lines);
}

function constantsBlock(rng: Rng, entity: string): Block {
  const n = rng.int(3, 8);
  const lines = [`export const ${entity.toUpperCase()}_LIMITS = {`];
  for (let i = 0; i < n; i++) lines.push(`  ${rng.pick(FIELDS)}${i}: ${rng.int(1, 5000)},`);
  lines.push('} as const;', '');
  return plain(lines);
}

function ensureHeader(entity: string): string[] {
  const E = cap(entity);
  // Every file that uses the entity's types declares them locally, so each file stands alone.
  return [
    `type ${E}Record = { id: string; name?: string; email?: string; [key: string]: unknown };`,
    `interface ${E}View { revision: number; dirty: boolean }`,
    `type ${E}Action = { type: string; payload?: unknown };`,
    '',
  ];
}

// ---------------------------------------------------------------------------------------------
// Network code.

interface Ctx {
  rng: Rng;
  entity: string;
  /** Instances this file imports. */
  imported: Array<{ name: string; client: Exclude<Client, 'fetch'>; timeout: boolean; retry: boolean }>;
  needsPRetry: boolean;
  needs: Set<Client>;
}

function url(rng: Rng, entity: string, insecure: boolean, suffix = ''): string {
  const host = rng.pick(HOSTS);
  return `\`${insecure ? 'http' : 'https'}://${host}/v${rng.int(1, 3)}/${entity}s${suffix}\``;
}

function timeoutOption(client: Client): string {
  switch (client) {
    case 'fetch':
      return 'signal: AbortSignal.timeout(5_000)';
    case 'axios':
      return 'timeout: 5_000';
    case 'got':
      return 'timeout: { request: 5_000 }';
    case 'ky':
      return 'timeout: 5_000';
  }
}

/** One network function: a call (direct or through an imported instance), maybe retried, in a loop or fan-out. */
function networkFunction(ctx: Ctx, idx: number): Block {
  const { rng, entity } = ctx;
  const E = cap(entity);
  const useInstance = ctx.imported.length > 0 && rng.chance(0.45);
  const inst = useInstance ? rng.pick(ctx.imported) : undefined;
  const client: Client = inst ? inst.client : rng.pick(['fetch', 'fetch', 'axios', 'axios', 'got', 'ky'] as const);
  if (!inst) ctx.needs.add(client);
  const shape = rng.pick(['single', 'single', 'single', 'loop', 'fanout', 'retry'] as const);
  const timeout = rng.chance(0.4);
  const insecure = rng.chance(0.08);
  const statusChecked = client === 'fetch' ? rng.chance(0.5) : false;
  const method = rng.pick(['get', 'get', 'post', 'put', 'delete'] as const);
  const fnName = `${rng.pick(VERBS)}${E}${idx}`;
  const lines: string[] = [];
  const calls: Block['calls'] = [];
  let fetchCalls = 0;
  let axiosMemberCalls = 0;

  // The expression for one request; `target` is a URL expression (direct) or a path (instance).
  const requestExpr = (target: string): { text: string; callee: string } => {
    const hasBody = method === 'post' || method === 'put';
    if (inst) {
      const opts: string[] = [];
      if (timeout) opts.push(timeoutOption(client));
      if (client === 'axios') {
        const args = hasBody ? `${target}, body` : target;
        return { text: `${inst.name}.${method}(${args}${opts.length ? `, { ${opts.join(', ')} }` : ''})`, callee: `${inst.name}.${method}` };
      }
      if (hasBody) opts.push('json: body');
      return { text: `${inst.name}.${method}(${target}${opts.length ? `, { ${opts.join(', ')} }` : ''})${client === 'ky' ? '.json()' : ''}`, callee: `${inst.name}.${method}` };
    }
    switch (client) {
      case 'fetch': {
        const opts: string[] = [];
        if (method !== 'get') opts.push(`method: '${method.toUpperCase()}'`);
        if (hasBody) opts.push("headers: { 'content-type': 'application/json' }", 'body: JSON.stringify(body)');
        if (timeout) opts.push(timeoutOption('fetch'));
        fetchCalls++;
        return { text: `fetch(${target}${opts.length ? `, { ${opts.join(', ')} }` : ''})`, callee: 'fetch' };
      }
      case 'axios': {
        const opts = timeout ? `, { ${timeoutOption('axios')} }` : '';
        axiosMemberCalls++;
        return { text: `axios.${method}(${target}${hasBody ? ', body' : ''}${opts})`, callee: `axios.${method}` };
      }
      case 'got': {
        const opts: string[] = [];
        if (hasBody) opts.push('json: body');
        if (timeout) opts.push(timeoutOption('got'));
        return { text: `got.${method}(${target}${opts.length ? `, { ${opts.join(', ')} }` : ''}).json()`, callee: `got.${method}` };
      }
      case 'ky': {
        const opts: string[] = [];
        if (hasBody) opts.push('json: body');
        if (timeout) opts.push(timeoutOption('ky'));
        return { text: `ky.${method}(${target}${opts.length ? `, { ${opts.join(', ')} }` : ''}).json()`, callee: `ky.${method}` };
      }
    }
  };
  const target = (suffix: string): string => (inst ? `\`/${entity}s${suffix}\`` : url(rng, entity, insecure, suffix));
  // Effective configuration: an instance's defaults count; got and ky retry idempotent methods by default.
  const retry: CallSite['retry'] = inst?.retry
    ? 'client-option'
    : (client === 'ky' || client === 'got') && method !== 'post'
      ? 'client-default'
      : 'none';
  const record = (offset: number, callee: string, extra: Partial<CallSite>): void => {
    calls.push({
      offset,
      client,
      callee,
      via: inst ? 'instance' : 'direct',
      ...(inst ? { instance: inst.name } : {}),
      timeout: timeout || (inst?.timeout ?? false),
      retry,
      inLoop: false,
      inFanout: false,
      insecure: inst ? false : insecure,
      statusChecked,
      ...extra,
    });
  };
  const bodyParam = method === 'post' || method === 'put' ? `, body: Partial<${E}Record>` : '';
  const afterFetch = (indent: string, res: string): string[] =>
    client === 'fetch' && !inst
      ? [
          ...(statusChecked ? [`${indent}if (!${res}.ok) throw new Error(\`${entity} request failed: \${${res}.status}\`);`] : []),
          `${indent}const data = (await ${res}.json()) as ${E}Record;`,
        ]
      : client === 'axios'
        ? [`${indent}const data = ${res}.data as ${E}Record;`]
        : [`${indent}const data = ${res} as ${E}Record;`];

  if (shape === 'single') {
    const req = requestExpr(target('/${id}'));
    lines.push(`export async function ${fnName}(id: string${bodyParam}): Promise<${E}Record> {`);
    record(lines.length, req.callee, {});
    lines.push(`  const res = await ${req.text};`);
    lines.push(...afterFetch('  ', 'res'));
    lines.push('  return data;', '}', '');
  } else if (shape === 'loop') {
    const req = requestExpr(target('/${id}'));
    lines.push(`export async function ${fnName}(ids: string[]${bodyParam}): Promise<${E}Record[]> {`);
    lines.push(`  const out: ${E}Record[] = [];`);
    lines.push('  for (const id of ids) {');
    record(lines.length, req.callee, { inLoop: true });
    lines.push(`    const res = await ${req.text};`);
    lines.push(...afterFetch('    ', 'res'));
    lines.push('    out.push(data);', '  }', '  return out;', '}', '');
  } else if (shape === 'fanout') {
    const req = requestExpr(target('/${id}'));
    lines.push(`export async function ${fnName}(ids: string[]${bodyParam}): Promise<unknown[]> {`);
    lines.push('  return Promise.all(');
    lines.push('    ids.map(async (id) => {');
    record(lines.length, req.callee, { inFanout: true });
    lines.push(`      const res = await ${req.text};`);
    lines.push(...afterFetch('      ', 'res'));
    lines.push('      return data;', '    }),', '  );', '}', '');
  } else {
    ctx.needsPRetry = true;
    const req = requestExpr(target('/${id}'));
    lines.push(`export async function ${fnName}(id: string${bodyParam}): Promise<${E}Record> {`);
    lines.push('  return pRetry(');
    lines.push('    async () => {');
    record(lines.length, req.callee, { retry: 'p-retry' });
    lines.push(`      const res = await ${req.text};`);
    lines.push(...afterFetch('      ', 'res'));
    lines.push('      return data;', '    },', `    { retries: ${rng.int(2, 5)} },`, '  );', '}', '');
  }
  return { lines, calls, fetchCalls, axiosMemberCalls };
}

// ---------------------------------------------------------------------------------------------
// Files.

interface FileBuild {
  path: string;
  lines: string[];
  calls: CallSite[];
  fetchCalls: number;
  axiosMemberCalls: number;
}

function append(fb: FileBuild, block: Block): void {
  const base = fb.lines.length;
  for (const c of block.calls) {
    const { offset, ...rest } = c;
    fb.calls.push({ ...rest, file: fb.path, line: base + offset + 1 });
  }
  fb.lines.push(...block.lines);
  fb.fetchCalls += block.fetchCalls;
  fb.axiosMemberCalls += block.axiosMemberCalls;
}

function relImport(from: string, to: string): string {
  let rel = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, '');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

const IMPORT_OF: Record<Exclude<Client, 'fetch'>, string> = {
  axios: "import axios from 'axios';",
  got: "import got from 'got';",
  ky: "import ky from 'ky';",
};

/** Plain (non-network) lines to fill a file to roughly `target` lines. */
function fillPlain(rng: Rng, fb: FileBuild, entity: string, target: number, start = 0): void {
  let i = start;
  while (fb.lines.length < target) {
    const kind = rng.int(0, 5);
    if (kind === 0) append(fb, interfaceBlock(rng, `${entity}${i}`));
    else if (kind === 1) append(fb, enumBlock(rng, `${entity}${i}`));
    else if (kind === 2) append(fb, classBlock(rng, entity, i));
    else if (kind === 3) append(fb, constantsBlock(rng, `${entity}${i}`));
    else append(fb, pureFunctionBlock(rng, entity, i));
    i++;
  }
}

export interface GenerateOptions {
  files?: number;
  seed?: number;
}

export function generateCorpus(options: GenerateOptions = {}): Corpus {
  const fileCount = Math.max(10, options.files ?? 2000);
  const seed = options.seed ?? 1;
  const rng = new Rng(seed);

  // Instance modules: one per ~150 files, each exporting 1-3 instances.
  const instanceModules = Math.max(1, Math.round(fileCount / 150));
  const builds: FileBuild[] = [];
  const instances: InstanceSite[] = [];
  for (let m = 0; m < instanceModules; m++) {
    const fb: FileBuild = { path: `src/http/clients${m}.ts`, lines: [], calls: [], fetchCalls: 0, axiosMemberCalls: 0 };
    const kinds = new Set<Exclude<Client, 'fetch'>>();
    const n = rng.int(1, 3);
    const made: Array<{ name: string; client: Exclude<Client, 'fetch'>; timeout: boolean; retry: boolean; offset: number }> = [];
    const body: string[] = [];
    for (let k = 0; k < n; k++) {
      const client = rng.pick(['axios', 'axios', 'got', 'ky'] as const);
      kinds.add(client);
      const name = `${client === 'axios' ? 'api' : client === 'got' ? 'http' : 'kyApi'}${m}_${k}`;
      const timeout = rng.chance(0.5);
      const retry = client !== 'axios' && rng.chance(0.5);
      const host = rng.pick(HOSTS);
      made.push({ name, client, timeout, retry, offset: body.length });
      if (client === 'axios') {
        body.push(`export const ${name} = axios.create({ baseURL: 'https://${host}'${timeout ? ', timeout: 8_000' : ''} });`);
      } else if (client === 'got') {
        body.push(`export const ${name} = got.extend({ prefixUrl: 'https://${host}'${timeout ? ', timeout: { request: 8_000 }' : ''}${retry ? ', retry: { limit: 3 }' : ''} });`);
      } else {
        body.push(`export const ${name} = ky.create({ prefixUrl: 'https://${host}'${timeout ? ', timeout: 8_000' : ''}${retry ? ', retry: 3' : ''} });`);
      }
    }
    fb.lines.push('/** Shared HTTP clients. */');
    for (const k of [...kinds].sort()) fb.lines.push(IMPORT_OF[k]);
    fb.lines.push('');
    const base = fb.lines.length;
    fb.lines.push(...body, '');
    for (const inst of made) {
      if (inst.client === 'axios') fb.axiosMemberCalls++;
      instances.push({ file: fb.path, line: base + inst.offset + 1, name: inst.name, client: inst.client, timeout: inst.timeout, retry: inst.retry, importedBy: [] });
    }
    builds.push(fb);
  }

  const remaining = fileCount - builds.length;
  const areas = ['services', 'domain', 'utils', 'models', 'features', 'jobs', 'lib', 'store'];
  for (let i = 0; i < remaining; i++) {
    const area = areas[i % areas.length]!;
    const entity = rng.pick(ENTITIES);
    const roll = rng.next();
    // ~4% CommonJS scripts, ~3% React components, the rest TypeScript modules.
    const ext = roll < 0.04 ? 'js' : roll < 0.07 ? 'tsx' : 'ts';
    const dir = ext === 'js' ? 'scripts' : ext === 'tsx' ? 'components' : `src/${area}`;
    const sub = Math.floor(i / 40);
    const filePath = `${dir}/g${sub}/${entity}-${area}-${i}.${ext}`;
    const isNetwork = area === 'services' || area === 'jobs' ? rng.chance(0.7) : rng.chance(0.08);
    const target = rng.chance(0.1) ? rng.int(300, 700) : rng.int(40, 220);
    const fb: FileBuild = { path: filePath, lines: [], calls: [], fetchCalls: 0, axiosMemberCalls: 0 };

    if (ext === 'js') {
      buildCommonJs(rng, fb, entity, isNetwork, target);
    } else if (ext === 'tsx') {
      buildComponent(rng, fb, entity, isNetwork, target);
    } else {
      const ctx: Ctx = { rng, entity, imported: [], needsPRetry: false, needs: new Set() };
      const header: string[] = [`/* ${cap(entity)} ${area} module (generated, seed ${seed}). */`];
      const body: FileBuild = { path: filePath, lines: [], calls: [], fetchCalls: 0, axiosMemberCalls: 0 };
      if (isNetwork) {
        if (rng.chance(0.5)) {
          const pickN = rng.int(1, 2);
          for (let p = 0; p < pickN; p++) {
            const inst = rng.pick(instances);
            if (!ctx.imported.some((x) => x.name === inst.name)) {
              ctx.imported.push({ name: inst.name, client: inst.client, timeout: inst.timeout, retry: inst.retry });
              if (!inst.importedBy.includes(filePath)) inst.importedBy.push(filePath);
            }
          }
        }
        append(body, plain(ensureHeader(entity)));
        const fns = rng.int(1, 4);
        for (let f = 0; f < fns; f++) {
          append(body, networkFunction(ctx, f));
          if (rng.chance(0.6)) append(body, pureFunctionBlock(rng, entity, 100 + f));
        }
        fillPlain(rng, body, entity, target - 8);
      } else {
        append(body, plain(ensureHeader(entity)));
        fillPlain(rng, body, entity, target - 4);
      }
      // Imports first (they depend on what the body used), then the body shifted below them.
      const imports: string[] = [];
      if (ctx.needs.has('axios')) imports.push(IMPORT_OF.axios);
      if (ctx.needs.has('got')) imports.push(IMPORT_OF.got);
      if (ctx.needs.has('ky')) imports.push(IMPORT_OF.ky);
      if (ctx.needsPRetry) imports.push("import pRetry from 'p-retry';");
      const byModule = new Map<string, string[]>();
      for (const imp of ctx.imported) {
        const inst = instances.find((x) => x.name === imp.name)!;
        const list = byModule.get(inst.file) ?? [];
        list.push(imp.name);
        byModule.set(inst.file, list);
      }
      for (const [mod, names] of [...byModule].sort()) imports.push(`import { ${names.join(', ')} } from '${relImport(filePath, mod)}';`);
      append(fb, plain([...header, ...imports, '']));
      append(fb, { lines: body.lines, calls: [], fetchCalls: body.fetchCalls, axiosMemberCalls: body.axiosMemberCalls });
      const shift = fb.lines.length - body.lines.length;
      for (const c of body.calls) fb.calls.push({ ...c, line: c.line + shift });
    }
    builds.push(fb);
  }

  const files: GeneratedFile[] = builds.map((fb) => ({ path: fb.path, text: `${fb.lines.join('\n')}\n` }));
  const callSites = builds.flatMap((fb) => fb.calls);
  const byClient: Record<Client, number> = { fetch: 0, axios: 0, got: 0, ky: 0 };
  for (const c of callSites) byClient[c.client]++;
  const fetchCalls = builds.reduce((n, fb) => n + fb.fetchCalls, 0);
  const axiosMemberCalls = builds.reduce((n, fb) => n + fb.axiosMemberCalls, 0);
  const manifestFiles: ManifestFile[] = builds.map((fb, i) => ({
    path: fb.path,
    lines: fb.lines.length,
    bytes: Buffer.byteLength(files[i]!.text),
    callSites: fb.calls.length,
  }));
  const manifest: Manifest = {
    generator: 'fallacy-lens-synthetic',
    version: 1,
    seed,
    fileCount: files.length,
    totalLines: manifestFiles.reduce((n, f) => n + f.lines, 0),
    totalBytes: manifestFiles.reduce((n, f) => n + f.bytes, 0),
    files: manifestFiles,
    callSites,
    instances,
    summary: {
      networkFiles: manifestFiles.filter((f) => f.callSites > 0).length,
      plainFiles: manifestFiles.filter((f) => f.callSites === 0).length,
      byClient,
      viaInstance: callSites.filter((c) => c.via === 'instance').length,
      withTimeout: callSites.filter((c) => c.timeout).length,
      withoutTimeout: callSites.filter((c) => !c.timeout).length,
      pRetry: callSites.filter((c) => c.retry === 'p-retry').length,
      inLoop: callSites.filter((c) => c.inLoop).length,
      inFanout: callSites.filter((c) => c.inFanout).length,
      insecure: callSites.filter((c) => c.insecure).length,
      statusChecked: callSites.filter((c) => c.statusChecked).length,
    },
    competitorMatches: { fetchCalls, axiosMemberCalls, total: fetchCalls + axiosMemberCalls },
  };
  return { files, manifest };
}

function buildCommonJs(rng: Rng, fb: FileBuild, entity: string, isNetwork: boolean, target: number): void {
  const client = rng.pick(['fetch', 'axios'] as const);
  append(fb, plain(["'use strict';", ...(isNetwork && client === 'axios' ? ["const axios = require('axios');"] : []), '']));
  if (isNetwork) {
    const timeout = rng.chance(0.3);
    const insecure = rng.chance(0.1);
    const host = rng.pick(HOSTS);
    const u = `\`${insecure ? 'http' : 'https'}://${host}/${entity}s/\${id}\``;
    const lines = ['async function main(ids) {', '  for (const id of ids) {'];
    const offset = lines.length;
    if (client === 'fetch') {
      lines.push(`    const res = await fetch(${u}${timeout ? ', { signal: AbortSignal.timeout(10_000) }' : ''});`);
      lines.push('    console.log(id, res.status);');
    } else {
      lines.push(`    const res = await axios.get(${u}${timeout ? ', { timeout: 10_000 }' : ''});`);
      lines.push('    console.log(id, res.status);');
    }
    lines.push('  }', '}', '', 'main(process.argv.slice(2)).catch((err) => {', '  console.error(err);', '  process.exitCode = 1;', '});', '');
    append(fb, {
      lines,
      calls: [{ offset, client, callee: client === 'fetch' ? 'fetch' : 'axios.get', via: 'direct', timeout, retry: 'none', inLoop: true, inFanout: false, insecure, statusChecked: false }],
      fetchCalls: client === 'fetch' ? 1 : 0,
      axiosMemberCalls: client === 'axios' ? 1 : 0,
    });
  }
  let i = 0;
  while (fb.lines.length < Math.min(target, 160)) {
    append(fb, plain([
      `function tally${cap(entity)}${i}(rows) {`,
      '  const counts = Object.create(null);',
      '  for (const row of rows) counts[row.kind] = (counts[row.kind] || 0) + 1;',
      '  return counts;',
      '}',
      `module.exports.tally${cap(entity)}${i} = tally${cap(entity)}${i};`,
      '',
    ]));
    i++;
  }
}

function buildComponent(rng: Rng, fb: FileBuild, entity: string, isNetwork: boolean, target: number): void {
  const E = cap(entity);
  append(fb, plain(["import { useEffect, useState } from 'react';", '', ...ensureHeader(entity)]));
  if (isNetwork) {
    const timeout = rng.chance(0.4);
    const lines = [
      `export function ${E}Panel({ id }: { id: string }) {`,
      `  const [item, setItem] = useState<${E}Record | null>(null);`,
      '  useEffect(() => {',
      '    let cancelled = false;',
    ];
    const offset = lines.length;
    lines.push(
      `    fetch(\`/api/${entity}s/\${id}\`${timeout ? ', { signal: AbortSignal.timeout(5_000) }' : ''})`,
      '      .then((res) => res.json())',
      `      .then((data: ${E}Record) => {`,
      '        if (!cancelled) setItem(data);',
      '      });',
      '    return () => {',
      '      cancelled = true;',
      '    };',
      '  }, [id]);',
      `  return <section className="${entity}">{item ? <h2>{item.name}</h2> : <p>Loading…</p>}</section>;`,
      '}',
      '',
    );
    append(fb, {
      lines,
      calls: [{ offset, client: 'fetch', callee: 'fetch', via: 'direct', timeout, retry: 'none', inLoop: false, inFanout: false, insecure: false, statusChecked: false }],
      fetchCalls: 1,
      axiosMemberCalls: 0,
    });
  } else {
    append(fb, plain([
      `export function ${E}Badge({ label, count }: { label: string; count: number }) {`,
      `  return <span className="badge ${entity}" title={label}>{count > 99 ? '99+' : count}</span>;`,
      '}',
      '',
    ]));
  }
  fillPlain(rng, fb, entity, Math.min(target, 200));
}

/**
 * One large TypeScript file of about `lines` lines (for the single-file re-analysis latency): ordinary
 * code with network functions spread through it, as an editor would see in a big service module.
 */
export function generateLargeFile(lines = 3000, seed = 7): GeneratedFile {
  const rng = new Rng(seed);
  const entity = 'order';
  const fb: FileBuild = { path: 'src/services/large-order-service.ts', lines: [], calls: [], fetchCalls: 0, axiosMemberCalls: 0 };
  const ctx: Ctx = { rng, entity, imported: [], needsPRetry: false, needs: new Set() };
  const body: FileBuild = { path: fb.path, lines: [], calls: [], fetchCalls: 0, axiosMemberCalls: 0 };
  append(body, plain(ensureHeader(entity)));
  let f = 0;
  while (body.lines.length < lines - 10) {
    if (f % 3 === 0) append(body, networkFunction(ctx, f));
    fillPlain(rng, body, entity, Math.min(lines - 10, body.lines.length + 60), f * 100);
    f++;
  }
  const imports: string[] = [];
  if (ctx.needs.has('axios')) imports.push(IMPORT_OF.axios);
  if (ctx.needs.has('got')) imports.push(IMPORT_OF.got);
  if (ctx.needs.has('ky')) imports.push(IMPORT_OF.ky);
  if (ctx.needsPRetry) imports.push("import pRetry from 'p-retry';");
  return { path: fb.path, text: [...imports, '', ...body.lines].join('\n') + '\n' };
}

/** Writes the corpus and `manifest.json` under `outDir` (removing what was there). */
export function writeCorpus(outDir: string, corpus: Corpus): void {
  fs.rmSync(outDir, { recursive: true, force: true });
  const dirs = new Set(corpus.files.map((f) => path.dirname(path.join(outDir, f.path))));
  for (const d of dirs) fs.mkdirSync(d, { recursive: true });
  for (const f of corpus.files) fs.writeFileSync(path.join(outDir, f.path), f.text);
  fs.writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(corpus.manifest, null, 1)}\n`);
}

/** Default location of a generated corpus. */
export function defaultCorpusDir(files: number, seed: number): string {
  return path.join(__dirname, '.corpus', `synthetic-${files}-s${seed}`);
}

/**
 * Generates the corpus into `outDir` unless a corpus with the same parameters is already there
 * (compared by manifest), and returns the manifest.
 */
export function ensureCorpus(files: number, seed: number, outDir = defaultCorpusDir(files, seed)): { dir: string; manifest: Manifest } {
  const corpus = generateCorpus({ files, seed });
  const manifestPath = path.join(outDir, 'manifest.json');
  const wanted = `${JSON.stringify(corpus.manifest, null, 1)}\n`;
  if (!fs.existsSync(manifestPath) || fs.readFileSync(manifestPath, 'utf8') !== wanted) writeCorpus(outDir, corpus);
  return { dir: outDir, manifest: corpus.manifest };
}

function main(argv: string[]): void {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const files = Number(arg('--files') ?? 2000);
  const seed = Number(arg('--seed') ?? 1);
  if (!Number.isInteger(files) || files < 10 || !Number.isInteger(seed)) {
    console.error('usage: generate-corpus [--files N>=10] [--seed INT] [--out DIR]');
    process.exit(2);
  }
  const out = path.resolve(arg('--out') ?? defaultCorpusDir(files, seed));
  const t0 = Date.now();
  const corpus = generateCorpus({ files, seed });
  writeCorpus(out, corpus);
  const m = corpus.manifest;
  console.log(
    `wrote ${m.fileCount} files (${m.totalLines} lines, ${(m.totalBytes / 1e6).toFixed(1)} MB) to ${out} in ${Date.now() - t0} ms; ` +
      `${m.callSites.length} call sites in ${m.summary.networkFiles} files, ${m.instances.length} instances; ` +
      `competitor rule must match ${m.competitorMatches.total}`,
  );
}

if (require.main === module) main(process.argv.slice(2));
