import { accessRulesOf, can, type Access, type AccessRule, type Role } from '@emporium/contracts';

export type { Access, AccessRule };

export interface Caller {
  userId: string;
  roles: readonly Role[];
}

/**
 * The gateway's access table, first match wins, on the upstream path (`/catalog/products`): each
 * service's rules from its manifest (`packages/contracts/src/services/`). Services check again
 * (ownership, finer roles); this is the coarse outer wall. Anything not listed needs a signed-in user.
 */
export const accessRules: readonly AccessRule[] = accessRulesOf();

const defaultAccess: Access = 'authenticated';

export function accessFor(method: string, path: string, rules: readonly AccessRule[] = accessRules): Access {
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  const rule = rules.find((r) => (r.methods === '*' || r.methods.includes(verb)) && pathMatches(r.path, path));
  return rule?.access ?? defaultAccess;
}

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

export function decide(access: Access, caller: Caller | null): Decision {
  if (access === 'public') return 'allow';
  if (!caller) return 'unauthenticated';
  if (access === 'authenticated') return 'allow';
  return can(caller.roles, access.permission) ? 'allow' : 'forbidden';
}

export function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '**' && i === want.length - 1) return true;
    if (i >= have.length) return false;
    if (want[i] !== '*' && want[i] !== have[i]) return false;
  }
  return want.length === have.length;
}
