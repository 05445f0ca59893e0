import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { service } from '../src/app.ts';
import { ensureAdmin } from '../src/auth/admin-bootstrap.ts';

// A configured key, passed the way env files often carry PEMs: on one line with literal \n.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).replace(/\n/g, '\\n');

let platform: TestPlatform;
let api: ApiClient;
before(async () => {
  platform = await TestPlatform.start([service], { env: { users: { JWT_PRIVATE_KEY: pem, JWT_KEY_ID: 'configured-1', ACCESS_TOKEN_TTL_SECONDS: '120' } } });
  api = apiClient(() => platform.url('users'));
});
after(() => platform?.stop());

const password = 'a long enough password';

test('tokens are signed with the configured key and kid', async () => {
  const email = `key-${randomUUID().slice(0, 8)}@example.com`;
  assert.equal((await api.post('/users/register', { email, password })).status, 202);
  const login = await api.post('/users/login', { email, password });
  assert.equal(login.body.expiresIn, 120);
  assert.equal(decodeProtectedHeader(login.body.accessToken).kid, 'configured-1');
  const jwks = await api.get('/.well-known/jwks.json');
  assert.deepEqual(jwks.body.keys.map((k: { kid: string }) => k.kid), ['configured-1']);
  const { payload } = await jwtVerify(login.body.accessToken, createRemoteJWKSet(new URL('/.well-known/jwks.json', platform.url('users'))), { issuer: 'emporium-users' });
  assert.equal(payload.email, email);
});

test('admin bootstrap takes over a pre-registered account: new password, admin role, old sessions ended', async () => {
  const email = `squatter-${randomUUID().slice(0, 8)}@example.com`;
  assert.equal((await api.post('/users/register', { email, password })).status, 202);
  const squatter = await api.post('/users/login', { email, password });
  const { db } = platform.service('users').deps;

  assert.equal(await ensureAdmin(db, { email: email.toUpperCase(), password: 'the configured admin password' }, 120), true);
  assert.equal(await ensureAdmin(db, { email, password: 'yet another password' }, 120), false, 'idempotent once admin');

  assert.equal((await api.post('/users/login', { email, password })).status, 401);
  assert.equal((await api.post('/users/refresh', { refreshToken: squatter.body.refreshToken })).status, 401);
  const adminLogin = await api.post('/users/login', { email, password: 'the configured admin password' });
  assert.equal(adminLogin.status, 200);
  const { payload } = await jwtVerify(adminLogin.body.accessToken, createRemoteJWKSet(new URL('/.well-known/jwks.json', platform.url('users'))));
  assert.deepEqual(payload.roles, ['customer', 'admin']);
});
