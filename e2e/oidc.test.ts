import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { service as users } from '@emporium/users';
import { service as gateway } from '@emporium/gateway';
import { eq } from 'drizzle-orm';
import { outbox } from '@emporium/kit';
import { adminCredentials, eventually, login, signUp, usersEnv } from './helpers.ts';
import { startOidcProvider, type TestOidcProvider } from './oidc-provider.ts';

// Sign-in with an external OpenID Connect provider (a real oidc-provider on loopback), through the gateway.
const client = { clientId: 'emporium-shop', clientSecret: 'a-long-client-secret-for-tests' };

let provider: TestOidcProvider;
let platform: TestPlatform;
let api: ApiClient;
let gatewayUrl: string;
let redirectUri: string;

before(async () => {
  // The provider must know the callback URL before the gateway starts, so the gateway's port is chosen first.
  const port = await freePort();
  gatewayUrl = `http://127.0.0.1:${port}`;
  redirectUri = `${gatewayUrl}/api/v1/users/oidc/callback`;
  provider = await startOidcProvider({ ...client, redirectUri });
  platform = await TestPlatform.start([users, gateway], {
    env: {
      users: { ...usersEnv, OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: client.clientId, OIDC_CLIENT_SECRET: client.clientSecret, OIDC_REDIRECT_URI: redirectUri },
      gateway: { PORT: String(port), UPSTREAM_TIMEOUT_MS: '30000' },
    },
  });
  api = apiClient(gatewayUrl);
});
after(async () => {
  await platform?.stop();
  await provider?.close();
});

/** The browser asks the shop to sign in with the provider: a redirect there, and the state cookie. */
async function startSignIn(): Promise<{ authorizationUrl: URL; cookie: string }> {
  const res = await fetch(`${gatewayUrl}/api/v1/users/oidc/start`, { redirect: 'manual' });
  assert.equal(res.status, 302, await res.text());
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('emporium_oidc_state='));
  assert.ok(setCookie, 'a state cookie is set');
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Lax/);
  return { authorizationUrl: new URL(res.headers.get('location')!), cookie: setCookie.split(';')[0]! };
}

/** The browser comes back from the provider to the callback URL (through the gateway). */
async function callback(returned: URL, cookie: string) {
  assert.equal(`${returned.origin}${returned.pathname}`, redirectUri);
  const res = await fetch(returned, { headers: { cookie } });
  const body = await res.json();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body };
}

async function signInWithProvider(accountId: string) {
  const { authorizationUrl, cookie } = await startSignIn();
  return callback(await provider.signIn(authorizationUrl.href, accountId), cookie);
}

function withState(url: URL, state: string): URL {
  const changed = new URL(url);
  changed.searchParams.set('state', state);
  return changed;
}

test('the start redirects to the provider with state, nonce and a PKCE challenge', async () => {
  const { authorizationUrl, cookie } = await startSignIn();
  assert.equal(authorizationUrl.origin, provider.issuer);
  const params = authorizationUrl.searchParams;
  assert.equal(params.get('client_id'), client.clientId);
  assert.equal(params.get('redirect_uri'), redirectUri);
  assert.equal(params.get('response_type'), 'code');
  assert.equal(params.get('code_challenge_method'), 'S256');
  assert.match(params.get('code_challenge') ?? '', /^[\w-]{43}$/);
  assert.ok((params.get('nonce') ?? '').length >= 32);
  assert.equal(cookie, `emporium_oidc_state=${params.get('state')}`);
  assert.match(params.get('scope') ?? '', /\bopenid\b.*\bemail\b/);
});

test('a new customer signs in with the provider: an account is created and the platform issues its own tokens', async () => {
  provider.accounts.set('prov-new-1', { email: 'Nova@E2E.test', email_verified: true, name: 'Nova Provider' });
  const first = await signInWithProvider('prov-new-1');
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.equal(first.body.outcome, 'created');
  assert.equal(first.body.tokenType, 'Bearer');

  const me = await api.get('/api/v1/users/me', { token: first.body.accessToken });
  assert.equal(me.status, 200, 'the gateway accepts the platform token');
  assert.equal(me.body.id, first.body.userId);
  assert.equal(me.body.email, 'nova@e2e.test');
  assert.equal(me.body.name, 'Nova Provider');
  assert.deepEqual(me.body.roles, ['customer']);
  // A platform session like any other: the refresh token rotates.
  assert.equal((await api.post('/api/v1/users/refresh', { refreshToken: first.body.refreshToken })).status, 200);

  const again = await signInWithProvider('prov-new-1');
  assert.equal(again.status, 200);
  assert.equal(again.body.outcome, 'returning');
  assert.equal(again.body.userId, first.body.userId);
  // The account has no password anyone could guess or set by signing up again.
  assert.equal((await api.post('/api/v1/users/register', { email: 'nova@e2e.test', password: 'customer-password-1' })).status, 202);
  assert.equal((await api.post('/api/v1/users/login', { email: 'nova@e2e.test', password: 'customer-password-1' })).status, 401);
});

/** Confirms the account's email with the link the users service mailed (read from its outbox: no mail server here). */
async function verifyEmail(email: string): Promise<void> {
  const rows = await platform.service('users').deps.db.select().from(outbox).where(eq(outbox.type, 'user.email_verification_requested'));
  const requested = rows.map((r) => r.data as { email: string; verifyUrl: string }).find((d) => d.email === email);
  assert.ok(requested, `a verification link was issued for ${email}`);
  const token = new URL(requested.verifyUrl).searchParams.get('token');
  assert.equal((await api.post('/api/v1/users/email-verification/confirm', { token })).status, 204);
}

test('a verified provider email that matches an existing verified password account links to it', async () => {
  const existing = await signUp(api, 'linda@e2e.test');
  await verifyEmail('linda@e2e.test');
  provider.accounts.set('prov-linda', { email: 'LINDA@e2e.test', email_verified: true });
  const signedIn = await signInWithProvider('prov-linda');
  assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
  assert.equal(signedIn.body.outcome, 'linked');
  assert.equal(signedIn.body.userId, existing.id);
  const me = await api.get('/api/v1/users/me', { token: signedIn.body.accessToken });
  assert.equal(me.body.id, existing.id);
  // The password still works, and the link is remembered.
  await login(api, 'linda@e2e.test', 'customer-password-1');
  assert.equal((await signInWithProvider('prov-linda')).body.outcome, 'returning');

  const admin = await login(api, adminCredentials.email, adminCredentials.password);
  const audit = await api.get(`/api/v1/users/audit-log?targetUserId=${existing.id}`, { token: admin.accessToken });
  assert.ok(audit.body.items.some((e: { action: string; details: { issuer: string } }) => e.action === 'user.identity.linked' && e.details.issuer === provider.issuer));
});

test('an account registered with someone else\'s unverified email is taken over by the provider-verified owner', async () => {
  // A squatter registers the victim's address first and keeps a session open.
  await signUp(api, 'squatted@e2e.test', 'squatter-password-1');
  const squatter = await login(api, 'squatted@e2e.test', 'squatter-password-1');
  provider.accounts.set('prov-squatted', { email: 'squatted@e2e.test', email_verified: true });
  const owner = await signInWithProvider('prov-squatted');
  assert.equal(owner.status, 200, JSON.stringify(owner.body));
  assert.equal(owner.body.outcome, 'linked');

  // The squatter's password and sessions are gone; the owner's account counts as verified.
  const relogin = await api.post('/api/v1/users/login', { email: 'squatted@e2e.test', password: 'squatter-password-1' });
  assert.equal(relogin.status, 401);
  assert.equal((await api.post('/api/v1/users/refresh', { refreshToken: squatter.refreshToken })).status, 401);
  await eventually(async () => (await api.get('/api/v1/users/me', { token: squatter.accessToken })).status === 401, 'the squatter\'s access token is refused');
  const me = await api.get('/api/v1/users/me', { token: owner.body.accessToken });
  assert.equal(me.status, 200);
  assert.equal(me.body.emailVerified, true);
});

test('a wrong state is refused with a 4xx problem', async () => {
  provider.accounts.set('prov-state', { email: 'state@e2e.test', email_verified: true });
  const a = await startSignIn();
  const b = await startSignIn();
  const returnedA = await provider.signIn(a.authorizationUrl.href, 'prov-state');

  // A state this browser did not start (the cookie says otherwise).
  const forged = await callback(withState(returnedA, 'made-up-state'), a.cookie);
  assert.equal(forged.status, 400);
  assert.match(forged.contentType, /problem\+json/);
  assert.match(forged.body.detail, /state/);
  // A state the shop never issued, cookie to match.
  const unknown = await callback(withState(returnedA, 'made-up-state'), 'emporium_oidc_state=made-up-state');
  assert.equal(unknown.status, 400);
  assert.match(unknown.body.detail, /Unknown, expired or already used/);
  // A's code with B's (genuine) state: B's PKCE verifier does not fit A's code.
  const swapped = await callback(withState(returnedA, b.cookie.split('=')[1]!), b.cookie);
  assert.ok(swapped.status >= 400 && swapped.status < 500, `status ${swapped.status}: ${JSON.stringify(swapped.body)}`);
  assert.match(swapped.contentType, /problem\+json/);
  assert.equal(swapped.body.accessToken, undefined);
});

test('a replayed callback (same code and state) is refused', async () => {
  provider.accounts.set('prov-replay', { email: 'replay@e2e.test', email_verified: true });
  const { authorizationUrl, cookie } = await startSignIn();
  const returned = await provider.signIn(authorizationUrl.href, 'prov-replay');
  const first = await callback(returned, cookie);
  assert.equal(first.status, 200, JSON.stringify(first.body));
  const replay = await callback(returned, cookie);
  assert.equal(replay.status, 400);
  assert.match(replay.contentType, /problem\+json/);
  assert.match(replay.body.detail, /already used/);
  assert.equal(replay.body.accessToken, undefined);
});

test('an email the provider has not verified is refused and no account is created', async () => {
  provider.accounts.set('prov-unverified', { email: 'unverified@e2e.test', email_verified: false });
  const refused = await signInWithProvider('prov-unverified');
  assert.equal(refused.status, 403);
  assert.match(refused.contentType, /problem\+json/);
  assert.match(refused.body.detail, /not verified/);
  assert.equal(refused.body.accessToken, undefined);

  const admin = await login(api, adminCredentials.email, adminCredentials.password);
  const listed = await api.get('/api/v1/users?email=unverified%40e2e.test', { token: admin.accessToken });
  assert.equal(listed.status, 200);
  assert.equal(listed.body.total, 0);

  // Nor may an unverified email take over an existing account.
  await signUp(api, 'victim@e2e.test');
  provider.accounts.set('prov-attacker', { email: 'victim@e2e.test', email_verified: false });
  assert.equal((await signInWithProvider('prov-attacker')).status, 403);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test('an account made through the provider is deleted by confirming its email; the provider account is unlinked', async () => {
  provider.accounts.set('prov-leaver', { email: 'oidc-leaver@e2e.test', email_verified: true });
  const first = await signInWithProvider('prov-leaver');
  assert.equal(first.body.outcome, 'created');
  // There is no password to give: the email confirms instead.
  const wrong = await api.post('/api/v1/users/me/delete', { confirm: 'someone@e2e.test' }, { token: first.body.accessToken });
  assert.equal(wrong.status, 400);
  assert.match(wrong.body.detail, /body\.confirm/);
  assert.equal((await api.post('/api/v1/users/me/delete', { confirm: 'OIDC-Leaver@e2e.test' }, { token: first.body.accessToken })).status, 204);

  // Signing in with the provider again starts afresh: a new account, not the erased one.
  const again = await signInWithProvider('prov-leaver');
  assert.equal(again.status, 200, JSON.stringify(again.body));
  assert.equal(again.body.outcome, 'created');
  assert.notEqual(again.body.userId, first.body.userId);
});
