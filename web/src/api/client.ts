import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import type { Problem } from './models.ts';
import { currentAccessToken } from '../session/tokens.ts';

/** Typed client of the gateway's public API (paths, parameters and bodies from the merged OpenAPI document). */
export const api = createClient<paths>({ baseUrl: window.location.origin });

const authorization: Middleware = {
  async onRequest({ request }) {
    const token = await currentAccessToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
};
api.use(authorization);

/** An error answer of the API, carrying its problem details. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

/**
 * The body of a successful answer as the UI's model type, or an ApiError. (The services do not
 * describe response bodies in OpenAPI yet, so openapi-fetch cannot type `data` itself.)
 */
export async function body<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, (error ?? {}) as Problem);
  return data as T;
}

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
