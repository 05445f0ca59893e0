import type { Executor } from '@emporium/kit';
import type { UsersContext } from '../context.ts';
import type { UserRow } from '../db/schema.ts';
import { insertAccountToken, voidAccountTokens, type AccountTokenPurpose } from '../db/account-tokens.ts';
import { publishEmailVerificationRequested, publishPasswordChanged, publishPasswordResetRequested, publishSignupWithExistingEmail } from '../events/published.ts';
// Same shape as refresh tokens: 256 random bits, only the sha256 is stored.
import { hashRefreshSecret as hashSecret, newRefreshSecret as newSecret } from './refresh-secrets.ts';

/**
 * The emails about an account. Each is an event written in the caller's transaction (the
 * notifications service sends it); links point at the storefront's pages under APP_URL, which
 * post the token back to our API. Call `deps.relay.nudge()` after the commit.
 */

type Recipient = Pick<UserRow, 'id' | 'email'>;

/** Hashes a token from a link the way it was stored. */
export { hashSecret as hashAccountToken };

export async function sendEmailVerification(ctx: UsersContext, tx: Executor, user: Recipient): Promise<void> {
  const { token, expiresAt } = await newAccountToken(tx, user, 'email_verification', ctx.config.EMAIL_VERIFICATION_TTL_HOURS * 3600);
  await publishEmailVerificationRequested(tx, { userId: user.id, email: user.email, verifyUrl: link(ctx, 'verify-email', token), expiresAt });
}

/** A newer reset link voids the older ones: only the last mail works. */
export async function sendPasswordReset(ctx: UsersContext, tx: Executor, user: Recipient): Promise<void> {
  await voidAccountTokens(tx, user.id, 'password_reset');
  const { token, expiresAt } = await newAccountToken(tx, user, 'password_reset', ctx.config.PASSWORD_RESET_TTL_MINUTES * 60);
  await publishPasswordResetRequested(tx, { userId: user.id, email: user.email, resetUrl: link(ctx, 'reset-password', token), expiresAt });
}

/** Someone signed up with an address that has an account: tell its owner, not the person signing up. */
export async function sendExistingAccountNotice(ctx: UsersContext, tx: Executor, user: Recipient): Promise<void> {
  await publishSignupWithExistingEmail(tx, { userId: user.id, email: user.email, signInUrl: link(ctx, 'sign-in'), forgotPasswordUrl: link(ctx, 'forgot-password') });
}

/** So the owner learns of a change they did not make. */
export async function sendPasswordChangedNotice(ctx: UsersContext, tx: Executor, user: Recipient): Promise<void> {
  await publishPasswordChanged(tx, { userId: user.id, email: user.email, forgotPasswordUrl: link(ctx, 'forgot-password') });
}

/**
 * Takes one account email to `email` from its hourly budget: 0 when it may be sent, else the
 * seconds until it may. Sign-up and reset requests are open to anyone; without a budget they
 * would let a stranger flood someone's inbox.
 */
export async function reserveAccountEmail(ctx: UsersContext, email: string): Promise<number> {
  const key = `account-emails:${email}`;
  await ctx.attempts.hit(key, 3600);
  const sent = await ctx.attempts.peek(key);
  return sent.count <= ctx.config.ACCOUNT_EMAILS_PER_HOUR ? 0 : Math.max(1, sent.resetsInSeconds);
}

async function newAccountToken(tx: Executor, user: Recipient, purpose: AccountTokenPurpose, ttlSeconds: number) {
  const token = newSecret();
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  await insertAccountToken(tx, { userId: user.id, purpose, email: user.email, tokenHash: hashSecret(token), expiresAt });
  return { token, expiresAt: expiresAt.toISOString() };
}

function link(ctx: UsersContext, page: string, token?: string): string {
  const url = `${ctx.config.APP_URL.replace(/\/+$/, '')}/account/${page}`;
  return token ? `${url}?token=${token}` : url;
}
