import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { asc, eq, sql } from 'drizzle-orm';
import { outbox } from '@emporium/kit';
import { TestPlatform, apiClient, identityHeaders, type ApiClient } from '@emporium/kit/testing';
import { service } from '../src/app.ts';
import { accountTokens } from '../src/db/schema.ts';

// Account security inside the users service: per-account throttling, the stored form of emailed
// tokens, the email budget and the revocation events the gateway follows.
const admin = { email: 'root@accounts.test', password: 'admin-password-1' };
const password = 'correct horse battery';

let platform: TestPlatform;
let api: ApiClient;
before(async () => {
  platform = await TestPlatform.start([service], { env: { users: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } } });
  api = apiClient(() => platform.url('users'));
});
after(() => platform?.stop());

const db = () => platform.service('users').deps.db;
const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.com`;
const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

async function eventsFor<T extends Record<string, unknown>>(type: string, match: (data: T) => boolean): Promise<T[]> {
  const rows = await db().select().from(outbox).where(eq(outbox.type, type)).orderBy(asc(outbox.occurredAt));
  return rows.map((r) => r.data as T).filter(match);
}

async function register(email: string) {
  assert.equal((await api.post('/users/register', { email, password })).status, 202);
}

test('failures for one account from many addresses throttle new addresses, never the one the owner uses', async () => {
  const email = uniqueEmail('botnet');
  await register(email);
  assert.equal((await api.post('/users/login', { email, password }, from('192.0.2.10'))).status, 200, 'the owner signs in from home');

  // 20 guesses (LOGIN_ACCOUNT_MAX_FAILURES), each from its own address: the per-address limit never trips.
  for (let i = 1; i <= 20; i++) assert.equal((await api.post('/users/login', { email, password: 'guess number ' + i }, from(`198.51.100.${i}`))).status, 401);

  const blocked = await api.post('/users/login', { email, password }, from('198.51.100.99'));
  assert.equal(blocked.status, 429, 'even the right password from a new address waits');
  assert.match(blocked.headers.get('content-type') ?? '', /problem\+json/);
  const retryAfter = Number(blocked.headers.get('retry-after'));
  assert.ok(retryAfter > 0 && retryAfter <= 900, `bounded by the window: retry-after ${retryAfter}`);

  assert.equal((await api.post('/users/login', { email, password }, from('192.0.2.10'))).status, 200, 'the owner is not locked out');
  const other = uniqueEmail('bystander');
  await register(other);
  assert.equal((await api.post('/users/login', { email: other, password }, from('198.51.100.99'))).status, 200, 'other accounts are not affected');

  // An email without an account is throttled the same way, so throttling tells nothing about existence.
  const nobody = uniqueEmail('nobody');
  for (let i = 1; i <= 20; i++) await api.post('/users/login', { email: nobody, password: 'guess number ' + i }, from(`203.0.113.${i}`));
  assert.equal((await api.post('/users/login', { email: nobody, password }, from('203.0.113.99'))).status, 429);
});

test('access tokens name their session and token version; logout, reuse and role changes publish revocations', async () => {
  const email = uniqueEmail('revoke');
  await register(email);
  const first = await api.post('/users/login', { email, password });
  const claims = decodeJwt(first.body.accessToken) as { sub: string; sid: string; ver: number };
  assert.match(claims.sid, /^[0-9a-f-]{36}$/);
  assert.equal(claims.ver, 0);

  assert.equal((await api.post('/users/logout', { refreshToken: first.body.refreshToken })).status, 204);
  const [ended] = await eventsFor<{ sessionId: string; reason: string; forgetAfter: string }>('user.session_revoked', (d) => d.sessionId === claims.sid);
  assert.equal(ended?.reason, 'logout');
  const forgetIn = Date.parse(ended!.forgetAfter) - Date.now();
  assert.ok(forgetIn > 0 && forgetIn <= 900_000, 'kept as long as an access token lives');

  const second = await api.post('/users/login', { email, password });
  const rotated = await api.post('/users/refresh', { refreshToken: second.body.refreshToken });
  assert.equal(decodeJwt(rotated.body.accessToken).sid, decodeJwt(second.body.accessToken).sid, 'a refresh stays in the session');
  assert.equal((await api.post('/users/refresh', { refreshToken: second.body.refreshToken })).status, 401);
  const reuse = await eventsFor<{ sessionId: string; reason: string }>('user.session_revoked', (d) => d.sessionId === decodeJwt(second.body.accessToken).sid);
  assert.deepEqual(reuse.map((d) => d.reason), ['reuse']);

  const adminLogin = await api.post('/users/login', admin);
  const adminClaims = decodeJwt(adminLogin.body.accessToken) as { sub: string };
  const adminHeaders = identityHeaders({ userId: adminClaims.sub, roles: 'admin' });
  assert.equal((await api.put(`/users/${claims.sub}/roles`, { roles: ['staff'] }, { headers: adminHeaders })).status, 200);
  const [outdated] = await eventsFor<{ userId: string; minTokenVersion: number; reason: string }>('user.tokens_revoked', (d) => d.userId === claims.sub);
  assert.deepEqual({ ...outdated, forgetAfter: undefined }, { userId: claims.sub, minTokenVersion: 1, reason: 'roles_changed', forgetAfter: undefined });
  const third = await api.post('/users/login', { email, password });
  assert.deepEqual([decodeJwt(third.body.accessToken).ver, decodeJwt(third.body.accessToken).roles], [1, ['staff']]);
});

test('emailed tokens are stored hashed, expire, work once, and a newer link voids the older', async () => {
  const email = uniqueEmail('links');
  await register(email);
  const resetLink = async () => {
    assert.equal((await api.post('/users/password-reset', { email })).status, 202);
    const events = await eventsFor<{ email: string; resetUrl: string }>('user.password_reset_requested', (d) => d.email === email);
    return new URL(events.at(-1)!.resetUrl).searchParams.get('token')!;
  };
  const older = await resetLink();
  const newer = await resetLink();
  assert.notEqual(older, newer);
  const rows = await db().select().from(accountTokens).where(eq(accountTokens.email, email));
  const sha = (token: string) => createHash('sha256').update(token).digest('hex');
  assert.ok(!JSON.stringify(rows).includes(newer), 'never stored as sent');
  const stored = rows.find((r) => r.tokenHash === sha(newer) && r.purpose === 'password_reset')!;
  const ttlMinutes = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 60_000;
  assert.ok(Math.abs(ttlMinutes - 30) < 1, `30 minutes, got ${ttlMinutes}`);

  assert.equal((await api.post('/users/password-reset/confirm', { token: older, newPassword: 'an older link try' })).status, 400, 'voided by the newer link');
  await db().update(accountTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(accountTokens.tokenHash, sha(newer)));
  assert.equal((await api.post('/users/password-reset/confirm', { token: newer, newPassword: 'an expired link try' })).status, 400, 'expired');
  assert.equal((await api.post('/users/login', { email, password })).status, 200, 'the password is unchanged');

  const verification = await eventsFor<{ email: string; verifyUrl: string }>('user.email_verification_requested', (d) => d.email === email);
  assert.equal(verification.length, 1, 'sign-up sent one verification link');
});

test('sign-up with a registered email mails its owner instead; account emails per address are capped', async () => {
  const email = uniqueEmail('capped');
  await register(email);
  await register(email);
  const notices = await eventsFor<{ email: string }>('user.signup_with_existing_email', (d) => d.email === email);
  assert.equal(notices.length, 1);
  // Two mails so far (verification, notice); the budget is 5 an hour, so 3 of 5 reset requests go out.
  for (let i = 0; i < 5; i++) assert.equal((await api.post('/users/password-reset', { email })).status, 202);
  assert.equal((await eventsFor('user.password_reset_requested', (d) => d.email === email)).length, 3);
});
