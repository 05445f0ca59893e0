import type { z } from 'zod';

/**
 * One service-to-service endpoint as both sides see it: the serving route takes its schemas
 * (params, query, body, response) and callers go through the kit's `callEndpoint`, which fills
 * the path, sends the body and parses the answer with `response`. A shape changed on one side
 * fails the other's type check instead of a checkout at run time.
 */
export interface InternalEndpoint<
  Params extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Response extends z.ZodType = z.ZodType,
> {
  /** The service that serves it (its name in the directory). */
  service: string;
  method: 'GET' | 'POST';
  /** Fastify-style template: `/internal/carts/:cartId/claim`. */
  path: string;
  params: Params;
  query: Query;
  body: Body;
  /** The 2xx answer. */
  response: Response;
  /** The caller sends an Idempotency-Key (and may retry the call). */
  idempotencyKey?: boolean;
}

export function internalEndpoint<
  Response extends z.ZodType,
  Params extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
>(definition: {
  service: string;
  method: 'GET' | 'POST';
  path: string;
  params?: Params;
  query?: Query;
  body?: Body;
  response: Response;
  idempotencyKey?: boolean;
}): InternalEndpoint<Params, Query, Body, Response> {
  return { params: undefined as Params, query: undefined as Query, body: undefined as Body, ...definition };
}

type Field<Name extends string, Schema> = Schema extends z.ZodType ? { [K in Name]: z.input<Schema> } : { [K in Name]?: never };

/** What a caller gives: the params, query and body the endpoint declares (typed by their schemas). */
export type EndpointInput<E extends InternalEndpoint> = Field<'params', E['params']> & Field<'query', E['query']> & Field<'body', E['body']>;

/** What the caller gets back: the response schema's output. */
export type EndpointResponse<E extends InternalEndpoint> = z.output<E['response']>;

/** Fills a path template's `:name` segments from params (each URI-encoded). */
export function endpointPath(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`path ${template} needs the parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
