import type { FastifyRequest } from 'fastify';
import { principalHeaders, roleSchema, type Role } from '@emporium/contracts';
import { forbidden, unauthorized } from './errors.ts';

export interface Principal {
  userId: string;
  email?: string;
  roles: Role[];
}

/**
 * The caller as the gateway vouched for it after verifying the JWT. Services sit behind the
 * gateway (loopback in embedded mode, a private network in a cluster), which strips these
 * headers from client requests before setting them.
 */
export function principalOf(request: FastifyRequest): Principal | null {
  const userId = request.headers[principalHeaders.userId];
  if (typeof userId !== 'string' || !userId) return null;
  const rawRoles = request.headers[principalHeaders.roles];
  const roles = (typeof rawRoles === 'string' ? rawRoles.split(',') : [])
    .map((r) => roleSchema.safeParse(r.trim()))
    .flatMap((r) => (r.success ? [r.data] : []));
  const email = request.headers[principalHeaders.email];
  return { userId, roles, email: typeof email === 'string' ? email : undefined };
}

export function requirePrincipal(request: FastifyRequest): Principal {
  const principal = principalOf(request);
  if (!principal) throw unauthorized();
  return principal;
}

export function hasRole(principal: Principal | null, ...roles: Role[]): boolean {
  return !!principal && principal.roles.some((r) => roles.includes(r));
}

/** preHandler: the caller must be signed in and hold one of `roles`. */
export function requireRole(...roles: Role[]) {
  return async (request: FastifyRequest) => {
    const principal = requirePrincipal(request);
    if (!hasRole(principal, ...roles)) throw forbidden(`Requires one of the roles: ${roles.join(', ')}`);
  };
}
