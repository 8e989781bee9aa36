import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import { familyById } from '../clients';
import type { FileContext } from '../file-context';
import { addArgumentEdit, addPropertyEdit, fix, inlineObject, replaceEdit } from '../fixes';
import type { NetworkCall, TimeoutVerdict } from '../model';
import type { Loc } from '../semantics/options';
import type { Fix, RelatedLocation } from '../types';
import type { RuleContext, RuleModule } from './rule';

/**
 * Fallacy 2, latency is zero: a request with no deadline waits as long as the slowest server,
 * and a caller stuck on it holds a socket, memory and usually a user.
 */
export const noTimeout: RuleModule = {
  meta: {
    id: 'no-timeout',
    fallacy: 2,
    defaultSeverity: 'warning',
    description: 'Network calls whose effective configuration has no finite timeout and no abort signal.',
    rationale:
      'A request with no deadline waits as long as the slowest server, and so does everything waiting on it: one hung dependency ties up sockets, workers and users until the whole service stalls.',
    lesson: 'timeouts-and-deadlines',
    messages: {
      missingFetch:
        '{{api}} has no deadline: with no signal it waits as long as the server takes, and Node only gives up after 300 s of total silence (a slow trickle never trips that). Pass `signal: AbortSignal.timeout(ms)`.',
      missingAxios:
        '{{api}} has no timeout: axios waits forever by default, so one hung server stalls this caller. Pass `signal: AbortSignal.timeout(ms)` to bound the whole request (axios `timeout` is only an idle timer in Node).',
      missingGot: '{{api}} has no timeout: got waits forever by default. Set `timeout: { request: ms }` or pass `signal: AbortSignal.timeout(ms)`.',
      missingNodeHttp:
        "{{api}} has no timeout: Node's http client waits forever by default. Pass `signal: AbortSignal.timeout(ms)`, or set `timeout` and destroy the request in its 'timeout' handler.",
      missingSuperagent: '{{api}} has no timeout: superagent waits forever unless told. Chain `.timeout({ response: ms, deadline: ms })`.',
      missingUndici:
        "{{api}} relies on undici's 300 s idle timers, which a slowly dripping response never trips. Pass `signal: AbortSignal.timeout(ms)`, or set `headersTimeout` and `bodyTimeout`.",
      disabled: '{{api}} sets `{{option}}` to {{value}}, which turns the timeout off: the request can wait forever. Use a finite number of milliseconds, or `signal: AbortSignal.timeout(ms)`.',
      fetchTimeoutIgnored:
        "fetch has no `timeout` option: it is silently ignored and this request can still wait forever. Use `signal: AbortSignal.timeout({{ms}})` instead.",
      httpTimeoutWithoutDestroy:
        "The timeout on {{api}} only emits a 'timeout' event; the request keeps waiting unless the handler destroys it. Add `req.on('timeout', () => req.destroy())`, or pass `signal: AbortSignal.timeout(ms)`.",
      raceKeepsRunning:
        '`Promise.race` stops waiting for {{api}}, but the request itself keeps running and holding its socket. Pass `signal: AbortSignal.timeout(ms)` so that it is cancelled too.',
    },
  },

  create(context: RuleContext) {
    return {
      NetworkCall(call) {
        const wrapper = context.wrappers.timeoutAround(call.node);
        if (wrapper && !wrapper.raceOnly) return;
        const verdict = familyById(call.family).timeout(call, context.file.familyContext);
        if (verdict.state === 'bounded') return;
        if (verdict.state === 'undetermined') {
          context.markUndetermined(call);
          return;
        }
        if (wrapper?.raceOnly) {
          context.report({ node: call.reportNode, messageId: 'raceKeepsRunning', data: { api: call.api }, severity: 'info', fixes: signalFixes(context.file, call) });
          return;
        }
        report(context, call, verdict);
      },
    };
  },
};

function report(context: RuleContext, call: NetworkCall, verdict: Exclude<TimeoutVerdict, { state: 'bounded' | 'undetermined' }>): void {
  const file = context.file;
  const data = { api: call.api };
  switch (verdict.state) {
    case 'missing':
      context.report({ node: call.reportNode, messageId: missingMessage(call), data, related: instanceRelated(call, verdict.instanceOrigin), fixes: missingFixes(file, call) });
      return;
    case 'disabled':
      context.report({
        node: call.reportNode,
        messageId: 'disabled',
        data: { ...data, option: 'timeout', value: verdict.value },
        related: verdict.at.file === file.file && rangesDiffer(verdict.at, call) ? [{ ...verdict.at, message: 'The timeout is turned off here.' }] : [],
        fixes: disabledFixes(file, verdict),
      });
      return;
    case 'ineffective':
      if (verdict.reason === 'fetch-has-no-timeout-option') {
        context.report({ node: call.reportNode, messageId: 'fetchTimeoutIgnored', data: { ...data, ms: ignoredTimeoutValue(file, verdict.at) }, fixes: fetchTimeoutFixes(file, verdict) });
      } else {
        context.report({ node: call.reportNode, messageId: 'httpTimeoutWithoutDestroy', data, related: [{ ...verdict.at, message: "This timeout only emits 'timeout'." }] });
      }
      return;
  }
}

function missingMessage(call: NetworkCall): string {
  switch (call.family) {
    case 'fetch':
      return 'missingFetch';
    case 'axios':
      return 'missingAxios';
    case 'got':
      return 'missingGot';
    case 'node-http':
      return 'missingNodeHttp';
    case 'superagent':
      return 'missingSuperagent';
    default:
      return 'missingUndici';
  }
}

function instanceRelated(call: NetworkCall, origin: Loc | undefined): RelatedLocation[] {
  if (!origin || call.client.role === 'module') return [];
  return [{ ...origin, message: `The ${call.family} instance used here is created without a timeout.` }];
}

/** Whether the option sits outside the call (in an instance or a shared object), worth pointing at. */
function rangesDiffer(at: Loc, call: NetworkCall): boolean {
  return at.range.offsets[0] < call.node.range[0] || at.range.offsets[1] > call.node.range[1];
}

/** Fixes for a call with no timeout at all, in the client's own terms. */
function missingFixes(file: FileContext, call: NetworkCall): Fix[] {
  const ms = file.fixTimeoutMs;
  switch (call.family) {
    case 'fetch':
    case 'undici':
    case 'node-http':
      return signalFixes(file, call);
    case 'axios': {
      const fixes = instanceOptionFixes(file, call, `timeout: ${ms}`, 'Add `timeout` to the axios instance');
      return [...fixes, ...signalFixes(file, call, fixes.length === 0)];
    }
    case 'got': {
      const fixes = instanceOptionFixes(file, call, `timeout: { request: ${ms} }`, 'Add `timeout` to the got instance');
      return [...fixes, ...optionFixes(file, call, `timeout: { request: ${ms} }`, 'Add `timeout: { request }`', fixes.length === 0)];
    }
    case 'superagent':
      return [fix('Chain `.timeout()`', [{ range: [call.node.range[1], call.node.range[1]], text: `.timeout({ response: ${ms}, deadline: ${ms} })` }], { safe: true, preferred: true })];
    default:
      return [];
  }
}

function signalFixes(file: FileContext, call: NetworkCall, preferred = true): Fix[] {
  return optionFixes(file, call, `signal: AbortSignal.timeout(${file.fixTimeoutMs})`, 'Add `signal: AbortSignal.timeout(…)`', preferred);
}

/**
 * Adds an option to the call's own options literal, or adds an options argument where the call
 * has none yet. When options come from a variable, no fix is offered: editing a shared object
 * from one call site would change other calls too.
 */
function optionFixes(file: FileContext, call: NetworkCall, property: string, title: string, preferred: boolean): Fix[] {
  const object = inlineObject(call.optionsNode);
  if (object) return [fix(title, [addPropertyEdit(file, object, property)], { safe: true, preferred })];
  if (call.optionsNode) return [];
  const position = optionsArgumentPosition(call);
  if (!position) return [];
  return [fix(title, [addArgumentEdit(position, `{ ${property} }`)], { safe: true, preferred })];
}

/** Where an options argument goes when the call has none: after the URL (or the data, for axios.post). */
function optionsArgumentPosition(call: NetworkCall): TSESTree.Node | undefined {
  const args = call.node.arguments;
  const expected = call.family === 'axios' && ['POST', 'PUT', 'PATCH'].includes(call.method ?? '') && /\.(post|put|patch)(Form)?$/.test(call.api) ? 2 : 1;
  if (args.length !== expected) return undefined;
  const last = args[args.length - 1];
  return last.type === 'SpreadElement' ? undefined : last;
}

function instanceOptionFixes(file: FileContext, call: NetworkCall, property: string, title: string): Fix[] {
  const origin = call.client.origin;
  if (call.client.role !== 'instance' || !origin || origin.file !== file.file) return [];
  const creator = file.nodeAt(origin, AST_NODE_TYPES.CallExpression);
  if (!creator) return [];
  const object = inlineObject(creator.arguments[0]);
  if (object) return [fix(title, [addPropertyEdit(file, object, property)], { safe: true, preferred: true })];
  if (creator.arguments.length === 0) {
    const open = file.text.indexOf('(', creator.callee.range[1]);
    return open >= 0 ? [fix(title, [{ range: [open + 1, open + 1], text: `{ ${property} }` }], { safe: true, preferred: true })] : [];
  }
  return [];
}

function disabledFixes(file: FileContext, verdict: { at: Loc }): Fix[] {
  const property = file.nodeAt(verdict.at, AST_NODE_TYPES.Property);
  if (!property) return [];
  return [fix(`Set a finite timeout (${file.fixTimeoutMs} ms)`, [replaceEdit(property.value, String(file.fixTimeoutMs))], { safe: false, preferred: true })];
}

function fetchTimeoutFixes(file: FileContext, verdict: { at: Loc }): Fix[] {
  const property = file.nodeAt(verdict.at, AST_NODE_TYPES.Property);
  if (!property || property.shorthand) return [];
  return [fix('Replace `timeout` with `signal: AbortSignal.timeout(…)`', [replaceEdit(property, `signal: AbortSignal.timeout(${file.textOf(property.value, 200)})`)], { safe: true, preferred: true })];
}

function ignoredTimeoutValue(file: FileContext, at: Loc): string {
  const property = file.nodeAt(at, AST_NODE_TYPES.Property);
  return property ? file.textOf(property.value, 20) : 'ms';
}
