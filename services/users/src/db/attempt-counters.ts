import type { Redis } from 'ioredis';
import type { AttemptCounter } from '../domain/login-throttle.ts';

/** Shared by every replica. SET NX EX starts the window with its expiry, so no key can live forever. */
export class RedisAttemptCounter implements AttemptCounter {
  constructor(
    private readonly redis: Redis,
    private readonly namespace = 'users:',
  ) {}

  async hit(key: string, windowSeconds: number): Promise<void> {
    await this.redis.multi().set(this.namespace + key, '0', 'EX', windowSeconds, 'NX').incr(this.namespace + key).exec();
  }

  async peek(key: string): Promise<{ count: number; resetsInSeconds: number }> {
    const [count, ttl] = await Promise.all([this.redis.get(this.namespace + key), this.redis.ttl(this.namespace + key)]);
    return { count: Number(count ?? 0), resetsInSeconds: Math.max(0, ttl) };
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.namespace + key);
  }
}

/** One process only (embedded mode). Expired windows are dropped when touched. */
export class MemoryAttemptCounter implements AttemptCounter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowSeconds: number): Promise<void> {
    if (this.windows.size >= MemoryAttemptCounter.sweepAt) this.sweep();
    const current = this.current(key);
    if (current) current.count += 1;
    else this.windows.set(key, { count: 1, endsAt: this.now() + windowSeconds * 1000 });
  }

  async peek(key: string): Promise<{ count: number; resetsInSeconds: number }> {
    const current = this.current(key);
    return current ? { count: current.count, resetsInSeconds: Math.ceil((current.endsAt - this.now()) / 1000) } : { count: 0, resetsInSeconds: 0 };
  }

  async clear(key: string): Promise<void> {
    this.windows.delete(key);
  }

  /** Many distinct keys (an attack over many addresses) must not grow the map without bound. */
  private static readonly sweepAt = 10_000;

  private sweep(): void {
    for (const [key, window] of this.windows) if (window.endsAt <= this.now()) this.windows.delete(key);
  }

  private current(key: string) {
    const window = this.windows.get(key);
    if (window && window.endsAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }
}
