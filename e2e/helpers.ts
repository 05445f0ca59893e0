import assert from 'node:assert/strict';
import type { ApiClient } from '@emporium/kit/testing';

export const adminCredentials = { email: 'admin@e2e.test', password: 'admin-password-1' };

/** Env for the users service so the run has a known admin. */
export const usersEnv = { ADMIN_EMAIL: adminCredentials.email, ADMIN_PASSWORD: adminCredentials.password };

export async function login(api: ApiClient, email: string, password: string): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await api.post('/api/v1/users/login', { email, password });
  assert.equal(res.status, 200, `login of ${email}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Registers a customer and returns its id and tokens. */
export async function signUp(api: ApiClient, email: string, password = 'customer-password-1') {
  const reg = await api.post('/api/v1/users/register', { email, password, name: email.split('@')[0] });
  assert.equal(reg.status, 202, `register ${email}: ${JSON.stringify(reg.body)}`);
  const tokens = await login(api, email, password);
  // Sign-up does not say whether it created an account, so the id comes from the profile.
  const me = await api.get('/api/v1/users/me', { token: tokens.accessToken });
  return { id: me.body.id as string, ...tokens };
}

/** Registers a user and has the admin make it staff; returns a staff token. */
export async function staffToken(api: ApiClient, email: string): Promise<string> {
  const user = await signUp(api, email);
  const admin = await login(api, adminCredentials.email, adminCredentials.password);
  const res = await api.put(`/api/v1/users/${user.id}/roles`, { roles: ['staff'] }, { token: admin.accessToken });
  assert.equal(res.status, 200, `promote ${email}: ${JSON.stringify(res.body)}`);
  return (await login(api, email, 'customer-password-1')).accessToken;
}

/** The kit's polling helper, for the tests that import it from here. */
export { eventually } from '@emporium/kit/testing';
