// node:assert/strict for the integration tests that run in the browser's extension host, which
// has no Node: the functions those tests call, with the same meaning (strict equality,
// deep strict equality of plain data, RegExp matching). The web test bundle maps
// `node:assert/strict` here; in the Node host the tests use Node's own.

export class AssertionError extends Error {
  override name = 'AssertionError';
}

function fail(message: string | Error | undefined, otherwise: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? otherwise);
}

const show = (value: unknown) => {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v)) ?? String(value));
  } catch {
    return String(value);
  }
};

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `The expression evaluated to a falsy value: ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`);
}

/** Deep strict equality as node:assert/strict has it for data: same prototypes, own enumerable keys, Maps, Sets, Dates and RegExps by content. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map) {
    const m = b as Map<unknown, unknown>;
    return a.size === m.size && [...a].every(([k, v]) => m.has(k) && same(v, m.get(k)));
  }
  if (a instanceof Set) {
    const s = b as Set<unknown>;
    return a.size === s.size && [...a].every((v) => s.has(v) || [...s].some((w) => same(v, w)));
  }
  if (ArrayBuffer.isView(a)) {
    const x = a as unknown as ArrayLike<unknown>;
    const y = b as unknown as ArrayLike<unknown>;
    return x.length === y.length && Array.from(x).every((v, i) => Object.is(v, y[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!same(actual, expected)) fail(message, `Expected values to be strictly deep-equal:\n${show(actual)}\nshould equal\n${show(expected)}`);
}

export function match(actual: string, pattern: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || !pattern.test(actual)) fail(message, `The input did not match the regular expression ${String(pattern)}. Input:\n${show(actual)}`);
}

export function doesNotMatch(actual: string, pattern: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || pattern.test(actual)) fail(message, `The input was expected to not match the regular expression ${String(pattern)}. Input:\n${show(actual)}`);
}

const strict = { ok, equal, notEqual, deepEqual, match, doesNotMatch, AssertionError };
export default strict;
