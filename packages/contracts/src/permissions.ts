import type { Role } from './auth.ts';

/**
 * What each role may do: the one table behind `GET /users/permissions` (what clients are told),
 * the gateway's access rules and every service's guards (what is enforced), so the answer and the
 * check cannot drift apart. Checks name permissions, never roles. Higher roles include everything
 * of the lower ones.
 */
const customer = ['profile:read:self', 'profile:write:self', 'orders:create', 'orders:read:own', 'returns:create', 'reviews:write'] as const;
const staff = [
  ...customer,
  'users:read:any',
  'catalog:write',
  'inventory:manage',
  'orders:manage',
  // Refunding a customer is everyday back-office work in a shop, not an admin privilege.
  'payments:refund',
  'payments:read:any',
  'discounts:manage',
  'notifications:manage',
  'notifications:read:any',
  'returns:manage',
  'support:manage',
  'crm:manage',
  'analytics:read',
] as const;
const admin = [...staff, 'users:list', 'users:write:roles', 'audit:read', 'finance:read', 'registry:read'] as const;

export const rolePermissions = { customer, staff, admin } as const satisfies Record<Role, readonly string[]>;
export type Permission = (typeof admin)[number];
export const allPermissions: readonly Permission[] = admin;

/** The union of the permissions of `roles`, sorted, without duplicates. */
export function permissionsFor(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((role) => rolePermissions[role]))].sort();
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => (rolePermissions[role] as readonly string[]).includes(permission));
}
