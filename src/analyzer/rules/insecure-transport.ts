import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { FileContext } from '../file-context';
import { fix } from '../fixes';
import type { NetworkCall } from '../model';
import { isWithin } from '../semantics/descendants';
import type { Node } from '../semantics/scope';
import { staticPropertyKey } from '../semantics/scope';
import { memberKey } from '../semantics/values';
import type { Fix } from '../types';
import type { RuleContext, RuleModule } from './rule';

/** A string that says where a call goes: its URL, or a base URL / URL option that applies to it. */
export interface CallTarget {
  /** The literal (or the start of the template or concatenation) that holds the text. */
  node: Node;
  /** The text, or its known beginning when `complete` is false. */
  text: string;
  complete: boolean;
}

/** Options that hold the whole URL or its beginning: axios `baseURL`/`url`, got/ky `prefixUrl`. */
const URL_OPTIONS = ['baseURL', 'prefixUrl', 'url'];

/**
 * Fallacy 4, the network is secure: plaintext HTTP to another host, or TLS with certificate
 * checks turned off, lets anyone on the path read and rewrite the traffic.
 */
export const insecureTransport: RuleModule = {
  meta: {
    id: 'insecure-transport',
    fallacy: 4,
    defaultSeverity: 'warning',
    description: 'Plaintext `http://` requests to non-local hosts, and TLS certificate verification turned off.',
    rationale:
      'Traffic that leaves the machine crosses networks you do not control; without TLS (or with its checks off) anyone on the path can read and change it.',
    lesson: 'fallacy-4-secure-network',
    messages: {
      plaintext:
        '{{api}} sends this request to {{host}} over plain `http://`: anyone on the path (Wi-Fi, proxy, ISP, a compromised router) can read it, credentials and cookies included, and change the answer. Use `https://`.',
      rejectUnauthorized:
        '`rejectUnauthorized: false` turns off TLS certificate verification: any machine on the path can present its own certificate and read or rewrite this traffic, so the encryption protects nothing. Trust the server\'s certificate authority instead (the `ca` option, or NODE_EXTRA_CA_CERTS) and remove this option.',
      tlsEnv:
        "Setting NODE_TLS_REJECT_UNAUTHORIZED to '0' turns off certificate verification for every TLS connection this process makes, not just one: any machine on the path can impersonate any server. Remove it, and trust the server's certificate authority with NODE_EXTRA_CA_CERTS or the `ca` option.",
    },
  },

  create(context: RuleContext) {
    const file = context.file;
    const reported = new Set<Node>();
    return {
      NetworkCall(call) {
        for (const target of callTargets(file, call)) {
          if (reported.has(target.node) || !/^http:\/\//i.test(target.text)) continue;
          const host = urlHost(target.text, target.complete);
          if (host === undefined || isLocalHost(host)) continue;
          reported.add(target.node);
          const related = isWithin(target.node, call.node) ? [] : [{ ...file.loc(call.reportNode), message: `Sent by ${call.api} here.` }];
          context.report({ node: target.node, messageId: 'plaintext', data: { api: call.api, host }, related, fixes: httpsFixes(file, target.node) });
        }
      },
      Property(node) {
        if (node.parent?.type !== 'ObjectExpression' || staticPropertyKey(node) !== 'rejectUnauthorized') return;
        if (isRequestPayload(file, node.parent)) return;
        if (isLiteral(file, node.value, false)) context.report({ node, messageId: 'rejectUnauthorized' });
      },
      AssignmentExpression(node) {
        if (node.operator === '=' && isTlsRejectEnv(file, node.left) && (isLiteral(file, node.right, '0') || isLiteral(file, node.right, 0))) {
          context.report({ node, messageId: 'tlsEnv' });
        }
      },
    };
  },
};

/** Where the call's URL text comes from, in this file: the URL argument and URL-like options. */
export function callTargets(file: FileContext, call: NetworkCall): CallTarget[] {
  const targets: CallTarget[] = [];
  const fromNode = (node: Node | undefined) => {
    if (!node) return;
    const value = file.resolver.resolve(node);
    if (value.kind === 'literal' && typeof value.value === 'string') targets.push({ node: leadingLiteral(file, value.node), text: value.value, complete: true });
    else if (value.kind === 'template') targets.push({ node: leadingLiteral(file, value.node), text: value.prefix, complete: false });
  };
  fromNode(call.url);
  for (const key of URL_OPTIONS) fromNode(optionValueNode(file, call, key));
  return targets;
}

/**
 * The literal a URL's text starts with: `BASE` in `BASE + '/users'` is followed to the string in
 * its `const`, so that the finding, its fix and its deduplication sit on the one literal.
 */
function leadingLiteral(file: FileContext, node: Node): Node {
  let current = node;
  for (let step = 0; step < 16; step++) {
    if (current.type === 'BinaryExpression') {
      current = current.left;
      continue;
    }
    if (current.type !== 'Identifier') return current;
    const value = file.resolver.resolve(current);
    if ((value.kind !== 'literal' && value.kind !== 'template') || value.node === current) return current;
    current = value.node;
  }
  return current;
}

/**
 * The value node of an option that applies to the call, when it is written in this file: on the
 * call, in a shared options object, or on the instance it was created with.
 */
export function optionValueNode(file: FileContext, call: NetworkCall, key: string): Node | undefined {
  const lookup = file.familyContext.lookup(call, key);
  if (lookup.state !== 'set' || lookup.entry.loc.file !== file.file) return undefined;
  return file.nodeAt(lookup.entry.loc, AST_NODE_TYPES.Property)?.value;
}

/**
 * The host of a URL, lower-cased, or undefined when the known text does not reach its end
 * (`http://${host}/…`). A port after the host (`http://localhost:${port}`) ends it too.
 */
export function urlHost(text: string, complete: boolean): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(text);
  if (!match) return undefined;
  const ended = complete || match[0].length < text.length;
  let authority = match[1];
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  let host: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    host = close > 0 ? authority.slice(0, close + 1) : undefined;
  } else {
    const colon = authority.indexOf(':');
    host = colon >= 0 ? authority.slice(0, colon) : ended ? authority : undefined;
  }
  return host ? host.toLowerCase() : undefined;
}

const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.svc', '.cluster.local'];

/**
 * Hosts whose traffic never crosses a network we do not control. Single-label names (`http://api:8080`,
 * Docker Compose and Kubernetes service names) are included: no public host has one.
 */
function isLocalHost(host: string): boolean {
  if (host === 'localhost' || host === '[::1]' || host === '0.0.0.0' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  if (LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return true;
  return !host.includes('.') && !host.startsWith('[');
}

/** `http://` → `https://` in the literal: preferred, not safe, since the server may not speak TLS. */
function httpsFixes(file: FileContext, node: Node): Fix[] {
  if (node.type !== 'Literal' && node.type !== 'TemplateLiteral') return [];
  const start = node.range[0] + 1;
  if (file.text.slice(start, start + 7).toLowerCase() !== 'http://') return [];
  return [fix('Use `https://`', [{ range: [start + 4, start + 4], text: 's' }], { safe: false, preferred: true })];
}

function isLiteral(file: FileContext, node: Node, expected: string | number | boolean): boolean {
  const value = file.resolver.resolve(node);
  return value.kind === 'literal' && value.value === expected;
}

/** `process.env.NODE_TLS_REJECT_UNAUTHORIZED` on the real `process`. */
function isTlsRejectEnv(file: FileContext, target: TSESTree.Node): boolean {
  if (target.type !== 'MemberExpression' || memberKey(target) !== 'NODE_TLS_REJECT_UNAUTHORIZED') return false;
  const owner = file.resolver.resolve(target.object);
  return owner.kind === 'global' && owner.name === 'process' && owner.path.length === 1 && owner.path[0] === 'env';
}

const PAYLOAD_KEYS = new Set(['body', 'data', 'json', 'form', 'payload', 'params', 'query']);

/**
 * Settings sent as data (`body: { smtp: { rejectUnauthorized: false } }`) configure someone
 * else's system, not this connection: precision first, they are not reported.
 */
function isRequestPayload(file: FileContext, object: Node): boolean {
  for (let node: Node | undefined = object; node && !FUNCTION_BOUNDARIES.has(node.type); node = node.parent) {
    const parent: Node | undefined = node.parent;
    if (parent?.type === 'Property' && parent.value === node && PAYLOAD_KEYS.has(staticPropertyKey(parent) ?? '')) return true;
    if (parent?.type === 'CallExpression' && parent.callee.type === 'MemberExpression' && parent.callee.object.type === 'Identifier' && parent.callee.object.name === 'JSON') return true;
    if (parent?.type === 'CallExpression' && isAxiosDataArgument(file, parent, node)) return true;
  }
  return false;
}

/** `axios.post(url, data, config)`: the second argument is the body. */
function isAxiosDataArgument(file: FileContext, call: TSESTree.CallExpression, argument: Node): boolean {
  const request = file.networkCall(call);
  return request?.family === 'axios' && call.arguments[1] === argument && /\.(post|put|patch)(Form)?$/.test(request.api);
}

const FUNCTION_BOUNDARIES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'Program']);
