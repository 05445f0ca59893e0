import type { Redis } from 'ioredis';
import { HttpProblem, notFound } from '@emporium/kit';
import type { Cart } from '../domain/cart.ts';
import type { CartStore } from './cart-store.ts';

/**
 * Compare-and-set over several keys at once: every KEYS[i] must still hold ARGV[3i-2] ('' = absent),
 * then each gets ARGV[3i-1] with a TTL of ARGV[3i] seconds (0 = none). One script runs atomically,
 * so a concurrent writer makes it fail instead of being overwritten (no WATCH, whose state is
 * per connection and would be shared by every request on this client).
 */
const compareAndSet = `
local n = #KEYS
for i = 1, n do
  local current = redis.call('GET', KEYS[i])
  if current == false then current = '' end
  if current ~= ARGV[3 * i - 2] then return 0 end
end
for i = 1, n do
  local ttl = tonumber(ARGV[3 * i])
  if ttl > 0 then
    redis.call('SET', KEYS[i], ARGV[3 * i - 1], 'EX', ttl)
  else
    redis.call('SET', KEYS[i], ARGV[3 * i - 1])
  end
end
return 1`;

interface Write {
  key: string;
  /** What the key must still hold; null = must not exist. */
  expected: string | null;
  value: string;
  ttlSeconds: number;
}

/** Enough for dozens of writers racing on one cart; each failed round means another one won. */
const maxAttempts = 100;

/** Carts as one JSON value per key; guest carts expire after a sliding TTL, user carts never. */
export class RedisCartStore implements CartStore {
  constructor(
    private readonly redis: Redis,
    private readonly guestTtlSeconds: number,
  ) {}

  async get(id: string): Promise<Cart | null> {
    const raw = await this.redis.get(cartKey(id));
    return raw ? (JSON.parse(raw) as Cart) : null;
  }

  async insert(cart: Cart): Promise<void> {
    if (!(await this.compareAndSet([this.cartWrite(cart, null)]))) throw new HttpProblem(409, `Cart ${cart.id} already exists`);
  }

  async modify(ids: string[], change: (carts: Cart[]) => Cart[]): Promise<Cart[]> {
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const raws = await this.redis.mget(...ids.map(cartKey));
      const current = raws.map((raw, i) => {
        if (!raw) throw notFound(`Cart ${ids[i]} not found`);
        return JSON.parse(raw) as Cart;
      });
      const next = change(current);
      if (await this.compareAndSet(next.map((cart, i) => this.cartWrite(cart, raws[i]!)))) return next;
      await jitter();
    }
    throw new HttpProblem(503, 'The cart is being changed by too many requests at once; try again');
  }

  async activeCartOf(userId: string, create: () => Cart): Promise<{ cart: Cart; created: boolean }> {
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const mappedId = await this.redis.get(userKey(userId));
      const mapped = mappedId ? await this.get(mappedId) : null;
      if (mapped?.status === 'active') return { cart: mapped, created: false };
      // The new cart and the user's pointer to it are written together, or not at all.
      const cart = create();
      const pointer: Write = { key: userKey(userId), expected: mappedId, value: cart.id, ttlSeconds: 0 };
      if (await this.compareAndSet([this.cartWrite(cart, null), pointer])) return { cart, created: true };
      await jitter();
    }
    throw new HttpProblem(503, 'Could not settle the active cart; try again');
  }

  private cartWrite(cart: Cart, expected: string | null): Write {
    return { key: cartKey(cart.id), expected, value: JSON.stringify(cart), ttlSeconds: cart.userId === null ? this.guestTtlSeconds : 0 };
  }

  private async compareAndSet(writes: Write[]): Promise<boolean> {
    const args = writes.flatMap((w) => [w.expected ?? '', w.value, String(w.ttlSeconds)]);
    const result = await this.redis.eval(compareAndSet, writes.length, ...writes.map((w) => w.key), ...args);
    return result === 1;
  }
}

export const cartKey = (id: string) => `cart:${id}`;
const userKey = (userId: string) => `cart-of-user:${userId}`;

const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
