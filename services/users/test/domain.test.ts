import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, permissionsFor } from '@emporium/contracts';
import { judgeRefreshToken } from '../src/domain/refresh-tokens.ts';
import { accountThrottleKey, loginThrottleKey, loginWaitSeconds, retryAfterSeconds } from '../src/domain/login-throttle.ts';
import { weakPasswordReason } from '../src/domain/password-strength.ts';
import { normalizeEmail } from '../src/domain/emails.ts';
import { MemoryAttemptCounter } from '../src/db/attempt-counters.ts';

test('roles grant cumulative permissions', () => {
  assert.ok(can(['customer'], 'profile:read:self'));
  assert.ok(!can(['customer'], 'users:read:any'));
  assert.ok(can(['staff'], 'users:read:any'));
  assert.ok(can(['staff'], 'orders:manage'));
  assert.ok(!can(['staff'], 'users:write:roles'));
  assert.ok(can(['admin'], 'users:write:roles'));
  assert.ok(can(['admin'], 'catalog:write'));
  assert.ok(!can([], 'profile:read:self'));
  const both = permissionsFor(['customer', 'staff']);
  assert.deepEqual(both, permissionsFor(['staff']));
  assert.deepEqual(both, [...both].sort());
  assert.equal(new Set(both).size, both.length);
});

test('refresh tokens: active, expired, rotated-then-replayed, revoked', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const later = new Date('2026-01-02T00:00:00Z');
  assert.equal(judgeRefreshToken({ expiresAt: later, revokedAt: null, revokedReason: null }, now), 'active');
  assert.equal(judgeRefreshToken({ expiresAt: now, revokedAt: null, revokedReason: null }, now), 'expired');
  assert.equal(judgeRefreshToken({ expiresAt: later, revokedAt: now, revokedReason: 'rotated' }, now), 'reused');
  assert.equal(judgeRefreshToken({ expiresAt: later, revokedAt: now, revokedReason: 'logout' }, now), 'revoked');
  assert.equal(judgeRefreshToken({ expiresAt: later, revokedAt: now, revokedReason: 'reuse' }, now), 'revoked');
});

test('login throttle: blocked from the max-th failure until the window ends', () => {
  const policy = { maxFailures: 5, windowSeconds: 900 };
  assert.equal(retryAfterSeconds(policy, { count: 4, resetsInSeconds: 100 }), 0);
  assert.equal(retryAfterSeconds(policy, { count: 5, resetsInSeconds: 100 }), 100);
  assert.equal(retryAfterSeconds(policy, { count: 9, resetsInSeconds: 0 }), 1);
  assert.notEqual(loginThrottleKey('a@x.io', '1.1.1.1'), loginThrottleKey('a@x.io', '2.2.2.2'));
});

test('in-memory attempt counter windows expire', async () => {
  let clock = 1_000_000;
  const counter = new MemoryAttemptCounter(() => clock);
  await counter.hit('k', 60);
  await counter.hit('k', 60);
  assert.deepEqual(await counter.peek('k'), { count: 2, resetsInSeconds: 60 });
  clock += 30_000;
  assert.deepEqual(await counter.peek('k'), { count: 2, resetsInSeconds: 30 });
  clock += 30_000;
  assert.deepEqual(await counter.peek('k'), { count: 0, resetsInSeconds: 0 });
  await counter.hit('k', 60);
  await counter.clear('k');
  assert.equal((await counter.peek('k')).count, 0);
});

test('emails compare case-insensitively', () => {
  assert.equal(normalizeEmail('  Ada@Example.COM '), 'ada@example.com');
});

test('per-account throttle: spares known addresses and ends with its window', async () => {
  const policy = { maxFailures: 5, accountMaxFailures: 20, windowSeconds: 900 };
  const none = { count: 0, resetsInSeconds: 0 };
  const spread = { count: 20, resetsInSeconds: 300 };
  assert.equal(loginWaitSeconds(policy, { address: none, account: spread, knownAddress: false }), 300);
  assert.equal(loginWaitSeconds(policy, { address: none, account: spread, knownAddress: true }), 0);
  assert.equal(loginWaitSeconds(policy, { address: { count: 5, resetsInSeconds: 60 }, account: spread, knownAddress: true }), 60, 'a known address still has its own limit');
  assert.equal(loginWaitSeconds(policy, { address: none, account: { count: 19, resetsInSeconds: 300 }, knownAddress: false }), 0);
  assert.notEqual(accountThrottleKey('a@x.io'), loginThrottleKey('a@x.io', ''));

  // Failures after the limit do not push the window out: the lock ends when the first failure's window does.
  let clock = 0;
  const counter = new MemoryAttemptCounter(() => clock);
  for (let i = 0; i < 20; i++) await counter.hit('k', 900);
  clock += 600_000;
  for (let i = 0; i < 50; i++) await counter.hit('k', 900);
  assert.equal(loginWaitSeconds(policy, { address: none, account: await counter.peek('k'), knownAddress: false }), 300);
  clock += 300_000;
  assert.equal(loginWaitSeconds(policy, { address: none, account: await counter.peek('k'), knownAddress: false }), 0);
});

test('weak passwords: common ones, with digits or symbols added, repeated, or of few characters', () => {
  const common = new Set(['password', 'iloveyou', 'qwerty', 'dragon']);
  assert.match(weakPasswordReason('PassWord', common)!, /most common/);
  assert.match(weakPasswordReason('iloveyou2024!', common)!, /digits or symbols added/);
  assert.match(weakPasswordReason('qwertyqwertyqwerty', common)!, /repeated/);
  assert.match(weakPasswordReason('abababababab', common)!, /few different characters/);
  for (const fine of ['correct horse battery', 'dragonfly in the garden', '2024!iloveyou-not']) assert.equal(weakPasswordReason(fine, common), undefined, fine);
});
