import type { FastifyRequest } from 'fastify';
import { can, internalTokenHeader, legacyPrincipalHeaders, type Permission } from '@emporium/contracts';
import { forbidden, unauthorized } from './errors.ts';
import type { Caller, InternalTokens, Principal } from './identity.ts';

export type { Principal, Caller } from './identity.ts';

// Kept beside the request rather than declared on FastifyRequest, so the type does not leak.
const callers = new WeakMap<FastifyRequest, Caller>();

/** Headers that describe the client hop; believed only from a platform caller (the gateway). */
const forwardingHeaders = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded'];

/** By the route that matched, not the raw URL, which may spell the same path differently (`%69nternal`). */
const isInternalRoute = (request: FastifyRequest) => /^\/internal(\/|$)/.test(request.routeOptions.url ?? '');

/**
 * onRequest hook of every service: verifies the internal token the gateway or a calling service
 * signed. Bare identity headers are refused (they are what an attacker on the network would send),
 * `/internal/...` needs a service identity, and without a token the client's forwarding headers
 * are dropped, so `request.ip` is the socket's address.
 */
export function verifyCaller(tokens: InternalTokens) {
  return async (request: FastifyRequest) => {
    if (legacyPrincipalHeaders.some((name) => request.headers[name] !== undefined)) {
      throw unauthorized(`Identity headers are not accepted; identity travels in a signed ${internalTokenHeader}`);
    }
    const token = request.headers[internalTokenHeader];
    if (token === undefined) {
      for (const name of forwardingHeaders) delete request.raw.headers[name];
      if (isInternalRoute(request)) throw unauthorized('Internal routes require a service identity');
      return;
    }
    if (typeof token !== 'string') throw unauthorized(`Send one ${internalTokenHeader}`);
    callers.set(request, await tokens.verify(token));
  };
}

/** The platform service that made the request (the gateway for client requests), if verified. */
export function callerOf(request: FastifyRequest): Caller | null {
  return callers.get(request) ?? null;
}

/** The user the request acts for, as the gateway verified it and vouched for in a signed token. */
export function principalOf(request: FastifyRequest): Principal | null {
  return callers.get(request)?.principal ?? null;
}

export function requirePrincipal(request: FastifyRequest): Principal {
  const principal = principalOf(request);
  if (!principal) throw unauthorized();
  return principal;
}

/** Whether the principal's roles grant `permission`, by the one table in @emporium/contracts. */
export function hasPermission(principal: Principal | null, permission: Permission): boolean {
  return !!principal && can(principal.roles, permission);
}

/** preHandler: the caller must be signed in and one of their roles must grant `permission`. */
export function requirePermission(permission: Permission) {
  return async (request: FastifyRequest) => {
    const principal = requirePrincipal(request);
    if (!hasPermission(principal, permission)) throw forbidden(`Requires the permission ${permission}`);
  };
}
