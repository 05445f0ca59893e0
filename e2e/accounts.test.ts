import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { service as users } from '@emporium/users';
import { service as notifications } from '@emporium/notifications';
import { service as gateway } from '@emporium/gateway';
import { adminCredentials, eventually, login, signUp, usersEnv } from './helpers.ts';
import { decodedText, startSmtpServer, type ReceivedMail } from './smtp.ts';

// Accounts through the gateway: sign-up that reveals nothing, emailed links (real SMTP), password
// rules, and revocation: logout, password and role changes stop old access tokens within seconds.
let platform: TestPlatform;
let api: ApiClient;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

before(async () => {
  smtp = await startSmtpServer();
  platform = await TestPlatform.start([users, notifications, gateway], {
    env: { users: { ...usersEnv, APP_URL: 'https://shop.example' }, notifications: { SMTP_URL: smtp.url } },
  });
  api = apiClient(() => platform.url('gateway'));
});
after(async () => {
  await platform.stop();
  await smtp.close();
});

/** The newest mail to `to` whose text matches `pattern`, once it has arrived. */
function mailTo(to: string, pattern: RegExp): Promise<ReceivedMail> {
  return eventually(async () => [...smtp.inbox].reverse().find((m) => m.to.includes(to) && pattern.test(decodedText(m))), `mail to ${to} matching ${pattern}`);
}

function linkToken(mail: ReceivedMail, page: string): string {
  const match = new RegExp(`https://shop\\.example/account/${page}\\?token=([A-Za-z0-9_-]+)`).exec(decodedText(mail));
  assert.ok(match, `a ${page} link in the mail`);
  return match[1]!;
}

/** Polls until the gateway answers `status` for the token: revocation travels by event, so it takes moments. */
async function untilStatus(path: string, token: string, status: number) {
  return eventually(async () => {
    const res = await api.get(path, { token });
    return res.status === status ? res : undefined;
  }, `${path} answering ${status}`);
}

test('sign-up answers alike for a new and a registered email; each mailbox learns which', async () => {
  const fresh = await api.post('/api/v1/users/register', { email: 'newbie@e2e.test', password: 'a fine new password' });
  const taken = await api.post('/api/v1/users/register', { email: 'newbie@e2e.test', password: 'someone elses password' });
  assert.equal(fresh.status, 202);
  assert.deepEqual(taken.body, fresh.body);
  assert.equal(taken.status, fresh.status);

  await mailTo('newbie@e2e.test', /Subject: You already have an account/);
  const verification = await mailTo('newbie@e2e.test', /Subject: Confirm your email address/);
  const { accessToken } = await login(api, 'newbie@e2e.test', 'a fine new password');
  assert.equal((await api.get('/api/v1/users/me', { token: accessToken })).body.emailVerified, false, 'signing in does not need a verified email');

  const token = linkToken(verification, 'verify-email');
  assert.equal((await api.post('/api/v1/users/email-verification/confirm', { token })).status, 204);
  assert.equal((await api.get('/api/v1/users/me', { token: accessToken })).body.emailVerified, true);
  const again = await api.post('/api/v1/users/email-verification/confirm', { token });
  assert.equal(again.status, 400, 'single use');
  assert.match(again.headers.get('content-type') ?? '', /problem\+json/);
  assert.equal((await api.post('/api/v1/users/me/email-verification', undefined, { token: accessToken })).status, 409);
});

test('passwords: at least 12 characters and not a common one, named in a 400', async () => {
  for (const password of ['short-pw-11', 'password1234', 'iloveyou2024!', 'qwertyqwerty', 'aaaaaaaaaaaaaaa']) {
    const res = await api.post('/api/v1/users/register', { email: 'weak@e2e.test', password });
    assert.equal(res.status, 400, password);
    assert.match(res.body.detail, /body\.password/);
  }
  const admin = await login(api, adminCredentials.email, adminCredentials.password);
  assert.equal((await api.get('/api/v1/users?email=weak@e2e.test', { token: admin.accessToken })).body.total, 0);
});

test('reset by emailed link: same answer for unknown emails, single use, every old session ends', async () => {
  const user = await signUp(api, 'forgetful@e2e.test');
  const known = await api.post('/api/v1/users/password-reset', { email: 'Forgetful@e2e.test' });
  const unknown = await api.post('/api/v1/users/password-reset', { email: 'nobody-here@e2e.test' });
  assert.equal(known.status, 202);
  assert.deepEqual([unknown.status, unknown.body], [known.status, known.body]);

  const token = linkToken(await mailTo('forgetful@e2e.test', /Subject: Reset your password/), 'reset-password');
  const weak = await api.post('/api/v1/users/password-reset/confirm', { token, newPassword: 'password1234' });
  assert.equal(weak.status, 400, 'the new password follows the rules too');
  assert.equal((await api.post('/api/v1/users/password-reset/confirm', { token, newPassword: 'a brand new secret' })).status, 204);
  assert.equal((await api.post('/api/v1/users/password-reset/confirm', { token, newPassword: 'another new secret' })).status, 400, 'single use');

  assert.equal((await api.post('/api/v1/users/login', { email: 'forgetful@e2e.test', password: 'customer-password-1' })).status, 401);
  await untilStatus('/api/v1/users/me', user.accessToken, 401);
  assert.equal((await api.post('/api/v1/users/refresh', { refreshToken: user.refreshToken })).status, 401);
  const fresh = await login(api, 'forgetful@e2e.test', 'a brand new secret');
  const me = await api.get('/api/v1/users/me', { token: fresh.accessToken });
  assert.equal(me.body.emailVerified, true, 'the link proved the mailbox');
  await mailTo('forgetful@e2e.test', /Subject: Your password was changed/);
});

test('password change needs the current password, ends the other sessions and keeps the caller signed in', async () => {
  const user = await signUp(api, 'changer@e2e.test');
  const otherDevice = await login(api, 'changer@e2e.test', 'customer-password-1');
  const wrong = await api.post('/api/v1/users/me/password', { currentPassword: 'not my password', newPassword: 'a changed password' }, { token: user.accessToken });
  assert.equal(wrong.status, 403);
  const changed = await api.post('/api/v1/users/me/password', { currentPassword: 'customer-password-1', newPassword: 'a changed password' }, { token: user.accessToken });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));

  await untilStatus('/api/v1/users/me', otherDevice.accessToken, 401);
  assert.equal((await api.post('/api/v1/users/refresh', { refreshToken: otherDevice.refreshToken })).status, 401);
  assert.equal((await api.get('/api/v1/users/me', { token: changed.body.accessToken })).status, 200);
  assert.equal((await api.post('/api/v1/users/refresh', { refreshToken: changed.body.refreshToken })).status, 200);
  await login(api, 'changer@e2e.test', 'a changed password');
});

test('after logout the access token is refused within seconds; other sessions go on', async () => {
  const user = await signUp(api, 'leaver@e2e.test');
  const phone = await login(api, 'leaver@e2e.test', 'customer-password-1');
  assert.equal((await api.get('/api/v1/users/me', { token: user.accessToken })).status, 200);
  assert.equal((await api.post('/api/v1/users/logout', { refreshToken: user.refreshToken })).status, 204);
  const refused = await untilStatus('/api/v1/users/me', user.accessToken, 401);
  assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
  assert.equal((await api.get('/api/v1/users/me', { token: phone.accessToken })).status, 200);

  assert.equal((await api.post('/api/v1/users/me/logout-all', undefined, { token: phone.accessToken })).status, 204);
  await untilStatus('/api/v1/users/me', phone.accessToken, 401);
  assert.equal((await api.post('/api/v1/users/refresh', { refreshToken: phone.refreshToken })).status, 401);
});

test('a demoted user loses staff access at once, without signing in again', async () => {
  const customer = await signUp(api, 'someone@e2e.test');
  const clerk = await signUp(api, 'clerk@e2e.test');
  const admin = await login(api, adminCredentials.email, adminCredentials.password);
  assert.equal((await api.put(`/api/v1/users/${clerk.id}/roles`, { roles: ['staff'] }, { token: admin.accessToken })).status, 200);
  // The promotion outdated the customer token too: a refresh brings the staff role.
  const refreshed = await api.post('/api/v1/users/refresh', { refreshToken: clerk.refreshToken });
  const staff = refreshed.body as { accessToken: string; refreshToken: string };
  assert.equal((await api.get(`/api/v1/users/${customer.id}`, { token: staff.accessToken })).status, 200);

  assert.equal((await api.put(`/api/v1/users/${clerk.id}/roles`, { roles: ['customer'] }, { token: admin.accessToken })).status, 200);
  await untilStatus(`/api/v1/users/${customer.id}`, staff.accessToken, 401);
  const demoted = await api.post('/api/v1/users/refresh', { refreshToken: staff.refreshToken });
  assert.equal(demoted.status, 200, 'the session itself goes on');
  assert.equal((await api.get(`/api/v1/users/${customer.id}`, { token: demoted.body.accessToken })).status, 403);
  assert.equal((await api.get('/api/v1/users/me', { token: demoted.body.accessToken })).status, 200);
});
