import { unauthorized, type Db, type Executor } from '@emporium/kit';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { UserRow } from '../db/schema.ts';
import { rolesOf } from '../db/users.ts';
import { lockUserForTokenIssue } from '../db/credentials.ts';
import { insertRefreshToken, lockRefreshToken, revokeRefreshToken } from '../db/refresh-tokens.ts';
import { judgeRefreshToken } from '../domain/refresh-tokens.ts';
import { hashRefreshSecret, newRefreshSecret } from './refresh-secrets.ts';
import type { AccessTokenSigner } from './access-tokens.ts';
import { endSession } from './revocation.ts';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

const invalidRefresh = () => unauthorized('Invalid or expired refresh token');

/**
 * Sign-in sessions. A login starts a token family; each refresh revokes the presented token and
 * issues the next one in the family; presenting an already-rotated token again means it leaked,
 * so the whole family is revoked (OAuth 2.0 Security BCP, refresh token reuse detection).
 */
export class Sessions {
  constructor(
    private readonly db: Db,
    private readonly signer: AccessTokenSigner,
    private readonly refreshTtlDays: number,
    private readonly logger: Logger,
    /** Called after a commit that wrote events (the outbox relay's nudge). */
    private readonly eventsWritten: () => void,
  ) {}

  /** A new session for the user, inside the caller's transaction when `tx` is given. */
  async start(user: Pick<UserRow, 'id'>, tx?: Executor): Promise<TokenPair> {
    const pair = tx ? await this.issue(tx, user.id, randomUUID()) : await this.db.transaction((own) => this.issue(own, user.id, randomUUID()));
    if (!pair) throw unauthorized('The account no longer exists');
    return pair;
  }

  async refresh(secret: string): Promise<TokenPair> {
    const outcome: { pair?: TokenPair; reused?: boolean } = await this.db.transaction(async (tx) => {
      const token = await lockRefreshToken(tx, hashRefreshSecret(secret));
      if (!token) return {};
      const verdict = judgeRefreshToken(token, new Date());
      if (verdict === 'reused') {
        // Committed even though the caller gets a 401: the legitimate holder must sign in again too.
        await endSession(tx, token, 'reuse', this.signer.ttlSeconds);
        this.logger.warn({ userId: token.userId, familyId: token.familyId }, 'refresh token reuse detected; session revoked');
        return { reused: true };
      }
      if (verdict !== 'active') return {};
      await revokeRefreshToken(tx, token.id, 'rotated');
      return { pair: await this.issue(tx, token.userId, token.familyId) };
    });
    if (outcome.reused) this.eventsWritten();
    if (!outcome.pair) throw invalidRefresh();
    return outcome.pair;
  }

  /** Logout ends the session the token belongs to; an unknown token is not an error (nothing to end). */
  async end(secret: string): Promise<void> {
    const ended = await this.db.transaction(async (tx) => {
      const token = await lockRefreshToken(tx, hashRefreshSecret(secret));
      if (!token) return false;
      await endSession(tx, token, 'logout', this.signer.ttlSeconds);
      return true;
    });
    if (ended) this.eventsWritten();
  }

  /**
   * Issues the next pair of a session. The user row is read share-locked in the caller's
   * transaction, so the token carries the roles and token version as they are now.
   */
  private async issue(db: Executor, userId: string, familyId: string): Promise<TokenPair | undefined> {
    const user = await lockUserForTokenIssue(db, userId);
    if (!user) return undefined;
    const refreshToken = newRefreshSecret();
    const expiresAt = new Date(Date.now() + this.refreshTtlDays * 24 * 3600 * 1000);
    await insertRefreshToken(db, { userId: user.id, familyId, tokenHash: hashRefreshSecret(refreshToken), expiresAt });
    const accessToken = await this.signer.sign({ sub: user.id, email: user.email, roles: rolesOf(user), sid: familyId, ver: user.tokenVersion });
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.signer.ttlSeconds };
  }
}
