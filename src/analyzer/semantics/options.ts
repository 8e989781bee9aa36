import type { TSESTree } from '@typescript-eslint/types';
import type { SourceRange } from '../types';
import type { Node, PropertyWrite } from './scope';
import { staticPropertyKey } from './scope';
import type { SymbolicValue, ValueResolver } from './values';
import { unwrapExpression } from './values';

/**
 * Options objects reduced to plain data, so that an `axios.create({...})` in one file can bound a
 * call in another, across worker threads and the on-disk cache.
 */
export type OptionValue =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'nullish' }
  | { kind: 'object'; bag: OptionBag }
  | { kind: 'array'; items: OptionValue[] }
  /** Present and not nullish, value unknown (`AbortSignal.timeout(ms)`, `controller.signal`, a call). */
  | { kind: 'expression'; text: string }
  /** Could be anything, including undefined (a parameter, a reassigned variable). */
  | { kind: 'unknown'; text: string };

export interface Loc {
  file: string;
  range: SourceRange;
}

export interface OptionEntry {
  value: OptionValue;
  loc: Loc;
  /** False when an unresolvable spread after this property may override it. */
  certain: boolean;
}

export interface OptionBag {
  entries: Record<string, OptionEntry>;
  /** An unresolvable spread: keys it does not list may still be set at runtime. */
  openEnded: boolean;
  loc: Loc;
}

export type OptionLookup =
  | { state: 'set'; entry: OptionEntry }
  | { state: 'absent' }
  | { state: 'undetermined' };

const MAX_NESTING = 3;

export interface OptionSummarizerHost {
  resolver: ValueResolver;
  loc(node: Node): Loc;
  text(node: Node): string;
  /** Option bags exported by other project files (`export const base = {...}`). */
  importedBag(value: SymbolicValue & { kind: 'project-import' }): OptionBag | undefined;
}

/** Summarises the value an options argument evaluates to; undefined when it is not an object at all. */
export function summarizeOptions(host: OptionSummarizerHost, node: Node, nesting = 0): OptionBag | 'unknown' {
  const value = host.resolver.resolve(node);
  if (value.kind === 'object') return summarizeObject(host, value.node, nesting);
  if (value.kind === 'project-import') return host.importedBag(value) ?? 'unknown';
  return 'unknown';
}

/** `x.defaults.timeout = v` read as the options object `{ timeout: v }`, located at `at`. */
export function singleEntryBag(host: OptionSummarizerHost, key: string, value: Node, at: Node): OptionBag {
  const loc = host.loc(at);
  return { entries: { [key]: { value: summarizeValue(host, value, 0), loc, certain: true } }, openEnded: false, loc };
}

function summarizeObject(host: OptionSummarizerHost, object: TSESTree.ObjectExpression, nesting: number): OptionBag {
  const bag: OptionBag = { entries: Object.create(null) as Record<string, OptionEntry>, openEnded: false, loc: host.loc(object) };
  for (const property of object.properties) {
    if (property.type === 'SpreadElement') {
      const spread = nesting < MAX_NESTING ? summarizeOptions(host, property.argument, nesting + 1) : 'unknown';
      if (spread === 'unknown') {
        bag.openEnded = true;
        for (const key of Object.keys(bag.entries)) bag.entries[key] = { ...bag.entries[key], certain: false };
      } else {
        for (const [key, entry] of Object.entries(spread.entries)) bag.entries[key] = entry;
        bag.openEnded = bag.openEnded || spread.openEnded;
      }
      continue;
    }
    const key = staticPropertyKey(property);
    if (key === undefined) {
      // A computed key could be any option, including the one a rule is looking for.
      bag.openEnded = true;
      continue;
    }
    bag.entries[key] = { value: summarizeValue(host, property.value, nesting), loc: host.loc(property), certain: true };
  }
  for (const write of host.resolver.propertyWrites(object)) applyWrite(host, bag, write, nesting);
  return bag;
}

/**
 * A later write into the object (`init.signal = AbortSignal.timeout(ms)`, `Object.assign(init, x)`).
 * Its key is added but not `certain`: the write may sit in a branch or run after the request, so
 * a rule reading that key treats it as undetermined rather than reporting what may be fixed.
 * A key name is still seen (an idempotency header added by `headers['Idempotency-Key'] = k`).
 */
function applyWrite(host: OptionSummarizerHost, bag: OptionBag, write: PropertyWrite, nesting: number): void {
  let target = bag;
  for (let i = 0; i < write.path.length; i++) {
    const key = write.path[i];
    const last = i === write.path.length - 1 && !write.open;
    const existing = target.entries[key];
    if (last) {
      const value = write.value ? summarizeValue(host, write.value, nesting) : { kind: 'unknown' as const, text: host.text(write.node) };
      target.entries[key] = { value, loc: host.loc(write.node), certain: false };
      return;
    }
    if (existing?.value.kind !== 'object') {
      // Writing into a nested value we did not summarise: that value is now anyone's guess.
      target.entries[key] = { value: { kind: 'unknown', text: host.text(write.node) }, loc: host.loc(write.node), certain: false };
      return;
    }
    target = existing.value.bag;
  }
  // An unknown key (`init[name] = v`, `Object.assign(init, extra)`) may be any option.
  target.openEnded = true;
  for (const key of Object.keys(target.entries)) target.entries[key] = { ...target.entries[key], certain: false };
}

function summarizeValue(host: OptionSummarizerHost, node: Node, nesting: number): OptionValue {
  const value = host.resolver.resolve(node);
  switch (value.kind) {
    case 'literal':
      if (value.value === null || value.value === undefined) return { kind: 'nullish' };
      if (typeof value.value === 'number') return { kind: 'number', value: value.value };
      if (typeof value.value === 'string') return { kind: 'string', value: value.value };
      if (typeof value.value === 'boolean') return { kind: 'boolean', value: value.value };
      return { kind: 'expression', text: host.text(node) };
    case 'object':
      return nesting < MAX_NESTING ? { kind: 'object', bag: summarizeObject(host, value.node, nesting + 1) } : { kind: 'expression', text: host.text(node) };
    case 'project-import': {
      const bag = host.importedBag(value);
      return bag ? { kind: 'object', bag } : { kind: 'unknown', text: host.text(node) };
    }
    case 'call':
    case 'function':
    case 'template':
      return { kind: 'expression', text: host.text(node) };
    default: {
      const expr = unwrapExpression(node);
      if (expr.type === 'ArrayExpression') {
        return {
          kind: 'array',
          items: expr.elements.map((element) =>
            element && element.type !== 'SpreadElement' ? summarizeValue(host, element, nesting + 1) : { kind: 'unknown', text: '' },
          ),
        };
      }
      return { kind: 'unknown', text: host.text(node) };
    }
  }
}

/**
 * Looks a key up through configuration layers, innermost (the call's own options) first.
 * A layer that may contain anything (unknown spread) makes a missing key undetermined.
 */
export function lookupOption(layersOuterToInner: readonly OptionBag[], key: string): OptionLookup {
  for (let i = layersOuterToInner.length - 1; i >= 0; i--) {
    const layer = layersOuterToInner[i];
    const entry = layer.entries[key];
    if (entry) return entry.certain ? { state: 'set', entry } : { state: 'undetermined' };
    if (layer.openEnded) return { state: 'undetermined' };
  }
  return { state: 'absent' };
}

/** Finite and positive: the only timeouts that bound a request. */
export function isFinitePositive(value: OptionValue): boolean {
  return value.kind === 'number' && Number.isFinite(value.value) && value.value > 0;
}

/** Values that clients read as "no timeout": 0, Infinity, false, null. */
export function isExplicitlyUnbounded(value: OptionValue): boolean {
  if (value.kind === 'number') return value.value === 0 || !Number.isFinite(value.value);
  if (value.kind === 'boolean') return value.value === false;
  return value.kind === 'nullish';
}

/** How a value reads in a message: `0`, `Infinity`, `false`, `null`. */
export function describeOptionValue(value: OptionValue): string {
  switch (value.kind) {
    case 'number':
    case 'boolean':
      return String(value.value);
    case 'string':
      return JSON.stringify(value.value);
    case 'nullish':
      return 'null';
    case 'expression':
    case 'unknown':
      return value.text;
    default:
      return value.kind;
  }
}
