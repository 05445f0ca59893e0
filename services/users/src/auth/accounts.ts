import { conflict, HttpProblem, unauthorized } from '@emporium/kit';
import type { UsersContext } from '../context.ts';
import type { UserRow } from '../db/schema.ts';
import { findUserByEmail, insertUser } from '../db/users.ts';
import { normalizeEmail } from '../domain/emails.ts';
import { loginThrottleKey, retryAfterSeconds } from '../domain/login-throttle.ts';
import { publishUserRegistered } from '../events/published.ts';
import { hashPassword, passwordMatches } from './passwords.ts';
import type { TokenPair } from './sessions.ts';

export async function register(ctx: UsersContext, input: { email: string; password: string; name?: string }): Promise<UserRow> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const user = await ctx.deps.db.transaction(async (tx) => {
    const created = await insertUser(tx, { email, passwordHash, name: input.name, roles: ['customer'] });
    if (created) await publishUserRegistered(tx, created);
    return created;
  });
  if (!user) throw conflict('An account with this email already exists');
  ctx.deps.relay.nudge();
  return user;
}

/**
 * Checks credentials. Unknown email and wrong password fail identically (same status, same
 * detail, same work), and repeated failures from one address for one email are throttled.
 */
export async function login(ctx: UsersContext, input: { email: string; password: string; ip: string }): Promise<TokenPair> {
  const email = normalizeEmail(input.email);
  const key = loginThrottleKey(email, input.ip);
  const policy = { maxFailures: ctx.config.LOGIN_MAX_FAILURES, windowSeconds: ctx.config.LOGIN_WINDOW_SECONDS };
  const wait = retryAfterSeconds(policy, await ctx.loginFailures.peek(key));
  if (wait > 0) throw new HttpProblem(429, 'Too many failed sign-in attempts; try again later', { retryAfter: wait });

  const user = await findUserByEmail(ctx.deps.db, email);
  if (!(await passwordMatches(input.password, user?.passwordHash)) || !user) {
    await ctx.loginFailures.hit(key, policy.windowSeconds);
    throw unauthorized('Invalid email or password');
  }
  await ctx.loginFailures.clear(key);
  return ctx.sessions.start(user);
}
