import type { z } from 'zod';
import type { ErrorCode } from '../errors';
import type { Scope } from './roles';

/**
 * Who may call an endpoint: anyone (sign-in), any signed-in staff member, or only staff whose
 * roles grant the named scope.
 */
export type Access = { kind: 'public' } | { kind: 'signed_in' } | { kind: 'scope'; scope: Scope };

export const publicAccess: Access = { kind: 'public' };
export const signedIn: Access = { kind: 'signed_in' };
export const needs = (scope: Scope): Access => ({ kind: 'scope', scope });

type AnyObject = z.ZodObject<z.ZodRawShape>;

/** One platform endpoint, declared once; routes, client and OpenAPI all derive from it. */
export interface Endpoint<
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  O extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST' | 'DELETE';
  /** OpenAPI-style template, e.g. /v1/moderation/claims/{listingId} */
  path: string;
  summary: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  output: O;
  /** Error codes this endpoint can answer with besides the universal ones. */
  errors: readonly ErrorCode[];
}

export function endpoint<
  P extends AnyObject | undefined = undefined,
  Q extends AnyObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  O extends z.ZodType = z.ZodType,
>(def: Endpoint<P, Q, B, O>): Endpoint<P, Q, B, O> {
  return def;
}

// A declared part is optional on Endpoint, so strip `undefined` before asking what it holds.
type Declared<T> = Exclude<T, undefined>;
type InferOr<T, Fallback> = [Declared<T>] extends [never] ? Fallback : Declared<T> extends z.ZodType ? z.infer<Declared<T>> : Fallback;
type InputOr<T, Fallback> = [Declared<T>] extends [never] ? Fallback : Declared<T> extends z.ZodType ? z.input<Declared<T>> : Fallback;

/** What a handler receives once the request parsed. */
export interface ParsedInput<E extends Endpoint> {
  params: InferOr<E['params'], Record<string, never>>;
  query: InferOr<E['query'], Record<string, never>>;
  body: InferOr<E['body'], undefined>;
}

/** What a caller supplies (before coercion and defaults). */
export interface CallInput<E extends Endpoint> {
  params: InputOr<E['params'], undefined>;
  query: InputOr<E['query'], undefined>;
  body: InputOr<E['body'], undefined>;
}

export type Output<E extends Endpoint> = z.infer<E['output']>;

/** Fills `{name}` segments of a path template; values are URI-encoded. */
export function fillPath(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
