import type { FastifyRequest } from 'fastify';
import { forbidden, requirePrincipal } from '@emporium/kit';
import { can, type Permission } from '../domain/permissions.ts';

/** preHandler: the caller must be signed in and one of their roles must grant `permission`. */
export function requirePermission(permission: Permission) {
  return async (request: FastifyRequest) => {
    const principal = requirePrincipal(request);
    if (!can(principal.roles, permission)) throw forbidden(`Requires the permission ${permission}`);
  };
}
