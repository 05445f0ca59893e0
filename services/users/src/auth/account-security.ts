import { badRequest, conflict, forbidden, HttpProblem, notFound } from '@emporium/kit';
import type { UsersContext } from '../context.ts';
import { findUserByEmail, findUserById, setPassword } from '../db/users.ts';
import { markEmailVerified } from '../db/credentials.ts';
import { consumeAccountToken, voidAccountTokens } from '../db/account-tokens.ts';
import { normalizeEmail } from '../domain/emails.ts';
import { accountThrottleKey } from '../domain/login-throttle.ts';
import { hashPassword, passwordMatches } from './passwords.ts';
import { hashAccountToken, reserveAccountEmail, sendEmailVerification, sendPasswordChangedNotice, sendPasswordReset } from './account-emails.ts';
import { ensureMayTryPassword, recordRightPassword, recordWrongPassword } from './login-throttling.ts';
import { endAllSessions } from './revocation.ts';
import type { TokenPair } from './sessions.ts';

/** Password change and reset, email verification, signing out everywhere. */

/** Mails a reset link if the email has an account. The caller is told nothing either way. */
export async function requestPasswordReset(ctx: UsersContext, rawEmail: string): Promise<void> {
  const email = normalizeEmail(rawEmail);
  if ((await reserveAccountEmail(ctx, email)) > 0) return;
  const sent = await ctx.deps.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (user) await sendPasswordReset(ctx, tx, user);
    return !!user;
  });
  if (sent) ctx.deps.relay.nudge();
}

/**
 * Sets a new password with a reset link's token (single use). Every session ends, since whoever
 * knew the old password may hold one, and the address counts as verified: the link reached it.
 */
export async function resetPassword(ctx: UsersContext, input: { token: string; newPassword: string }): Promise<void> {
  const passwordHash = await hashPassword(input.newPassword);
  const user = await ctx.deps.db.transaction(async (tx) => {
    const token = await consumeAccountToken(tx, hashAccountToken(input.token), 'password_reset');
    const owner = token && (await findUserById(tx, token.userId));
    if (!owner || owner.email !== token.email) return undefined;
    await setPassword(tx, owner.id, passwordHash);
    await voidAccountTokens(tx, owner.id, 'password_reset');
    await markEmailVerified(tx, owner.id);
    await endAllSessions(tx, owner.id, 'password_reset', ctx.signer.ttlSeconds);
    await sendPasswordChangedNotice(ctx, tx, owner);
    return owner;
  });
  if (!user) throw badRequest('This password reset link is invalid, expired or already used');
  ctx.deps.relay.nudge();
  // The owner proved the mailbox: guesses spread over many addresses no longer hold them back.
  await ctx.attempts.clear(accountThrottleKey(user.email));
}

/**
 * Changes the password of a signed-in user who knows the current one. Every session ends,
 * the caller's included, and the caller gets a new one in the answer: "sign out other devices".
 */
export async function changePassword(ctx: UsersContext, input: { userId: string; currentPassword: string; newPassword: string; ip: string }): Promise<TokenPair> {
  const user = await findUserById(ctx.deps.db, input.userId);
  if (!user) throw notFound('User not found');
  await ensureMayTryPassword(ctx, user.email, input.ip);
  if (!(await passwordMatches(input.currentPassword, user.passwordHash))) {
    await recordWrongPassword(ctx, user.email, input.ip);
    throw forbidden('The current password is wrong');
  }
  await recordRightPassword(ctx, user.email, input.ip);
  if (input.newPassword === input.currentPassword) throw badRequest('body.newPassword: must differ from the current password');
  const passwordHash = await hashPassword(input.newPassword);
  const pair = await ctx.deps.db.transaction(async (tx) => {
    await setPassword(tx, user.id, passwordHash);
    await voidAccountTokens(tx, user.id, 'password_reset');
    await endAllSessions(tx, user.id, 'password_changed', ctx.signer.ttlSeconds);
    await sendPasswordChangedNotice(ctx, tx, user);
    return ctx.sessions.start(user, tx);
  });
  ctx.deps.relay.nudge();
  return pair;
}

/** Marks the address verified with a verification link's token (single use, for the address it was sent to). */
export async function verifyEmail(ctx: UsersContext, rawToken: string): Promise<void> {
  const verified = await ctx.deps.db.transaction(async (tx) => {
    const token = await consumeAccountToken(tx, hashAccountToken(rawToken), 'email_verification');
    const owner = token && (await findUserById(tx, token.userId));
    if (!owner || owner.email !== token.email) return false;
    await markEmailVerified(tx, owner.id);
    return true;
  });
  if (!verified) throw badRequest('This verification link is invalid, expired or already used');
}

/** Sends the signed-in user a new verification link. */
export async function resendEmailVerification(ctx: UsersContext, userId: string): Promise<void> {
  const user = await findUserById(ctx.deps.db, userId);
  if (!user) throw notFound('User not found');
  if (user.emailVerifiedAt) throw conflict('The email address is already verified');
  const wait = await reserveAccountEmail(ctx, user.email);
  if (wait > 0) throw new HttpProblem(429, 'Too many emails to this address; try again later', { retryAfter: wait });
  await ctx.deps.db.transaction((tx) => sendEmailVerification(ctx, tx, user));
  ctx.deps.relay.nudge();
}

/** Ends every session of the user, on every device, at once. */
export async function signOutEverywhere(ctx: UsersContext, userId: string): Promise<void> {
  await ctx.deps.db.transaction((tx) => endAllSessions(tx, userId, 'logout_all', ctx.signer.ttlSeconds));
  ctx.deps.relay.nudge();
}
