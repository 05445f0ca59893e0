import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { MemoryRevocationStore, RedisRevocationStore, type RevocationStore } from '../src/auth/revocation-store.ts';

const inMinutes = (minutes: number, now = Date.now()) => new Date(now + minutes * 60_000);

/** The behaviour both stores share. */
async function checkStore(store: RevocationStore) {
  const userId = randomUUID();
  const [kept, ended] = [randomUUID(), randomUUID()];
  assert.equal(await store.isRevoked({ userId, sessionId: ended, version: 0 }), false);
  await store.revokeSession(ended, inMinutes(15));
  assert.equal(await store.isRevoked({ userId, sessionId: ended, version: 0 }), true);
  assert.equal(await store.isRevoked({ userId, sessionId: kept, version: 0 }), false);

  await store.revokeVersionsBelow(userId, 2, inMinutes(15));
  await store.revokeVersionsBelow(userId, 1, inMinutes(15)); // an older event arriving late
  assert.equal(await store.isRevoked({ userId, sessionId: kept, version: 1 }), true);
  assert.equal(await store.isRevoked({ userId, sessionId: kept, version: 2 }), false);
  assert.equal(await store.isRevoked({ userId }), true, 'a token without a version counts as version 0');
  assert.equal(await store.isRevoked({ userId: randomUUID(), version: 0 }), false);
  await store.revokeSession(randomUUID(), new Date(Date.now() - 1_000)); // already past: nothing to keep
}

test('memory store: revokes sessions and old token versions, and forgets them once every token has expired', async () => {
  let clock = Date.parse('2030-01-01T00:00:00Z');
  const store = new MemoryRevocationStore(() => clock);
  const userId = randomUUID();
  const sessionId = randomUUID();
  await store.revokeSession(sessionId, inMinutes(15, clock));
  await store.revokeVersionsBelow(userId, 3, inMinutes(15, clock));
  clock += 14 * 60_000;
  assert.equal(await store.isRevoked({ userId, sessionId, version: 3 }), true);
  clock += 2 * 60_000;
  assert.equal(await store.isRevoked({ userId, sessionId, version: 0 }), false, 'forgotten after forgetAfter');
  await checkStore(new MemoryRevocationStore());
});

test('Redis store: shared by replicas and restarts, keys expire with the tokens they cover', { skip: !process.env.REDIS_URL && 'needs REDIS_URL (distributed mode)' }, async () => {
  const namespace = `test:${randomUUID()}:`;
  const [one, two] = [new Redis(process.env.REDIS_URL!), new Redis(process.env.REDIS_URL!)];
  try {
    const replica = new RedisRevocationStore(one, namespace);
    await checkStore(replica);
    const userId = randomUUID();
    const sessionId = randomUUID();
    await replica.revokeSession(sessionId, inMinutes(15));
    await replica.revokeVersionsBelow(userId, 4, inMinutes(15));
    const restarted = new RedisRevocationStore(two, namespace);
    assert.equal(await restarted.isRevoked({ userId, sessionId: randomUUID(), version: 3 }), true);
    assert.equal(await restarted.isRevoked({ userId, sessionId, version: 4 }), true);
    for (const key of [`${namespace}revoked-session:${sessionId}`, `${namespace}min-token-version:${userId}`]) {
      const ttl = await one.pttl(key);
      assert.ok(ttl > 14 * 60_000 && ttl <= 15 * 60_000, `${key} expires with the tokens: ${ttl} ms`);
    }
  } finally {
    const keys = await one.keys(`${namespace}*`);
    if (keys.length) await one.del(...keys);
    one.disconnect();
    two.disconnect();
  }
});
