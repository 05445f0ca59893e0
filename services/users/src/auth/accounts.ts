import { unauthorized } from '@emporium/kit';
import type { UsersContext } from '../context.ts';
import { findUserByEmail, insertUser } from '../db/users.ts';
import { normalizeEmail } from '../domain/emails.ts';
import { publishUserRegistered } from '../events/published.ts';
import { hashPassword, passwordMatches } from './passwords.ts';
import { reserveAccountEmail, sendEmailVerification, sendExistingAccountNotice } from './account-emails.ts';
import { ensureMayTryPassword, recordRightPassword, recordWrongPassword } from './login-throttling.ts';
import type { TokenPair } from './sessions.ts';

/**
 * Signs up. The caller learns nothing about whether the email had an account: the answer is the
 * same, the same work is done (one password hash, one transaction), and an email goes out either
 * way: a verification link for a new account, a "you already have an account" notice otherwise.
 */
export async function register(ctx: UsersContext, input: { email: string; password: string; name?: string }): Promise<{ email: string }> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const mayMail = (await reserveAccountEmail(ctx, email)) === 0;
  await ctx.deps.db.transaction(async (tx) => {
    const created = await insertUser(tx, { email, passwordHash, name: input.name, roles: ['customer'] });
    if (created) {
      await publishUserRegistered(tx, created);
      if (mayMail) await sendEmailVerification(ctx, tx, created);
      return;
    }
    const existing = await findUserByEmail(tx, email);
    if (existing && mayMail) await sendExistingAccountNotice(ctx, tx, existing);
  });
  ctx.deps.relay.nudge();
  return { email };
}

/**
 * Checks credentials. Unknown email and wrong password fail identically (same status, same
 * detail, same work); failures are throttled per account and address and per account.
 * A verified email is not required: a shop lets people buy before they click the link.
 */
export async function login(ctx: UsersContext, input: { email: string; password: string; ip: string }): Promise<TokenPair> {
  const email = normalizeEmail(input.email);
  await ensureMayTryPassword(ctx, email, input.ip);
  const user = await findUserByEmail(ctx.deps.db, email);
  if (!(await passwordMatches(input.password, user?.passwordHash)) || !user) {
    await recordWrongPassword(ctx, email, input.ip);
    throw unauthorized('Invalid email or password');
  }
  await recordRightPassword(ctx, email, input.ip);
  return ctx.sessions.start(user);
}
