import type { TSESTree } from '@typescript-eslint/types';
import type { Loc, OptionBag } from './semantics/options';
import type { Node } from './semantics/scope';

export type FamilyId = 'fetch' | 'axios' | 'node-http' | 'got' | 'ky' | 'superagent' | 'undici';

export type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * A client object: a package's default client (`axios`, `got`), an instance made from one
 * (`axios.create(...)`), or an undici dispatcher. Plain data: instances cross files via the index.
 */
export interface ClientInstance {
  family: FamilyId;
  /** `module` for the package's own client, `instance` for a configured copy, `dispatcher` for undici pools. */
  role: 'module' | 'instance' | 'dispatcher';
  /** Which package, for families that several packages implement (`node-fetch`, `undici` for fetch). */
  source: string;
  /** Configuration layers, outermost first (parent instance before child). */
  layers: OptionBag[];
  /** Where the instance was created, for "the instance used here is created without a timeout". */
  origin?: Loc;
  /** Stable identity, used to attach retry registrations (`axiosRetry(api)`) and defaults assignments. */
  key: string;
  /** Built-in retry wrapping made at creation (undici `RetryAgent`). */
  retryingDispatcher?: boolean;
}

export interface NetworkCall {
  node: CallNode;
  family: FamilyId;
  client: ClientInstance;
  /** How the call reads in code, for messages: `axios.post`, `fetch`, `http.request`, `api.get`. */
  api: string;
  /** Upper-case HTTP method when known; undefined when it comes from a value we cannot resolve. */
  method: string | undefined;
  url: Node | undefined;
  optionsNode: Node | undefined;
  /** The call's own options: a bag, 'unknown' when not resolvable, undefined when absent. */
  callOptions: OptionBag | 'unknown' | undefined;
  /** The node a finding about this call is reported on (the callee, e.g. `axios.get`). */
  reportNode: Node;
}

export type TimeoutVerdict =
  | { state: 'bounded'; how: string; raceOnly?: boolean }
  | { state: 'missing'; instanceOrigin?: Loc }
  | { state: 'disabled'; at: Loc; value: string }
  | { state: 'ineffective'; at: Loc; reason: 'fetch-has-no-timeout-option' | 'http-timeout-without-destroy' }
  | { state: 'undetermined' };
