import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { can, type Permission, type Role } from '@emporium/contracts';
import { TestPlatform, apiClient, identityHeaders, type ApiClient } from '@emporium/kit/testing';
import { service as users } from '@emporium/users';
import { service as catalog } from '@emporium/catalog';
import { service as inventory } from '@emporium/inventory';
import { service as payments } from '@emporium/payments';
import { service as cart } from '@emporium/cart';
import { service as orders } from '@emporium/orders';
import { service as notifications } from '@emporium/notifications';
import { service as gateway } from '@emporium/gateway';
import { adminCredentials, login, signUp, staffToken, usersEnv } from './helpers.ts';

// Who may do what, end to end: the permissions the users service reports for a role are exactly
// what the gateway and the services let that role do; and a client cannot pick its own address.

let platform: TestPlatform;
let api: ApiClient;
before(async () => {
  platform = await TestPlatform.start([users, catalog, inventory, payments, cart, orders, notifications, gateway], {
    env: { users: usersEnv, gateway: { RATE_LIMIT_MAX: '100000', UPSTREAM_TIMEOUT_MS: '60000' } },
  });
  api = apiClient(() => platform.url('gateway'));
});
after(() => platform?.stop());

/** Every permission-guarded route, with input the route accepts, so only the guard can refuse it. */
const guarded: Array<{ service: string; method: 'GET' | 'POST'; path: string; body?: unknown; permission: Permission }> = [
  { service: 'orders', method: 'POST', path: `/orders/${randomUUID()}/refund`, body: { reason: 'damaged in transit' }, permission: 'payments:refund' },
  { service: 'payments', method: 'POST', path: `/payments/${randomUUID()}/refund`, body: { amount: 100 }, permission: 'payments:refund' },
  { service: 'orders', method: 'GET', path: '/orders', permission: 'orders:manage' },
  { service: 'orders', method: 'POST', path: `/orders/${randomUUID()}/cancel`, body: { reason: 'customer asked' }, permission: 'orders:manage' },
  { service: 'catalog', method: 'POST', path: '/catalog/categories', body: { name: 'Guarded', slug: 'guarded' }, permission: 'catalog:write' },
  { service: 'cart', method: 'GET', path: '/cart/discount-codes', permission: 'discounts:manage' },
  { service: 'inventory', method: 'GET', path: '/inventory/warehouses', permission: 'inventory:manage' },
  { service: 'notifications', method: 'GET', path: '/notifications/templates', permission: 'notifications:manage' },
  { service: 'users', method: 'GET', path: '/users', permission: 'users:list' },
  { service: 'users', method: 'GET', path: '/users/audit-log', permission: 'audit:read' },
];

async function call(client: ApiClient, route: (typeof guarded)[number], options: { token?: string; headers?: Record<string, string> }, prefix = '') {
  const headers = { ...options.headers, 'idempotency-key': randomUUID() };
  const path = prefix + route.path;
  return route.method === 'GET' ? client.get(path, { ...options, headers }) : client.post(path, route.body, { ...options, headers });
}

test('for every role, the permissions GET /users/permissions reports are exactly what is enforced', async () => {
  const customer = await signUp(api, `perm-customer-${randomUUID().slice(0, 8)}@e2e.test`);
  const tokens: Record<Role, string> = {
    customer: customer.accessToken,
    staff: await staffToken(api, `perm-staff-${randomUUID().slice(0, 8)}@e2e.test`),
    admin: (await login(api, adminCredentials.email, adminCredentials.password)).accessToken,
  };
  for (const role of ['customer', 'staff', 'admin'] as const) {
    const answer = await api.get('/api/v1/users/permissions', { token: tokens[role] });
    assert.equal(answer.status, 200);
    const granted = new Set<string>(answer.body.permissions);
    for (const route of guarded) {
      const what = `${role} ${route.method} ${route.path} (${route.permission})`;
      assert.equal(granted.has(route.permission), can([role], route.permission), `${what}: the answer follows the shared table`);
      // Through the gateway with the user's token, and straight to the service with the identity the gateway signs.
      const viaGateway = await call(api, route, { token: tokens[role] }, '/api/v1');
      const direct = await call(apiClient(platform.url(route.service)), route, { headers: identityHeaders({ userId: `${role}-1`, roles: [role] }) });
      for (const [where, res] of [['gateway', viaGateway], ['service', direct]] as const) {
        assert.notEqual(res.status, 401, `${what} via ${where}: ${JSON.stringify(res.body)}`);
        assert.equal(res.status === 403, !granted.has(route.permission), `${what} via ${where}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
  }
});

test('staff may refund: the answer lists payments:refund and the refund routes let staff through', async () => {
  const token = await staffToken(api, `refunder-${randomUUID().slice(0, 8)}@e2e.test`);
  assert.ok((await api.get('/api/v1/users/permissions', { token })).body.permissions.includes('payments:refund'));
  const refund = await api.post(`/api/v1/payments/${randomUUID()}/refund`, { amount: 100 }, { token, headers: { 'idempotency-key': randomUUID() } });
  assert.equal(refund.status, 404, JSON.stringify(refund.body)); // past every guard, to the (unknown) payment
});

test('a forged X-Forwarded-For through the gateway does not escape the login throttle', async () => {
  const email = `xff-${randomUUID().slice(0, 8)}@e2e.test`;
  await signUp(api, email);
  // Each attempt claims another address; the users service must still see the one the gateway saw.
  for (let i = 0; i < 5; i++) {
    const res = await api.post('/api/v1/users/login', { email, password: 'wrong password' }, { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } });
    assert.equal(res.status, 401);
  }
  const sixth = await api.post('/api/v1/users/login', { email, password: 'customer-password-1' }, { headers: { 'x-forwarded-for': '198.51.100.77' } });
  assert.equal(sixth.status, 429, JSON.stringify(sixth.body));
});
