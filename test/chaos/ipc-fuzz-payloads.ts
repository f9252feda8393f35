import fc from 'fast-check';
import type { ChannelName } from '../../shared/ipc/contract';

/**
 * What a compromised or buggy renderer could send through structured clone: every hostile value
 * the issue names, alone, nested, and planted into otherwise valid inputs. Functions and symbols
 * are left out because structured clone cannot carry them.
 */
const MEGABYTE = 'x'.repeat(1 << 20);
const MEGABYTE_CJK = '审'.repeat(1 << 19);

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = wrap(value);
  return value;
}
const DEEP_OBJECT = nested(5_000, (inner) => ({ listingId: inner }));
const DEEP_ARRAY = nested(5_000, (inner) => [inner]);

/** Parsed from JSON, as a payload would be: `__proto__` becomes an own key, not the prototype. */
const pollution = () =>
  fc.constantFrom(
    JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
    JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
    JSON.parse('{"__proto__": {"roles": ["dpo"]}, "listingId": "L-1"}') as unknown,
    JSON.parse('{"prototype": {"polluted": "yes"}, "toString": 1, "hasOwnProperty": "x", "valueOf": null}') as unknown,
  );

export const hostileLeaf = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom<unknown>(
      NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, 2 ** 64, -(2 ** 63), 1e308, Number.MIN_VALUE, 0.5, -1, 0,
      null, undefined, true, false, '', ' ', '\u0000', 'L-1\u0000', '\uD800', 'a\uDC00b', '\uFEFF', '‮evil', '__proto__', 'constructor',
      '../../../etc/passwd', "'; DROP TABLE listings; --", '%s%n%x', '/media/../../secret.svg', 'javascript:alert(1)', MEGABYTE, MEGABYTE_CJK,
      DEEP_OBJECT, DEEP_ARRAY, [], {}, [[]], new Date(NaN), new Date(8.64e15), 10n ** 30n, new Map([['a', 1]]), new Set([1]), new Uint8Array(4),
    ),
    fc.integer(),
    fc.double(),
    fc.bigInt(),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    pollution(),
  );

const key = () =>
  fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'listingId', 'listingIds', 'id', 'userId', 'ticketId', 'action', 'password', 'roles', 'path', 'dryRun'),
    fc.string({ maxLength: 12 }),
  );

/** Any value at all: leaves, arrays and objects of them, a few levels deep. */
export const anyValue = (): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      hostileLeaf(),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key(), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

const mutation = () =>
  fc.record({
    kind: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'extra', 'as_array', 'pollute', 'nest'),
    pick: fc.nat(),
    leaf: hostileLeaf(),
    extraKey: key(),
  });
type Mutation = typeof mutation extends () => fc.Arbitrary<infer M> ? M : never;

/** Every (path, value) inside a valid input, so a mutation can strike at any depth. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const plain = value !== null && typeof value === 'object' && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);
  // Typed arrays, maps and dates are leaves here: writing a BigInt into a Uint8Array is the generator's bug, not the router's.
  if (!plain || at.length >= 6) return [at];
  const own = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...own.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k]))];
}

/**
 * Copies the top levels a mutation can touch and shares what is below: an input already carrying
 * a 5,000-deep value would overflow structuredClone's stack, which is not what is under test.
 */
function cloneShallowly(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth >= 6) return value;
  if (Array.isArray(value)) return value.map((v) => cloneShallowly(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    Object.defineProperty(copy, k, { value: cloneShallowly((value as Record<string, unknown>)[k], depth + 1), enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

function applyMutation(valid: unknown, m: Mutation): unknown {
  if (valid === null || typeof valid !== 'object') return m.kind === 'as_array' ? [valid] : { value: valid, [m.extraKey]: m.leaf };
  const copy = cloneShallowly(valid) as Record<string, unknown>;
  const all = paths(copy).filter((p) => p.length > 0);
  const target = all.length ? all[m.pick % all.length]! : [];
  const parentOf = (p: (string | number)[]) => p.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string, unknown>, copy);
  switch (m.kind) {
    case 'replace':
      if (!target.length) return m.leaf;
      parentOf(target)[target.at(-1)!] = m.leaf;
      return copy;
    case 'delete':
      if (target.length) delete parentOf(target)[target.at(-1)!];
      return copy;
    case 'extra':
      Object.defineProperty(copy, m.extraKey, { value: m.leaf, enumerable: true, configurable: true, writable: true });
      return copy;
    case 'as_array':
      return [copy];
    case 'pollute':
      return { ...(JSON.parse('{"__proto__": {"polluted": "yes"}}') as object), ...copy };
    case 'nest':
      if (target.length) parentOf(target)[target.at(-1)!] = { value: parentOf(target)[target.at(-1)!] };
      return copy;
  }
  return copy;
}

/** One fuzz case: a channel and what the renderer sends on it. */
export function fuzzCase(channels: readonly ChannelName[], validInputs: Record<ChannelName, unknown>) {
  return fc.record({
    channel: fc.constantFrom(...channels),
    // Some inputs go as they are, so a good share of calls reach the core's handlers and the platform.
    shape: fc.constantFrom('random', 'hostile_object', 'mutated', 'mutated', 'mutated_twice', 'as_is'),
    random: anyValue(),
    mutations: fc.tuple(mutation(), mutation()),
  }).map(({ channel, shape, random, mutations: [first, second] }) => {
    const valid = validInputs[channel];
    const payload =
      shape === 'random' ? random
      : shape === 'hostile_object' ? { ...(random !== null && typeof random === 'object' ? random : { value: random }) }
      : shape === 'as_is' ? valid
      : shape === 'mutated' ? applyMutation(valid, first)
      : applyMutation(applyMutation(valid, first), second);
    return { channel, shape, payload };
  });
}

/** A short, safe description of a payload for a problem report (a megabyte string is not repeated). */
export function describe(payload: unknown): string {
  let text: string;
  try {
    text = fc.stringify(payload);
  } catch {
    text = '(too deep to print)';
  }
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}
