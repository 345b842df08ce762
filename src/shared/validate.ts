/**
 * Tiny runtime validators for data that crosses a trust boundary (messages between contexts,
 * stored settings). Each returns a reason string on failure so handlers can log why they
 * rejected something, instead of a bare false.
 */
/** The phantom `__type` lets `obj()` infer the shape it checks; it is never set. */
export type Check<T> = ((value: unknown, path?: string) => string | null) & {
  readonly __type?: T;
};

export const str: Check<string> = (v, p = 'value') =>
  typeof v === 'string' ? null : `${p} must be a string`;

export const bool: Check<boolean> = (v, p = 'value') =>
  typeof v === 'boolean' ? null : `${p} must be a boolean`;

export const num: Check<number> = (v, p = 'value') =>
  typeof v === 'number' && Number.isFinite(v) ? null : `${p} must be a finite number`;

export function int(min: number, max: number): Check<number> {
  return (v, p = 'value') =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? null
      : `${p} must be an integer from ${min} to ${max}`;
}

export function lit<const L extends string | number | boolean>(literal: L): Check<L> {
  return (v, p = 'value') => (v === literal ? null : `${p} must be ${JSON.stringify(literal)}`);
}

export function oneOf<const L extends string>(values: readonly L[]): Check<L> {
  return (v, p = 'value') =>
    typeof v === 'string' && (values as readonly string[]).includes(v)
      ? null
      : `${p} must be one of ${values.join(', ')}`;
}

export function arr<T>(item: Check<T>, maxLength = 10_000): Check<T[]> {
  return (v, p = 'value') => {
    if (!Array.isArray(v)) return `${p} must be an array`;
    if (v.length > maxLength) return `${p} has more than ${maxLength} items`;
    for (let i = 0; i < v.length; i++) {
      const reason = item(v[i], `${p}[${i}]`);
      if (reason) return reason;
    }
    return null;
  };
}

export function optional<T>(inner: Check<T>): Check<T | undefined> {
  return (v, p) => (v === undefined ? null : inner(v, p));
}

export function nullable<T>(inner: Check<T>): Check<T | null> {
  return (v, p) => (v === null ? null : inner(v, p));
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Any plain object; used where another module validates the inside. */
export const record: Check<Record<string, unknown>> = (v, p = 'value') =>
  isRecord(v) ? null : `${p} must be an object`;

type Shape = Record<string, Check<unknown>>;
type FromShape<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };

export function obj<S extends Shape>(shape: S): Check<FromShape<S>> {
  return (v, p = 'value') => {
    if (!isRecord(v)) return `${p} must be an object`;
    for (const [key, check] of Object.entries(shape)) {
      const reason = check(v[key], `${p}.${key}`);
      if (reason) return reason;
    }
    return null;
  };
}

/** Narrowing wrapper: `if (is(check, x)) x is T`. */
export function is<T>(check: Check<T>, value: unknown): value is T {
  return check(value) === null;
}
