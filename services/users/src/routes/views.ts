import type { UserRow } from '../db/schema.ts';
import { rolesOf } from '../db/users.ts';

/** A user as the API shows it: never the password hash. */
export function userView(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    address: row.address,
    roles: rolesOf(row),
    emailVerified: row.emailVerifiedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
