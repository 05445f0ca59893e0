import type { Role } from '@emporium/contracts';

/**
 * What each role may do. The single place that maps roles to capabilities: this service's routes
 * check permissions (not role names), and `GET /users/permissions` tells clients (the admin UI)
 * what the caller may do. Higher roles include everything of the lower ones.
 */
const customer = ['profile:read:self', 'profile:write:self', 'orders:create', 'orders:read:own', 'returns:create', 'reviews:write'] as const;
const staff = [...customer, 'users:read:any', 'catalog:write', 'inventory:manage', 'orders:manage', 'returns:manage', 'support:manage', 'crm:manage'] as const;
const admin = [...staff, 'users:list', 'users:write:roles', 'audit:read', 'payments:refund', 'finance:read', 'analytics:read'] as const;

export const rolePermissions = { customer, staff, admin } as const satisfies Record<Role, readonly string[]>;
export type Permission = (typeof admin)[number];

/** The union of the permissions of `roles`, sorted, without duplicates. */
export function permissionsFor(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((role) => rolePermissions[role]))].sort();
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => (rolePermissions[role] as readonly string[]).includes(permission));
}
