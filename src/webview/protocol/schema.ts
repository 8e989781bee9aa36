/**
 * A tiny hand-written schema checker for the messages that cross the webview boundary.
 * Each check either returns a fresh, fully typed copy of the value or throws a SchemaError naming the
 * offending path. Copies are built from the declared fields only, so nothing the sender added
 * (extra keys, prototypes, getters) survives validation.
 */

export class SchemaError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'SchemaError';
  }
}

export type Check<T> = (value: unknown, path: string) => T;

/** Keys that could reach an object's prototype chain when a copy is made with assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export interface StringRules {
  min?: number;
  max: number;
  pattern?: RegExp;
}

export function str(rules: StringRules): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') throw new SchemaError(path, `expected string, got ${describe(value)}`);
    if (value.length < (rules.min ?? 0)) throw new SchemaError(path, `shorter than ${rules.min}`);
    if (value.length > rules.max) throw new SchemaError(path, `longer than ${rules.max} characters`);
    if (rules.pattern && !rules.pattern.test(value)) throw new SchemaError(path, 'does not match the expected format');
    return value;
  };
}

export function int(min: number, max: number): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw new SchemaError(path, `expected integer, got ${describe(value)}`);
    }
    if (value < min || value > max) throw new SchemaError(path, `out of range [${min}, ${max}]`);
    return value;
  };
}

export function num(min: number, max: number): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new SchemaError(path, `expected finite number, got ${describe(value)}`);
    }
    if (value < min || value > max) throw new SchemaError(path, `out of range [${min}, ${max}]`);
    return value;
  };
}

export const bool: Check<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw new SchemaError(path, `expected boolean, got ${describe(value)}`);
  return value;
};

export function oneOf<const T extends string>(choices: readonly T[]): Check<T> {
  return (value, path) => {
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      throw new SchemaError(path, `expected one of ${choices.join(', ')}`);
    }
    return value as T;
  };
}

export function list<T>(item: Check<T>, max: number): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new SchemaError(path, `expected array, got ${describe(value)}`);
    if (value.length > max) throw new SchemaError(path, `more than ${max} items`);
    return value.map((entry, i) => item(entry, `${path}[${i}]`));
  };
}

/** Marks a field that may be absent (or `undefined`); `null` is still rejected. */
export interface Optional<T> {
  optional: Check<T>;
}
export function optional<T>(check: Check<T>): Optional<T> {
  return { optional: check };
}

type Field = Check<unknown> | Optional<unknown>;
type Shape = Record<string, Field>;
type Out<S extends Shape> = {
  [K in keyof S as S[K] extends Optional<unknown> ? never : K]: S[K] extends Check<infer T> ? T : never;
} & {
  [K in keyof S as S[K] extends Optional<unknown> ? K : never]?: S[K] extends Optional<infer T> ? T : never;
};

/**
 * A plain object with exactly the declared keys: unknown keys and prototype-reaching keys are errors,
 * not silently dropped, so a sender that is out of step with this schema is noticed in the log.
 */
export function obj<S extends Shape>(shape: S): Check<Out<S>> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new SchemaError(path, `expected object, got ${describe(value)}`);
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new SchemaError(path, 'expected a plain object');
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new SchemaError(`${path}.${key}`, 'forbidden key');
      if (!Object.prototype.hasOwnProperty.call(shape, key)) throw new SchemaError(`${path}.${key}`, 'unexpected key');
    }
    const source = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      const present = Object.prototype.hasOwnProperty.call(source, key) && source[key] !== undefined;
      if (typeof field === 'function') {
        if (!present) throw new SchemaError(`${path}.${key}`, 'missing');
        copy[key] = field(source[key], `${path}.${key}`);
      } else if (present) {
        copy[key] = field.optional(source[key], `${path}.${key}`);
      }
    }
    return copy as Out<S>;
  };
}

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Validates a message discriminated by its `type` field: the type is looked up in `byType` (own keys
 * only, so "toString" or "__proto__" are unknown types) and the whole message checked against it.
 */
export function discriminated<M>(byType: Record<string, Check<M>>, what: string): (value: unknown) => Validation<M> {
  return (value) => {
    try {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new SchemaError(what, `expected object, got ${describe(value)}`);
      }
      const type: unknown = (value as { type?: unknown }).type;
      if (typeof type !== 'string') throw new SchemaError(`${what}.type`, 'missing or not a string');
      if (!Object.prototype.hasOwnProperty.call(byType, type)) {
        throw new SchemaError(`${what}.type`, `unknown message type "${type.slice(0, 40)}"`);
      }
      return { ok: true, value: byType[type]!(value, what) };
    } catch (error) {
      if (error instanceof SchemaError) return { ok: false, error: error.message };
      throw error;
    }
  };
}
