/** The parts of a stored refresh token that decide what presenting it means. */
export interface RefreshTokenState {
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
}

export type RefreshVerdict =
  /** Still valid: rotate it. */
  | 'active'
  | 'expired'
  /** Already rotated away: someone replays an old token, so the whole session is treated as stolen. */
  | 'reused'
  /** Ended by logout, an admin or an earlier reuse detection. */
  | 'revoked';

export type RevokeReason = 'rotated' | 'logout' | 'reuse' | 'admin' | 'logout_all' | 'password_changed' | 'password_reset' | 'erased' | 'identity_takeover';

/** What presenting this refresh token at `now` means (OAuth 2.0 refresh token rotation with reuse detection). */
export function judgeRefreshToken(token: RefreshTokenState, now: Date): RefreshVerdict {
  if (token.revokedAt) return token.revokedReason === 'rotated' ? 'reused' : 'revoked';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}
