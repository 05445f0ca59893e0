import { endpointPath, type EndpointInput, type EndpointResponse, type InternalEndpoint } from '@emporium/contracts';
import { HttpProblem } from '../errors.ts';
import type { Principal } from '../identity.ts';
import type { HttpClient } from './client.ts';

export interface EndpointCallOptions {
  requestId?: string;
  /** Required by endpoints declared with `idempotencyKey`: the key makes retrying the call safe. */
  idempotencyKey?: string;
  actingFor?: Principal | null;
}

/**
 * Calls another service's internal endpoint (declared in @emporium/contracts) through the
 * caller's HttpClient: the path is filled from `params`, the body sent as declared, and the
 * answer parsed with the endpoint's response schema. A non-2xx answer is an HttpProblem carrying
 * the upstream's detail (as `HttpClient.json`); an answer of the wrong shape is a 502.
 */
export async function callEndpoint<E extends InternalEndpoint>(
  client: HttpClient,
  endpoint: E,
  input: EndpointInput<E>,
  options: EndpointCallOptions = {},
): Promise<EndpointResponse<E>> {
  const { params, query, body } = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  if (endpoint.idempotencyKey && !options.idempotencyKey) throw new Error(`${endpoint.method} ${endpoint.path} needs an idempotency key`);
  const path = endpointPath(endpoint.path, params) + queryString(query);
  const answer = await client.json({
    method: endpoint.method,
    path,
    // A POST without a declared body still sends `{}`: Fastify refuses an empty JSON body.
    body: endpoint.method === 'GET' ? undefined : (body ?? {}),
    requestId: options.requestId,
    actingFor: options.actingFor,
    // Every internal endpoint is safe to repeat: a key, or one answer per order/cart whatever the number of calls.
    idempotent: true,
    headers: options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : undefined,
  });
  const parsed = endpoint.response.safeParse(answer);
  if (!parsed.success) {
    throw new HttpProblem(502, `${endpoint.service} answered ${endpoint.method} ${endpoint.path} in an unexpected shape`, {
      issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  return parsed.data as EndpointResponse<E>;
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const entries = Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}
