import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { TestPlatform, apiClient, testCard, type ApiClient } from '@emporium/kit/testing';
import { service as users } from '@emporium/users';
import { service as catalog } from '@emporium/catalog';
import { service as inventory } from '@emporium/inventory';
import { service as payments } from '@emporium/payments';
import { service as cart } from '@emporium/cart';
import { service as orders } from '@emporium/orders';
import { service as gateway } from '@emporium/gateway';
import { adminCredentials, eventually, login, signUp, staffToken, usersEnv } from './helpers.ts';

// Customers' personal data through the gateway: staff reads are audited, customers export and delete their data.
const card = testCard();
const homeAddress = { line1: '7 Privacy Lane', city: 'Porto', postalCode: '4000-001', country: 'PT' };
const shippingAddress = { name: 'Priya Private', line1: '7 Privacy Lane', line2: 'Flat 2', city: 'Porto', postalCode: '4000-001', country: 'PT' };
const sku = 'E2E-PRIV-1';

let platform: TestPlatform;
let api: ApiClient;
let adminToken: string;
let staff: { token: string; id: string };

before(async () => {
  platform = await TestPlatform.start([users, catalog, inventory, payments, cart, orders, gateway], {
    env: {
      users: usersEnv,
      orders: { ORDERS_UPSTREAM_TIMEOUT_MS: '30000' },
      cart: { CATALOG_TIMEOUT_MS: '20000' },
      gateway: { RATE_LIMIT_MAX: '100000', UPSTREAM_TIMEOUT_MS: '60000' },
    },
  });
  api = apiClient(() => platform.url('gateway'));
  adminToken = (await login(api, adminCredentials.email, adminCredentials.password)).accessToken;
  assert.equal((await api.post('/api/v1/inventory/warehouses', { id: 'main', name: 'Main' }, { token: adminToken })).status, 201);
  assert.equal((await api.post('/api/v1/catalog/products', { name: 'Privacy Screen', description: 'e2e privacy item', sku, price: 2500, currency: 'EUR' }, { token: adminToken })).status, 201);
  assert.equal((await api.put(`/api/v1/inventory/stock/${sku}`, { warehouseId: 'main', onHand: 100 }, { token: adminToken })).status, 200);
  const staffAccessToken = await staffToken(api, 'privacy-staff@e2e.test');
  staff = { token: staffAccessToken, id: (await api.get('/api/v1/users/me', { token: staffAccessToken })).body.id };
});
after(() => platform?.stop());

/** A customer with a home address who has placed one paid order while signed in. */
async function customerWithOrder(email: string) {
  const customer = await signUp(api, email);
  assert.equal((await api.patch('/api/v1/users/me', { address: homeAddress, phone: '+351 21 1234567' }, { token: customer.accessToken })).status, 200);
  const created = await api.post('/api/v1/cart/carts', {}, { token: customer.accessToken });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal((await api.post(`/api/v1/cart/carts/${created.body.id}/items`, { sku, quantity: 2 }, { token: customer.accessToken })).status, 200);
  const placed = await api.post('/api/v1/orders', { cartId: created.body.id, payment: card, shippingAddress }, { token: customer.accessToken, headers: { 'idempotency-key': randomUUID() } });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  return { ...customer, email, orderId: placed.body.id as string };
}

interface UsersAuditEntry {
  actorId: string;
  action: string;
  targetUserId: string | null;
  requestId: string;
  details: Record<string, unknown>;
  at: string;
}
interface OrdersAuditEntry {
  actorId: string;
  action: string;
  orderId: string;
  customerId: string | null;
  requestId: string;
  at: string;
}

test('every staff read of a customer profile, address and orders is audited with who, what, when and the request id', async () => {
  const customer = await customerWithOrder('audited@e2e.test');
  const startedAt = Date.now();

  const profile = await api.get(`/api/v1/users/${customer.id}`, { token: staff.token });
  assert.equal(profile.status, 200);
  assert.deepEqual(profile.body.address, homeAddress);
  const order = await api.get(`/api/v1/orders/${customer.orderId}`, { token: staff.token });
  assert.equal(order.status, 200);
  const listing = await api.get('/api/v1/orders?pageSize=100', { token: staff.token });
  assert.ok(listing.body.items.some((o: { id: string }) => o.id === customer.orderId));
  // The customer reading their own data is not a staff access.
  assert.equal((await api.get(`/api/v1/orders/${customer.orderId}`, { token: customer.accessToken })).status, 200);

  const usersLog = await api.get(`/api/v1/users/audit-log?targetUserId=${customer.id}`, { token: adminToken });
  assert.equal(usersLog.status, 200);
  const profileRead = (usersLog.body.items as UsersAuditEntry[]).find((e) => e.action === 'user.profile.read');
  assert.ok(profileRead, JSON.stringify(usersLog.body.items));
  assert.equal(profileRead.actorId, staff.id);
  assert.equal(profileRead.requestId, profile.headers.get('x-request-id'));
  assert.deepEqual(profileRead.details.disclosed, ['email', 'name', 'phone', 'address']);
  assert.ok(Date.parse(profileRead.at) >= startedAt - 60_000);

  const ordersLog = await api.get(`/api/v1/orders/audit-log?customerId=${customer.id}`, { token: adminToken });
  assert.equal(ordersLog.status, 200, JSON.stringify(ordersLog.body));
  const entries = ordersLog.body.items as OrdersAuditEntry[];
  assert.deepEqual(entries.map((e) => e.action).sort(), ['order.listed', 'order.read'], 'one entry per staff read, none for the owner');
  const read = entries.find((e) => e.action === 'order.read')!;
  assert.deepEqual([read.actorId, read.orderId, read.customerId, read.requestId], [staff.id, customer.orderId, customer.id, order.headers.get('x-request-id')]);
  assert.equal(entries.find((e) => e.action === 'order.listed')!.requestId, listing.headers.get('x-request-id'));
  assert.ok(Date.parse(read.at) >= startedAt - 60_000);

  // Reading the audit logs is for admins.
  assert.equal((await api.get(`/api/v1/orders/audit-log?customerId=${customer.id}`, { token: staff.token })).status, 403);
  assert.equal((await api.get(`/api/v1/users/audit-log?targetUserId=${customer.id}`, { token: staff.token })).status, 403);
});

test('a customer downloads their own data as JSON: account, preferences, addresses and orders', async () => {
  const customer = await customerWithOrder('exporter@e2e.test');
  const other = await customerWithOrder('someone-else@e2e.test');
  assert.equal((await api.put('/api/v1/users/me/preferences', { locale: 'pt-PT', marketingEmails: true }, { token: customer.accessToken })).status, 200);

  const exported = await api.get('/api/v1/users/me/export', { token: customer.accessToken });
  assert.equal(exported.status, 200, JSON.stringify(exported.body));
  assert.match(exported.headers.get('content-type') ?? '', /application\/json/);
  assert.match(exported.headers.get('content-disposition') ?? '', /attachment; filename="emporium-data-.+\.json"/);
  const data = exported.body;
  assert.equal(data.account.id, customer.id);
  assert.equal(data.account.email, 'exporter@e2e.test');
  assert.equal(data.account.phone, '+351 21 1234567');
  assert.deepEqual(data.preferences, { locale: 'pt-PT', currency: 'EUR', marketingEmails: true });
  assert.deepEqual(data.addresses, [homeAddress]);
  assert.deepEqual(data.orders.map((o: { id: string }) => o.id), [customer.orderId], "their orders and nobody else's");
  const [order] = data.orders;
  assert.deepEqual(order.shippingAddress, shippingAddress);
  assert.deepEqual(order.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity]), [[sku, 2]]);
  assert.equal(order.total, 5000);
  assert.equal(order.status, 'paid');
  assert.ok(!JSON.stringify(data).includes(other.orderId));
  assert.ok(!/password/i.test(JSON.stringify(data)), 'no password hash in the export');

  const log = await api.get(`/api/v1/users/audit-log?targetUserId=${customer.id}`, { token: adminToken });
  assert.ok(log.body.items.some((e: UsersAuditEntry) => e.action === 'user.data.exported' && e.actorId === customer.id));
});

test('a customer deletes their account: it is anonymised, sign-in ends, and their orders stay but lose the personal data', async () => {
  const customer = await customerWithOrder('leaver@e2e.test');
  const before = (await api.get(`/api/v1/orders/${customer.orderId}`, { token: adminToken })).body;

  const noPassword = await api.post('/api/v1/users/me/delete', {}, { token: customer.accessToken });
  assert.equal(noPassword.status, 400);
  assert.match(noPassword.headers.get('content-type') ?? '', /problem\+json/);
  assert.match(noPassword.body.detail, /body\.password/);
  assert.equal((await api.post('/api/v1/users/me/delete', { password: 'not-my-password' }, { token: customer.accessToken })).status, 403);
  assert.equal((await api.get(`/api/v1/users/${customer.id}`, { token: adminToken })).body.email, 'leaver@e2e.test', 'nothing changed yet');

  const deleted = await api.post('/api/v1/users/me/delete', { password: 'customer-password-1' }, { token: customer.accessToken });
  assert.equal(deleted.status, 204, JSON.stringify(deleted.body));

  // Sign-in is over: the password, the session and the email are gone.
  assert.equal((await api.post('/api/v1/users/login', { email: 'leaver@e2e.test', password: 'customer-password-1' })).status, 401);
  assert.equal((await api.post('/api/v1/users/refresh', { refreshToken: customer.refreshToken })).status, 401);
  const account = (await api.get(`/api/v1/users/${customer.id}`, { token: adminToken })).body;
  assert.match(account.email, /^erased-.+@users\.invalid$/);
  assert.deepEqual([account.name, account.phone, account.address], [null, null, null]);
  // Access tokens already issued are refused at once (the gateway hears of the revocation).
  await eventually(async () => (await api.get('/api/v1/users/me/export', { token: customer.accessToken })).status === 401, 'the erased account\'s access token to be refused');
  // The address is free for a new account.
  assert.equal((await api.post('/api/v1/users/register', { email: 'leaver@e2e.test', password: 'customer-password-2' })).status, 202);
  await login(api, 'leaver@e2e.test', 'customer-password-2');

  const anonymised = await eventually(async () => {
    const order = (await api.get(`/api/v1/orders/${customer.orderId}`, { token: adminToken })).body;
    return order.email === null ? order : undefined;
  }, "the order's personal data to be anonymised");
  assert.deepEqual(anonymised.shippingAddress, { name: '[deleted]', line1: '[deleted]', city: 'Porto', postalCode: '4000-001', country: 'PT' });
  // Kept for the books.
  for (const field of ['id', 'status', 'userId', 'total', 'subtotal', 'currency', 'paymentId', 'createdAt', 'lines'] as const) assert.deepEqual(anonymised[field], before[field], field);
});
