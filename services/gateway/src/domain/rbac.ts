import type { Role } from '@emporium/contracts';

/** Who may call a route: anyone, any signed-in user, or a user holding one of the roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface AccessRule {
  /** HTTP methods (HEAD counts as GET), or '*' for all. */
  methods: readonly string[] | '*';
  /** Upstream path pattern: `*` is one segment, a trailing `/**` is any rest (or none). */
  path: string;
  access: Access;
}

export interface Caller {
  userId: string;
  roles: readonly Role[];
}

const staff: readonly Role[] = ['staff', 'admin'];
const admin: readonly Role[] = ['admin'];
const reads = ['GET'];

/**
 * The gateway's access table, first match wins, on the upstream path (`/catalog/products`).
 * Services check again (ownership, finer roles); this is the coarse outer wall.
 * Anything not listed needs a signed-in user.
 */
export const accessRules: readonly AccessRule[] = [
  // users: sign-up and sessions are open; listing users and changing roles is for admins
  { methods: '*', path: '/users/register', access: 'public' },
  { methods: '*', path: '/users/login', access: 'public' },
  { methods: '*', path: '/users/refresh', access: 'public' },
  { methods: '*', path: '/users/logout', access: 'public' },
  { methods: '*', path: '/users/oidc/**', access: 'public' },
  // the emailed link's token is the proof: asking for and using a reset link, confirming an address
  { methods: ['POST'], path: '/users/password-reset/**', access: 'public' },
  { methods: ['POST'], path: '/users/email-verification/**', access: 'public' },
  { methods: '*', path: '/users', access: admin },
  { methods: '*', path: '/users/roles/**', access: admin },
  { methods: '*', path: '/users/*/roles/**', access: admin },
  { methods: '*', path: '/users/**', access: 'authenticated' },
  // catalog: browsing is open, editing is for staff
  { methods: reads, path: '/catalog/**', access: 'public' },
  { methods: '*', path: '/catalog/**', access: staff },
  // cart: guests have carts too (the cart service ties carts to users when signed in)
  { methods: '*', path: '/cart/**', access: 'public' },
  // orders: guest checkout; everything else about orders needs a user
  { methods: ['POST'], path: '/orders', access: 'public' },
  // a guest tracks an order by its id and email; the orders service checks the email
  { methods: reads, path: '/orders/*', access: 'public' },
  { methods: '*', path: '/orders/**', access: 'authenticated' },
  // payments: provider webhooks are signed by the provider, not by our users
  { methods: ['POST'], path: '/payments/webhooks/**', access: 'public' },
  { methods: '*', path: '/payments/**', access: 'authenticated' },
  // inventory: stock levels are visible, changing them is for staff
  { methods: reads, path: '/inventory/**', access: 'public' },
  { methods: '*', path: '/inventory/**', access: staff },
  // support: reviews are public reading; tickets and writing need a user
  { methods: reads, path: '/support/reviews/**', access: 'public' },
  { methods: '*', path: '/support/**', access: 'authenticated' },
  { methods: '*', path: '/notifications/**', access: 'authenticated' },
  { methods: '*', path: '/returns/**', access: 'authenticated' },
  // back-office services
  { methods: '*', path: '/analytics/**', access: staff },
  { methods: '*', path: '/crm/**', access: staff },
  { methods: '*', path: '/finance/**', access: admin },
];

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
  return caller.roles.some((role) => access.includes(role)) ? 'allow' : 'forbidden';
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
