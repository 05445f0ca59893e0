import type { Redis } from 'ioredis';

/** What the gateway knows about an access token when it checks for revocation. */
export interface TokenIdentity {
  userId: string;
  /** `sid` claim: the sign-in session. */
  sessionId?: string;
  /** `ver` claim: the user's token version at issue; tokens without one count as version 0. */
  version?: number;
}

/**
 * Revoked sessions and users' minimum token versions, each kept until `forgetAfter` (by then
 * every token it covers has expired anyway, so the store stays small).
 */
export interface RevocationStore {
  revokeSession(sessionId: string, forgetAfter: Date): Promise<void>;
  /** Only ever raises the user's minimum: an older event arriving late changes nothing. */
  revokeVersionsBelow(userId: string, minVersion: number, forgetAfter: Date): Promise<void>;
  isRevoked(token: TokenIdentity): Promise<boolean>;
}

/** The rule both stores apply to what they hold about a token. */
export function revokedBy(token: TokenIdentity, known: { sessionRevoked: boolean; minVersion: number | undefined }): boolean {
  return known.sessionRevoked || (known.minVersion !== undefined && (token.version ?? 0) < known.minVersion);
}

/**
 * Shared by every gateway replica and kept across restarts (keys expire on their own). The bus
 * hands each event to one replica of the gateway; the others see it here.
 */
export class RedisRevocationStore implements RevocationStore {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
  ) {}

  async revokeSession(sessionId: string, forgetAfter: Date): Promise<void> {
    const ttlMs = forgetAfter.getTime() - Date.now();
    if (ttlMs > 0) await this.redis.set(this.sessionKey(sessionId), '1', 'PX', ttlMs);
  }

  async revokeVersionsBelow(userId: string, minVersion: number, forgetAfter: Date): Promise<void> {
    const ttlMs = forgetAfter.getTime() - Date.now();
    if (ttlMs <= 0) return;
    // Raise-only and keep the later expiry, atomically (replicas may handle events concurrently).
    await this.redis.eval(raiseScript, 1, this.userKey(userId), String(minVersion), String(ttlMs));
  }

  /** One round trip per request. */
  async isRevoked(token: TokenIdentity): Promise<boolean> {
    const keys = [this.userKey(token.userId), ...(token.sessionId ? [this.sessionKey(token.sessionId)] : [])];
    const [minVersion, session] = await this.redis.mget(...keys);
    return revokedBy(token, { sessionRevoked: session != null, minVersion: minVersion == null ? undefined : Number(minVersion) });
  }

  private sessionKey(sessionId: string): string {
    return `${this.namespace}revoked-session:${sessionId}`;
  }

  private userKey(userId: string): string {
    return `${this.namespace}min-token-version:${userId}`;
  }
}

const raiseScript = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
if tonumber(ARGV[1]) > current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', math.max(tonumber(ARGV[2]), ttl))
elseif tonumber(ARGV[2]) > ttl then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1`;

/** One gateway process (embedded mode); forgotten on restart. */
export class MemoryRevocationStore implements RevocationStore {
  private readonly sessions = new Map<string, number>();
  private readonly minVersions = new Map<string, { version: number; forgetAt: number }>();
  private sweepAt = 1_000;

  constructor(private readonly now: () => number = Date.now) {}

  async revokeSession(sessionId: string, forgetAfter: Date): Promise<void> {
    this.sweep();
    this.sessions.set(sessionId, Math.max(forgetAfter.getTime(), this.sessions.get(sessionId) ?? 0));
  }

  async revokeVersionsBelow(userId: string, minVersion: number, forgetAfter: Date): Promise<void> {
    this.sweep();
    const current = this.liveMinVersion(userId);
    this.minVersions.set(userId, {
      version: Math.max(minVersion, current?.version ?? 0),
      forgetAt: Math.max(forgetAfter.getTime(), current?.forgetAt ?? 0),
    });
  }

  async isRevoked(token: TokenIdentity): Promise<boolean> {
    const sessionUntil = token.sessionId === undefined ? undefined : this.sessions.get(token.sessionId);
    return revokedBy(token, { sessionRevoked: sessionUntil !== undefined && sessionUntil > this.now(), minVersion: this.liveMinVersion(token.userId)?.version });
  }

  private liveMinVersion(userId: string) {
    const entry = this.minVersions.get(userId);
    return entry && entry.forgetAt > this.now() ? entry : undefined;
  }

  /** Drops what has expired once the maps have doubled, so a long-running gateway does not grow without bound. */
  private sweep(): void {
    if (this.sessions.size + this.minVersions.size < this.sweepAt) return;
    const now = this.now();
    for (const [id, until] of this.sessions) if (until <= now) this.sessions.delete(id);
    for (const [id, entry] of this.minVersions) if (entry.forgetAt <= now) this.minVersions.delete(id);
    this.sweepAt = Math.max(1_000, 2 * (this.sessions.size + this.minVersions.size));
  }
}
