import { randomBytes } from 'node:crypto';
import { internalTokenHeader, roleSchema, type Role } from '@emporium/contracts';
import { InternalTokens } from '../identity.ts';

/** This test process's platform secrets; the test platform gives them to every service it starts. */
export const testSecrets = {
  INTERNAL_TOKEN_SECRET: randomBytes(32).toString('base64url'),
  REGISTRY_TOKEN: randomBytes(24).toString('base64url'),
};

/** A user as tests describe one; roles as a list or the old comma-separated header form. */
export interface TestUser {
  userId: string;
  roles: readonly Role[] | string;
  email?: string;
}

// Long-lived (an hour) so helpers can build headers once per file; real tokens live a minute.
const testTtlSeconds = 3600;
const signers = new Map<string, InternalTokens>();

function signer(service: string): InternalTokens {
  let tokens = signers.get(service);
  if (!tokens) signers.set(service, (tokens = new InternalTokens(testSecrets.INTERNAL_TOKEN_SECRET, service, testTtlSeconds)));
  return tokens;
}

/**
 * Headers of a request as the gateway (or `service`) sends it to a service: a signed internal
 * token, naming `user` when given. Spread into a call's headers, e.g. `{ headers: identityHeaders(u) }`.
 */
export function identityHeaders(user?: TestUser | null, service = 'gateway'): Record<string, string> {
  const principal = user ? { userId: user.userId, email: user.email, roles: parseRoles(user.roles) } : null;
  return { [internalTokenHeader]: signer(service).sign(principal) };
}

function parseRoles(roles: TestUser['roles']): Role[] {
  const list = typeof roles === 'string' ? roles.split(',').map((r) => r.trim()).filter(Boolean) : [...roles];
  return list.map((r) => roleSchema.parse(r));
}

/**
 * Call options acting as a signed-in user with `role` (the gateway's signed identity), e.g.
 * `api.post(path, body, as('staff'))`. Spread `.headers` to add others.
 */
export function as(role: Role, userId = `${role}-1`): { headers: Record<string, string> } {
  return { headers: identityHeaders({ userId, roles: [role], email: `${userId}@example.com` }) };
}
