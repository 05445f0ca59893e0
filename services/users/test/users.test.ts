import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { eq } from 'drizzle-orm';
import { outbox } from '@emporium/kit';
import { TestPlatform, apiClient, identityHeaders, type ApiClient } from '@emporium/kit/testing';
import { service } from '../src/app.ts';
import { users } from '../src/db/schema.ts';

const admin = { email: 'root@emporium.test', password: 'admin-password-1' };
const password = 'correct horse battery';

let platform: TestPlatform;
let api: ApiClient;
before(async () => {
  platform = await TestPlatform.start([service], { env: { users: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } } });
  api = apiClient(() => platform.url('users'));
});
after(() => platform?.stop());

const jwksUrl = () => new URL('/.well-known/jwks.json', platform.url('users'));

/** What the gateway does first: verify the access token against the JWKS. */
async function verifiedPrincipal(accessToken: string, jwks = createRemoteJWKSet(jwksUrl())) {
  const { payload } = await jwtVerify<{ email: string; roles: string[] }>(accessToken, jwks, { issuer: 'emporium-users', algorithms: ['RS256'] });
  return { userId: payload.sub!, email: payload.email, roles: payload.roles.join(',') };
}

/** Then it passes the principal on in a signed internal token. */
async function principalHeaders(accessToken: string) {
  return identityHeaders(await verifiedPrincipal(accessToken));
}

const uniqueEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.com`;

async function signUp(tag: string) {
  const email = uniqueEmail(tag);
  const registered = await api.post('/users/register', { email, password, name: tag });
  assert.equal(registered.status, 202);
  const login = await api.post('/users/login', { email, password });
  assert.equal(login.status, 200);
  const principal = await verifiedPrincipal(login.body.accessToken);
  return { id: principal.userId, email, tokens: login.body, headers: identityHeaders(principal) };
}

async function signInAdmin() {
  const login = await api.post('/users/login', admin);
  assert.equal(login.status, 200);
  return principalHeaders(login.body.accessToken);
}

async function adminId() {
  return (await verifiedPrincipal((await api.post('/users/login', admin)).body.accessToken)).userId;
}

test('register, login, me, refresh and logout', async () => {
  const email = uniqueEmail('Flow').replace('flow', 'FLOW');
  const registered = await api.post('/users/register', { email, password, name: 'Ada' });
  assert.equal(registered.status, 202);
  assert.deepEqual(Object.keys(registered.body).sort(), ['detail', 'email']);
  assert.equal(registered.body.email, email.toLowerCase());

  const login = await api.post('/users/login', { email: email.toLowerCase(), password });
  assert.equal(login.status, 200);
  assert.equal(login.body.tokenType, 'Bearer');
  assert.equal(login.body.expiresIn, 900);
  assert.ok(login.body.refreshToken.length >= 40);
  const principal = await verifiedPrincipal(login.body.accessToken);
  assert.equal(principal.roles, 'customer');
  const headers = identityHeaders(principal);

  const me = await api.get('/users/me', { headers });
  assert.equal(me.status, 200);
  assert.equal(me.body.id, principal.userId);
  assert.equal(me.body.email, email.toLowerCase());
  assert.equal(me.body.name, 'Ada');
  assert.equal(me.body.passwordHash, undefined);
  assert.equal(me.body.password_hash, undefined);

  const refreshed = await api.post('/users/refresh', { refreshToken: login.body.refreshToken });
  assert.equal(refreshed.status, 200);
  assert.notEqual(refreshed.body.refreshToken, login.body.refreshToken);
  assert.equal((await verifiedPrincipal(refreshed.body.accessToken)).userId, principal.userId);

  const logout = await api.post('/users/logout', { refreshToken: refreshed.body.refreshToken });
  assert.equal(logout.status, 204);
  const afterLogout = await api.post('/users/refresh', { refreshToken: refreshed.body.refreshToken });
  assert.equal(afterLogout.status, 401);
  assert.match(afterLogout.headers.get('content-type') ?? '', /problem\+json/);
});

test('passwords are stored as argon2id hashes and registration writes user.registered', async () => {
  const user = await signUp('hash');
  const { db } = platform.service('users').deps;
  const [{ hash }] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  assert.match(hash, /^\$argon2id\$/);
  assert.ok(!hash.includes(password));
  const events = await db.select().from(outbox).where(eq(outbox.type, 'user.registered'));
  assert.ok(events.some((e) => (e.data as { userId: string }).userId === user.id));
});

test('signing up with a registered email, in any case, changes nothing: the account keeps its password', async () => {
  const email = uniqueEmail('dup');
  assert.equal((await api.post('/users/register', { email, password })).status, 202);
  const again = await api.post('/users/register', { email: email.toUpperCase(), password: 'another password' });
  assert.equal(again.status, 202);
  assert.equal((await api.post('/users/login', { email, password: 'another password' })).status, 401);
  assert.equal((await api.post('/users/login', { email, password })).status, 200);
});

test('wrong password and unknown email get the identical 401', async () => {
  const user = await signUp('wrongpw');
  const wrongPassword = await api.post('/users/login', { email: user.email, password: 'not the password' });
  const unknownEmail = await api.post('/users/login', { email: uniqueEmail('nobody'), password: 'not the password' });
  assert.equal(wrongPassword.status, 401);
  assert.equal(unknownEmail.status, 401);
  assert.equal(wrongPassword.body.detail, 'Invalid email or password');
  const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
  assert.deepEqual(strip(wrongPassword.body), strip(unknownEmail.body));
});

test('five failed logins per email and address lock that pair out with 429 and Retry-After', async () => {
  const user = await signUp('throttle');
  for (let i = 0; i < 5; i++) assert.equal((await api.post('/users/login', { email: user.email, password: 'wrong password' })).status, 401);
  const blocked = await api.post('/users/login', { email: user.email, password });
  assert.equal(blocked.status, 429);
  assert.match(blocked.headers.get('content-type') ?? '', /problem\+json/);
  const retryAfter = Number(blocked.headers.get('retry-after'));
  assert.ok(retryAfter > 0 && retryAfter <= 900, `retry-after ${retryAfter}`);
  // Another address is not affected, nor is another account from the same address.
  const elsewhere = await api.post('/users/login', { email: user.email, password }, { headers: { 'x-forwarded-for': '203.0.113.7' } });
  assert.equal(elsewhere.status, 200);
  const other = await signUp('throttle-other');
  assert.equal((await api.post('/users/login', { email: other.email, password })).status, 200);
});

test('a successful login resets the failure count', async () => {
  const user = await signUp('reset');
  for (let i = 0; i < 4; i++) assert.equal((await api.post('/users/login', { email: user.email, password: 'wrong password' })).status, 401);
  assert.equal((await api.post('/users/login', { email: user.email, password })).status, 200);
  for (let i = 0; i < 4; i++) assert.equal((await api.post('/users/login', { email: user.email, password: 'wrong password' })).status, 401);
  assert.equal((await api.post('/users/login', { email: user.email, password })).status, 200);
});

test('refresh rotates the token; replaying a rotated one revokes the whole session', async () => {
  const user = await signUp('rotate');
  const first = user.tokens.refreshToken;
  const second = await api.post('/users/refresh', { refreshToken: first });
  assert.equal(second.status, 200);
  const third = await api.post('/users/refresh', { refreshToken: second.body.refreshToken });
  assert.equal(third.status, 200);

  const replay = await api.post('/users/refresh', { refreshToken: first });
  assert.equal(replay.status, 401);
  // The newest token of that family, never used, is dead too.
  assert.equal((await api.post('/users/refresh', { refreshToken: third.body.refreshToken })).status, 401);
  // A separate session of the same user is untouched.
  const otherSession = await api.post('/users/login', { email: user.email, password });
  assert.equal((await api.post('/users/refresh', { refreshToken: otherSession.body.refreshToken })).status, 200);
  assert.equal((await api.post('/users/refresh', { refreshToken: 'made-up-token' })).status, 401);
});

test('the JWKS verifies issued tokens, which carry kid, issuer and the contract claims', async () => {
  const user = await signUp('jwks');
  const jwks = await api.get('/.well-known/jwks.json');
  assert.equal(jwks.status, 200);
  const header = decodeProtectedHeader(user.tokens.accessToken);
  assert.equal(header.alg, 'RS256');
  assert.ok(jwks.body.keys.some((k: { kid: string }) => k.kid === header.kid));
  assert.ok(jwks.body.keys.every((k: Record<string, unknown>) => k.d === undefined && k.p === undefined), 'no private parts');
  const { payload } = await jwtVerify(user.tokens.accessToken, createRemoteJWKSet(jwksUrl()), { issuer: 'emporium-users' });
  assert.equal(payload.sub, user.id);
  assert.equal(payload.email, user.email);
  assert.deepEqual(payload.roles, ['customer']);
  assert.equal(payload.exp! - payload.iat!, 900);
  await assert.rejects(jwtVerify(user.tokens.accessToken, createRemoteJWKSet(jwksUrl()), { issuer: 'someone-else' }));
});

test('permissions follow the caller’s roles', async () => {
  const user = await signUp('perm');
  const mine = await api.get('/users/permissions', { headers: user.headers });
  assert.equal(mine.status, 200);
  assert.ok(mine.body.permissions.includes('profile:write:self'));
  assert.ok(!mine.body.permissions.includes('users:read:any'));
  const admins = await api.get('/users/permissions', { headers: await signInAdmin() });
  assert.ok(admins.body.permissions.includes('users:write:roles'));
  assert.equal((await api.get('/users/permissions')).status, 401);
});

test('profile and preferences: update, read back, and the change is audited', async () => {
  const user = await signUp('profile');
  const patched = await api.patch('/users/me', { phone: '+49 30 1234567', address: { line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' } }, { headers: user.headers });
  assert.equal(patched.status, 200);
  assert.equal(patched.body.address.city, 'Berlin');
  assert.equal(patched.body.name, 'profile');
  assert.equal((await api.get('/users/me', { headers: user.headers })).body.phone, '+49 30 1234567');

  const defaults = await api.get('/users/me/preferences', { headers: user.headers });
  assert.deepEqual(defaults.body, { locale: 'en', currency: 'EUR', marketingEmails: false });
  const saved = await api.put('/users/me/preferences', { locale: 'de-DE', marketingEmails: true }, { headers: user.headers });
  assert.equal(saved.status, 200);
  assert.deepEqual((await api.get('/users/me/preferences', { headers: user.headers })).body, { locale: 'de-DE', currency: 'EUR', marketingEmails: true });

  const log = await api.get(`/users/audit-log?targetUserId=${user.id}`, { headers: await signInAdmin() });
  const own = log.body.items.filter((e: { actorId: string }) => e.actorId === user.id).map((e: { action: string }) => e.action).sort();
  assert.deepEqual(own, ['user.preferences.updated', 'user.profile.updated']);
  const profileChange = log.body.items.find((e: { action: string }) => e.action === 'user.profile.updated');
  assert.deepEqual(profileChange.details.fields.sort(), ['address', 'phone']);
  assert.doesNotMatch(JSON.stringify(log.body), /Unter den Linden/, 'the log names fields, not personal data');
});

test('a customer cannot read another profile; staff can, and that is audited', async () => {
  const alice = await signUp('alice');
  const bob = await signUp('bob');
  assert.equal((await api.get(`/users/${alice.id}`, { headers: alice.headers })).status, 200);
  const denied = await api.get(`/users/${alice.id}`, { headers: bob.headers });
  assert.equal(denied.status, 403);
  assert.equal((await api.get(`/users/${randomUUID()}`, { headers: bob.headers })).status, 403, 'no existence oracle');

  const staffId = randomUUID();
  const staffHeaders = identityHeaders({ userId: staffId, roles: 'staff', email: 'clerk@emporium.test' });
  const read = await api.get(`/users/${alice.id}`, { headers: { ...staffHeaders, 'x-request-id': 'req-staff-read-1' } });
  assert.equal(read.status, 200);
  assert.equal(read.body.email, alice.email);
  assert.equal((await api.get(`/users/${randomUUID()}`, { headers: staffHeaders })).status, 404);

  const adminHeaders = await signInAdmin();
  const log = await api.get(`/users/audit-log?targetUserId=${alice.id}`, { headers: adminHeaders });
  assert.equal(log.status, 200);
  const entry = log.body.items.find((e: { action: string }) => e.action === 'user.profile.read');
  assert.ok(entry, 'staff read recorded');
  assert.equal(entry.actorId, staffId);
  assert.equal(entry.requestId, 'req-staff-read-1');
  assert.ok(!Number.isNaN(Date.parse(entry.at)));
  assert.ok(!log.body.items.some((e: { action: string; actorId: string }) => e.action === 'user.profile.read' && e.actorId === alice.id), 'own reads are not audited');
  assert.equal((await api.get('/users/audit-log', { headers: staffHeaders })).status, 403);
  assert.equal((await api.get('/users', { headers: staffHeaders })).status, 403);
});

test('admin lists users with search and pagination, and changes roles', async () => {
  const adminHeaders = await signInAdmin();
  const tag = `page${randomUUID().slice(0, 6)}`;
  for (let i = 0; i < 3; i++) await api.post('/users/register', { email: `${tag}-${i}@example.com`, password });
  const firstPage = await api.get(`/users?email=${tag}&limit=2&offset=0`, { headers: adminHeaders });
  assert.equal(firstPage.status, 200);
  assert.equal(firstPage.body.total, 3);
  assert.equal(firstPage.body.items.length, 2);
  const secondPage = await api.get(`/users?email=${tag}&limit=2&offset=2`, { headers: adminHeaders });
  assert.equal(secondPage.body.items.length, 1);
  const allEmails = [...firstPage.body.items, ...secondPage.body.items].map((u: { email: string }) => u.email).sort();
  assert.deepEqual(allEmails, [0, 1, 2].map((i) => `${tag}-${i}@example.com`));
  assert.equal((await api.get('/users?email=100%25', { headers: adminHeaders })).body.total, 0, '% is literal');

  const user = await signUp('promote');
  assert.equal((await api.put(`/users/${user.id}/roles`, { roles: ['staff'] }, { headers: user.headers })).status, 403);
  const changed = await api.put(`/users/${user.id}/roles`, { roles: ['customer', 'staff', 'staff'] }, { headers: adminHeaders });
  assert.equal(changed.status, 200);
  assert.deepEqual(changed.body.roles, ['customer', 'staff']);
  // The next refresh carries the new roles.
  const refreshed = await api.post('/users/refresh', { refreshToken: user.tokens.refreshToken });
  assert.equal((await verifiedPrincipal(refreshed.body.accessToken)).roles, 'customer,staff');

  const { db } = platform.service('users').deps;
  const events = await db.select().from(outbox).where(eq(outbox.type, 'user.role_changed'));
  const event = events.find((e) => (e.data as { userId: string }).userId === user.id);
  assert.deepEqual(event?.data, { userId: user.id, roles: ['customer', 'staff'], changedBy: await adminId() });
  const log = await api.get(`/users/audit-log?targetUserId=${user.id}`, { headers: adminHeaders });
  const audit = log.body.items.find((e: { action: string }) => e.action === 'user.roles.changed');
  assert.deepEqual(audit.details, { from: ['customer'], to: ['customer', 'staff'] });
  assert.equal((await api.put(`/users/${randomUUID()}/roles`, { roles: ['staff'] }, { headers: adminHeaders })).status, 404);
});

test('the last admin cannot be demoted', async () => {
  const adminHeaders = await signInAdmin();
  const res = await api.put(`/users/${await adminId()}/roles`, { roles: ['customer'] }, { headers: adminHeaders });
  assert.equal(res.status, 409);
  assert.equal((await api.post('/users/login', admin)).status, 200);
});

test('bad input on every write route is a 400 naming the field, and nothing is written', async () => {
  const adminHeaders = await signInAdmin();
  const expect400 = async (promise: Promise<{ status: number; body: any }>, field: string) => {
    const res = await promise;
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.match(res.body.detail, new RegExp(field.replace('.', '\\.')));
  };
  const tag = `bad${randomUUID().slice(0, 6)}`;
  await expect400(api.post('/users/register', { email: `${tag}-not-an-email`, password }), 'body.email');
  await expect400(api.post('/users/register', { email: `${tag}@example.com`, password: 'short' }), 'body.password');
  await expect400(api.post('/users/register', { email: `${tag}@example.com`, password: 'x'.repeat(129) }), 'body.password');
  await expect400(api.post('/users/register', { email: `${tag}@example.com`, password, name: 42 }), 'body.name');
  await expect400(api.post('/users/register', { password }), 'body.email');
  const listed = await api.get(`/users?email=${tag}`, { headers: adminHeaders });
  assert.equal(listed.body.total, 0, 'no account was created');

  await expect400(api.post('/users/login', { email: 'someone@example.com' }), 'body.password');
  await expect400(api.post('/users/refresh', {}), 'body.refreshToken');
  await expect400(api.post('/users/logout', { refreshToken: '' }), 'body.refreshToken');

  const user = await signUp('badinput');
  await expect400(api.patch('/users/me', { address: { line1: 'x', city: 'y', postalCode: '1', country: 'Germany' } }, { headers: user.headers }), 'body.address.country');
  await expect400(api.patch('/users/me', { name: 'Eve', roles: ['admin'] }, { headers: user.headers }), 'roles');
  await expect400(api.patch('/users/me', { name: 'x'.repeat(101) }, { headers: user.headers }), 'body.name');
  const me = await api.get('/users/me', { headers: user.headers });
  assert.equal(me.body.name, 'badinput');
  assert.equal(me.body.address, null);
  assert.deepEqual(me.body.roles, ['customer']);

  await expect400(api.put('/users/me/preferences', { marketingEmails: 'yes' }, { headers: user.headers }), 'body.marketingEmails');
  await expect400(api.put('/users/me/preferences', { currency: 'eur' }, { headers: user.headers }), 'body.currency');
  assert.deepEqual((await api.get('/users/me/preferences', { headers: user.headers })).body, { locale: 'en', currency: 'EUR', marketingEmails: false });

  await expect400(api.put(`/users/${user.id}/roles`, { roles: [] }, { headers: adminHeaders }), 'body.roles');
  await expect400(api.put(`/users/${user.id}/roles`, { roles: ['superuser'] }, { headers: adminHeaders }), 'body.roles');
  await expect400(api.put('/users/not-a-uuid/roles', { roles: ['staff'] }, { headers: adminHeaders }), 'params.id');
  assert.deepEqual((await api.get(`/users/${user.id}`, { headers: adminHeaders })).body.roles, ['customer']);

  const log = await api.get(`/users/audit-log?targetUserId=${user.id}`, { headers: adminHeaders });
  assert.ok(!log.body.items.some((e: { action: string }) => e.action !== 'user.profile.read'), 'no change was audited');
});

test('unauthenticated callers get 401 on private routes', async () => {
  assert.equal((await api.get('/users/me')).status, 401);
  assert.equal((await api.patch('/users/me', { name: 'x' })).status, 401);
  assert.equal((await api.get('/users')).status, 401);
});

test('the signing key survives a restart; admin bootstrap is idempotent', async () => {
  const user = await signUp('restart');
  const before = (await api.get('/.well-known/jwks.json')).body.keys.map((k: { kid: string }) => k.kid);
  await platform.restartService('users');
  const after = (await api.get('/.well-known/jwks.json')).body.keys.map((k: { kid: string }) => k.kid);
  assert.deepEqual(after, before);
  const { payload } = await jwtVerify(user.tokens.accessToken, createRemoteJWKSet(jwksUrl()), { issuer: 'emporium-users' });
  assert.equal(payload.sub, user.id);
  // Sessions survive too.
  assert.equal((await api.post('/users/refresh', { refreshToken: user.tokens.refreshToken })).status, 200);
  const admins = await api.get(`/users?email=${admin.email}`, { headers: await signInAdmin() });
  assert.equal(admins.body.total, 1);
  assert.deepEqual(admins.body.items[0].roles, ['admin']);
});

test('the OpenAPI document lists the public routes', async () => {
  const doc = await api.get('/openapi.json');
  assert.equal(doc.status, 200);
  for (const path of ['/users/register', '/users/login', '/users/refresh', '/users/logout', '/users/me', '/users/me/preferences', '/users/{id}/roles', '/.well-known/jwks.json']) {
    assert.ok(doc.body.paths[path], `${path} documented`);
  }
});
