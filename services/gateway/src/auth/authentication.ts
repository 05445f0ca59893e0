import type { FastifyRequest } from 'fastify';
import type { HttpProblem } from '@emporium/kit';
import type { Principal } from '../domain/headers.ts';
import type { TokenVerifier } from './token-verifier.ts';

interface RequestAuth {
  principal: Principal | null;
  /** Set when a token was sent but is not valid; raised after rate limiting. */
  error?: HttpProblem;
  /** The instance that served the request, for the access log. */
  upstream?: string;
}

// Kept beside the request rather than declared on FastifyRequest: the type would leak into every service.
const state = new WeakMap<FastifyRequest, RequestAuth>();

export function requestState(request: FastifyRequest): RequestAuth {
  let entry = state.get(request);
  if (!entry) state.set(request, (entry = { principal: null }));
  return entry;
}

export function principalOf(request: FastifyRequest): Principal | null {
  return requestState(request).principal;
}

/** onRequest: verifies a bearer token if one is sent. Never throws, so rate limiting still counts the request. */
export function authenticate(verifier: TokenVerifier) {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) return;
    const entry = requestState(request);
    try {
      entry.principal = await verifier.verify(match[1]!);
    } catch (error) {
      entry.error = error as HttpProblem;
    }
  };
}

/** preHandler: a request that sent a bad token is refused, whatever the route. */
export async function rejectInvalidToken(request: FastifyRequest): Promise<void> {
  const { error } = requestState(request);
  if (error) throw error;
}
