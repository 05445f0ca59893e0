import { unauthorized, type Db, type Executor } from '@emporium/kit';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { UserRow } from '../db/schema.ts';
import { findUserById, rolesOf } from '../db/users.ts';
import { insertRefreshToken, lockRefreshToken, revokeFamily, revokeRefreshToken } from '../db/refresh-tokens.ts';
import { judgeRefreshToken } from '../domain/refresh-tokens.ts';
import { hashRefreshSecret, newRefreshSecret } from './refresh-secrets.ts';
import type { AccessTokenSigner } from './access-tokens.ts';

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
  ) {}

  start(user: UserRow): Promise<TokenPair> {
    return this.issue(this.db, user, randomUUID());
  }

  async refresh(secret: string): Promise<TokenPair> {
    const outcome = await this.db.transaction(async (tx) => {
      const token = await lockRefreshToken(tx, hashRefreshSecret(secret));
      if (!token) return { pair: undefined };
      const verdict = judgeRefreshToken(token, new Date());
      if (verdict === 'reused') {
        // Committed even though the caller gets a 401: the legitimate holder must sign in again too.
        await revokeFamily(tx, token.familyId, 'reuse');
        this.logger.warn({ userId: token.userId, familyId: token.familyId }, 'refresh token reuse detected; session revoked');
      }
      if (verdict !== 'active') return { pair: undefined };
      const user = await findUserById(tx, token.userId);
      if (!user) return { pair: undefined };
      await revokeRefreshToken(tx, token.id, 'rotated');
      return { pair: await this.issue(tx, user, token.familyId) };
    });
    if (!outcome.pair) throw invalidRefresh();
    return outcome.pair;
  }

  /** Logout ends the session the token belongs to; an unknown token is not an error (nothing to end). */
  async end(secret: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const token = await lockRefreshToken(tx, hashRefreshSecret(secret));
      if (token) await revokeFamily(tx, token.familyId, 'logout');
    });
  }

  private async issue(db: Executor, user: UserRow, familyId: string): Promise<TokenPair> {
    const refreshToken = newRefreshSecret();
    const expiresAt = new Date(Date.now() + this.refreshTtlDays * 24 * 3600 * 1000);
    await insertRefreshToken(db, { userId: user.id, familyId, tokenHash: hashRefreshSecret(refreshToken), expiresAt });
    const accessToken = await this.signer.sign({ sub: user.id, email: user.email, roles: rolesOf(user) });
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.signer.ttlSeconds };
  }
}
