import type { Executor } from '@emporium/kit';
import { revokeAllOfUser, revokeFamily } from '../db/refresh-tokens.ts';
import { raiseTokenVersion } from '../db/credentials.ts';
import type { RevokeReason } from '../domain/refresh-tokens.ts';
import { publishSessionRevoked, publishTokensRevoked } from '../events/published.ts';

/**
 * Ending sessions and outdating access tokens. Refresh tokens die in our database at once; access
 * tokens are self-contained, so an event tells the gateway to refuse them from now on. Call
 * `deps.relay.nudge()` after the commit so the gateway hears within moments.
 */

/** When the gateway may forget a revocation: every access token it covers has expired by then. */
function forgetAfter(accessTtlSeconds: number): string {
  return new Date(Date.now() + accessTtlSeconds * 1000).toISOString();
}

/** One sign-in session (a refresh token family) ends: logout, or a replayed refresh token. */
export async function endSession(tx: Executor, session: { userId: string; familyId: string }, reason: RevokeReason, accessTtlSeconds: number): Promise<void> {
  await revokeFamily(tx, session.familyId, reason);
  await publishSessionRevoked(tx, { userId: session.userId, sessionId: session.familyId, reason, forgetAfter: forgetAfter(accessTtlSeconds) });
}

/** Every session of the user ends: password changed or reset, sign-out everywhere, admin takeover. */
export async function endAllSessions(tx: Executor, userId: string, reason: RevokeReason, accessTtlSeconds: number): Promise<void> {
  await revokeAllOfUser(tx, userId, reason);
  await outdateAccessTokens(tx, userId, reason, accessTtlSeconds);
}

/** Access tokens issued so far stop working but sessions go on: a refresh gets a token with the current roles. */
export async function outdateAccessTokens(tx: Executor, userId: string, reason: string, accessTtlSeconds: number): Promise<void> {
  const minTokenVersion = await raiseTokenVersion(tx, userId);
  await publishTokensRevoked(tx, { userId, minTokenVersion, reason, forgetAfter: forgetAfter(accessTtlSeconds) });
}
