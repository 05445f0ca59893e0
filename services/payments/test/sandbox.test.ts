import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SandboxProvider } from '../src/providers/index.ts';
import { STAFF, authorizeBody, customer, startPayments, withKey, type PaymentsHarness } from './helpers.ts';

const WEBHOOK_SECRET = 'sandbox-webhook-secret-for-tests';
const CARDS = { ok: '4242424242424242', declined: '4000000000000002', insufficient: '4000000000009995' };
const card = (cardNumber: string) => ({ cardNumber, expMonth: 12, expYear: 2099, cvc: '123' });

let h: PaymentsHarness;
before(async () => {
  h = await startPayments({ SANDBOX_WEBHOOK_SECRET: WEBHOOK_SECRET });
});
after(() => h.platform.stop());

async function authorize(overrides: Record<string, unknown> = {}, key = randomUUID()) {
  const body = authorizeBody(overrides);
  const res = await h.api.post('/internal/payments/authorize', body, withKey(key));
  return { res, body, key };
}

async function authorized(overrides: Record<string, unknown> = {}) {
  const { res, body } = await authorize(overrides);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { paymentId: res.body.paymentId as string, body };
}

async function captured(overrides: Record<string, unknown> = {}) {
  const { paymentId, body } = await authorized(overrides);
  const res = await h.api.post(`/internal/payments/${paymentId}/capture`, undefined, withKey());
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { paymentId, body, invoiceId: res.body.invoiceId as string };
}

const outboxTypes = (paymentId: string) =>
  h.query<{ type: string }>(`select type from outbox where data->>'paymentId' = '${paymentId}' order by occurred_at`).then((rows) => rows.map((r) => r.type));

test('authorize then capture: captured, an invoice with a yearly number, events in the outbox', async () => {
  const { paymentId, body } = await authorized();
  const capture = await h.api.post(`/internal/payments/${paymentId}/capture`, undefined, withKey());
  assert.equal(capture.status, 200);
  assert.equal(capture.body.status, 'captured');
  assert.equal(capture.body.paymentId, paymentId);

  const invoice = await h.api.get(`/payments/invoices/${capture.body.invoiceId}`, { headers: STAFF });
  assert.equal(invoice.status, 200);
  assert.match(invoice.body.number, new RegExp(`^INV-${new Date().getUTCFullYear()}-\\d{6}$`));
  assert.equal(invoice.body.total, body.amount);
  assert.equal(invoice.body.tax, 0);
  assert.equal(invoice.body.orderId, body.orderId);
  assert.ok(invoice.body.issuedAt);

  const payment = await h.api.get(`/payments/${paymentId}`, { headers: STAFF });
  assert.equal(payment.body.status, 'captured');
  assert.equal(payment.body.cardLast4, '4242');
  assert.equal(payment.body.invoiceId, capture.body.invoiceId);
  const invoiceEvents = await h.count('outbox', `type = 'invoice.issued' and data->>'invoiceId' = '${capture.body.invoiceId}'`);
  assert.equal(invoiceEvents, 1);
  assert.deepEqual(await outboxTypes(paymentId), ['payment.captured']);
});

test('invoice numbers follow each other', async () => {
  const first = await captured();
  const second = await captured();
  const number = async (id: string) => (await h.api.get(`/payments/invoices/${id}`, { headers: STAFF })).body.number as string;
  const [a, b] = [await number(first.invoiceId), await number(second.invoiceId)];
  assert.equal(Number(b.slice(-6)), Number(a.slice(-6)) + 1);
});

for (const [name, cardNumber, code] of [['declined card', CARDS.declined, 'card_declined'], ['insufficient funds', CARDS.insufficient, 'insufficient_funds']] as const) {
  test(`${name}: 402 with ${code}, intent failed, payment.failed written, no invoice`, async () => {
    const { res, body } = await authorize({ method: card(cardNumber) });
    assert.equal(res.status, 402);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal(res.body.code, code);
    assert.ok(res.body.paymentId);
    const byOrder = await h.api.get(`/internal/payments/by-order/${body.orderId}`);
    assert.equal(byOrder.body.items.length, 1);
    assert.equal(byOrder.body.items[0].status, 'failed');
    assert.equal(byOrder.body.items[0].failureCode, code);
    assert.equal(await h.count('invoices', `order_id = '${body.orderId}'`), 0);
    assert.deepEqual(await outboxTypes(res.body.paymentId), ['payment.failed']);
    const capture = await h.api.post(`/internal/payments/${res.body.paymentId}/capture`, undefined, withKey());
    assert.equal(capture.status, 409);
  });
}

test('void: authorized → voided; capturing a voided payment is 409; voiding again answers the same', async () => {
  const { paymentId } = await authorized();
  const voided = await h.api.post(`/internal/payments/${paymentId}/void`);
  assert.equal(voided.status, 200);
  assert.deepEqual(voided.body, { paymentId, status: 'voided' });
  const capture = await h.api.post(`/internal/payments/${paymentId}/capture`, undefined, withKey());
  assert.equal(capture.status, 409);
  assert.equal(capture.body.paymentStatus, 'voided');
  assert.equal((await h.api.post(`/internal/payments/${paymentId}/void`)).status, 200);
  assert.equal(await h.count('invoices', `payment_id = '${paymentId}'`), 0);
});

test('voiding a captured payment is 409', async () => {
  const { paymentId } = await captured();
  assert.equal((await h.api.post(`/internal/payments/${paymentId}/void`)).status, 409);
});

test('refunds: partial, over-refund 409, then the rest; events written', async () => {
  const { paymentId } = await captured({ amount: 1000 });
  const partial = await h.api.post(`/internal/payments/${paymentId}/refund`, { amount: 300 }, withKey());
  assert.equal(partial.status, 200);
  assert.deepEqual(partial.body, { paymentId, status: 'partially_refunded', refundedAmount: 300 });
  const tooMuch = await h.api.post(`/internal/payments/${paymentId}/refund`, { amount: 701 }, withKey());
  assert.equal(tooMuch.status, 409);
  assert.equal(tooMuch.body.refundable, 700);
  const rest = await h.api.post(`/internal/payments/${paymentId}/refund`, { amount: 700 }, withKey());
  assert.deepEqual(rest.body, { paymentId, status: 'refunded', refundedAmount: 1000 });
  const again = await h.api.post(`/internal/payments/${paymentId}/refund`, { amount: 1 }, withKey());
  assert.equal(again.status, 409);
  assert.equal(await h.count('refunds', `payment_id = '${paymentId}'`), 2);
  assert.equal(await h.count('outbox', `type = 'payment.refunded' and data->>'paymentId' = '${paymentId}'`), 2);
});

test('refunding an uncaptured payment is 409', async () => {
  const { paymentId } = await authorized();
  assert.equal((await h.api.post(`/internal/payments/${paymentId}/refund`, { amount: 1 }, withKey())).status, 409);
});

test('public refund: staff only, with an Idempotency-Key', async () => {
  const { paymentId } = await captured({ amount: 800, userId: 'user-bob' });
  const asCustomer = await h.api.post(`/payments/${paymentId}/refund`, { amount: 100 }, withKey(undefined, customer('user-bob')));
  assert.equal(asCustomer.status, 403);
  const anonymous = await h.api.post(`/payments/${paymentId}/refund`, { amount: 100 }, withKey());
  assert.equal(anonymous.status, 401);
  const noKey = await h.api.post(`/payments/${paymentId}/refund`, { amount: 100 }, { headers: STAFF });
  assert.equal(noKey.status, 400);
  const key = randomUUID();
  const asStaff = await h.api.post(`/payments/${paymentId}/refund`, { amount: 100 }, withKey(key, STAFF));
  assert.deepEqual(asStaff.body, { paymentId, status: 'partially_refunded', refundedAmount: 100 });
  const replay = await h.api.post(`/payments/${paymentId}/refund`, { amount: 100 }, withKey(key, STAFF));
  assert.deepEqual(replay.body, asStaff.body);
  assert.equal(await h.count('refunds', `payment_id = '${paymentId}'`), 1);
});

test('idempotency: the same key and body replays the response and authorizes once', async () => {
  const key = randomUUID();
  const body = authorizeBody();
  const first = await h.api.post('/internal/payments/authorize', body, withKey(key));
  const second = await h.api.post('/internal/payments/authorize', body, withKey(key));
  assert.equal(first.status, 201);
  assert.equal(second.status, 201);
  assert.equal(second.body.paymentId, first.body.paymentId);
  assert.equal(await h.count('payment_intents', `order_id = '${body.orderId}'`), 1);

  // Capture replays too: one invoice only.
  const captureKey = randomUUID();
  const c1 = await h.api.post(`/internal/payments/${first.body.paymentId}/capture`, undefined, withKey(captureKey));
  const c2 = await h.api.post(`/internal/payments/${first.body.paymentId}/capture`, undefined, withKey(captureKey));
  assert.equal(c1.status, 200);
  assert.deepEqual(c2.body, c1.body);
  assert.equal(await h.count('invoices', `order_id = '${body.orderId}'`), 1);
});

test('idempotency: a declined authorize replays the same 402', async () => {
  const key = randomUUID();
  const body = authorizeBody({ method: card(CARDS.declined) });
  const first = await h.api.post('/internal/payments/authorize', body, withKey(key));
  const second = await h.api.post('/internal/payments/authorize', body, withKey(key));
  assert.equal(first.status, 402);
  assert.equal(second.status, 402);
  assert.equal(second.body.paymentId, first.body.paymentId);
  assert.equal(await h.count('payment_intents', `order_id = '${body.orderId}'`), 1);
});

test('idempotency: the same key with a different body is 422', async () => {
  const key = randomUUID();
  const body = authorizeBody();
  assert.equal((await h.api.post('/internal/payments/authorize', body, withKey(key))).status, 201);
  const other = await h.api.post('/internal/payments/authorize', { ...body, amount: body.amount + 1 }, withKey(key));
  assert.equal(other.status, 422);
  assert.equal(await h.count('payment_intents', `order_id = '${body.orderId}'`), 1);
});

test('a missing Idempotency-Key is 400 on authorize, capture and refund', async () => {
  const body = authorizeBody();
  const res = await h.api.post('/internal/payments/authorize', body);
  assert.equal(res.status, 400);
  assert.match(res.body.detail, /idempotency-key/);
  assert.equal(await h.count('payment_intents', `order_id = '${body.orderId}'`), 0);
  const { paymentId } = await authorized();
  assert.equal((await h.api.post(`/internal/payments/${paymentId}/capture`)).status, 400);
  assert.equal((await h.api.post(`/internal/payments/${paymentId}/refund`, { amount: 1 })).status, 400);
});

test('bad input is 400 naming the field, and nothing is written', async () => {
  const before = { intents: await h.count('payment_intents'), keys: await h.count('idempotent_requests') };
  const { orderId: _orderId, ...withoutOrder } = authorizeBody();
  const cases: Array<[unknown, string]> = [
    [authorizeBody({ amount: -5 }), 'body.amount'],
    [authorizeBody({ amount: 12.5 }), 'body.amount'],
    [authorizeBody({ currency: 'euro' }), 'body.currency'],
    [withoutOrder, 'body.orderId'],
    [authorizeBody({ orderId: 'x'.repeat(101) }), 'body.orderId'],
    [authorizeBody({ method: {} }), 'body.method.cardNumber'],
    [authorizeBody({ method: { cardNumber: '42' } }), 'body.method.cardNumber'],
    // A number failing the Luhn check is bad input, not a declined card (and never reaches a provider).
    [authorizeBody({ method: { cardNumber: '4242 4242 4242 4241', expMonth: 12, expYear: 2099, cvc: '123' } }), 'body.method.cardNumber'],
    [authorizeBody({ method: { token: 't'.repeat(256) } }), 'body.method.token'],
    [authorizeBody({ provider: 'paypal' }), 'body.provider'],
  ];
  for (const [body, field] of cases) {
    const res = await h.api.post('/internal/payments/authorize', body, withKey());
    assert.equal(res.status, 400, field);
    assert.ok(res.body.errors.some((e: { field: string }) => e.field === field), `${field} in ${JSON.stringify(res.body.errors)}`);
  }
  assert.equal((await h.api.post(`/internal/payments/not-a-uuid/capture`, undefined, withKey())).status, 400);
  assert.equal((await h.api.post(`/internal/payments/${randomUUID()}/refund`, { amount: -1 }, withKey())).status, 400);
  assert.deepEqual({ intents: await h.count('payment_intents'), keys: await h.count('idempotent_requests') }, before);
});

test('unconfigured provider is 400; unknown payment is 404; the providers this deployment has are listed', async () => {
  assert.deepEqual((await h.api.get('/internal/payments/providers')).body, { defaultProvider: 'sandbox', providers: ['sandbox'] });
  const res = await h.api.post('/internal/payments/authorize', authorizeBody({ provider: 'stripe' }), withKey());
  assert.equal(res.status, 400);
  const missing = await h.api.post(`/internal/payments/${randomUUID()}/capture`, undefined, withKey());
  assert.equal(missing.status, 404);
  assert.equal((await h.api.get(`/payments/${randomUUID()}`, { headers: STAFF })).status, 404);
});

test('provider outage: 503, intent left for a retry with the same key, which then completes', async () => {
  const sandbox = h.providers.get('sandbox') as SandboxProvider;
  const key = randomUUID();
  const body = authorizeBody();
  sandbox.simulateOutage(true);
  try {
    const down = await h.api.post('/internal/payments/authorize', body, withKey(key));
    assert.equal(down.status, 503);
    assert.match(down.headers.get('content-type') ?? '', /problem\+json/);
    const [intent] = (await h.api.get(`/internal/payments/by-order/${body.orderId}`)).body.items;
    assert.equal(intent.status, 'requires_authorization');
  } finally {
    sandbox.simulateOutage(false);
  }
  const retry = await h.api.post('/internal/payments/authorize', body, withKey(key));
  assert.equal(retry.status, 201);
  assert.equal(await h.count('payment_intents', `order_id = '${body.orderId}'`), 1);

  const captureKey = randomUUID();
  sandbox.simulateOutage(true);
  try {
    assert.equal((await h.api.post(`/internal/payments/${retry.body.paymentId}/capture`, undefined, withKey(captureKey))).status, 503);
    assert.equal(await h.count('invoices', `order_id = '${body.orderId}'`), 0);
  } finally {
    sandbox.simulateOutage(false);
  }
  const captured = await h.api.post(`/internal/payments/${retry.body.paymentId}/capture`, undefined, withKey(captureKey));
  assert.equal(captured.status, 200);
  assert.equal(await h.count('invoices', `order_id = '${body.orderId}'`), 1);
});

test('an intent whose authorization never completed can be voided (saga compensation)', async () => {
  const sandbox = h.providers.get('sandbox') as SandboxProvider;
  const body = authorizeBody();
  sandbox.simulateOutage(true);
  let paymentId: string;
  try {
    paymentId = (await h.api.post('/internal/payments/authorize', body, withKey())).body.paymentId;
  } finally {
    sandbox.simulateOutage(false);
  }
  const voided = await h.api.post(`/internal/payments/${paymentId}/void`);
  assert.deepEqual(voided.body, { paymentId, status: 'voided' });
});

test('public reads: owner and staff see a payment and its invoices; others do not', async () => {
  const { paymentId, body, invoiceId } = await captured({ userId: 'user-carol' });
  assert.equal((await h.api.get(`/payments/${paymentId}`, { headers: customer('user-carol') })).status, 200);
  assert.equal((await h.api.get(`/payments/${paymentId}`, { headers: customer('user-dave') })).status, 403);
  assert.equal((await h.api.get(`/payments/${paymentId}`)).status, 401);
  const own = await h.api.get(`/payments/invoices?orderId=${body.orderId}`, { headers: customer('user-carol') });
  assert.deepEqual(own.body.items.map((i: { id: string }) => i.id), [invoiceId]);
  const other = await h.api.get(`/payments/invoices?orderId=${body.orderId}`, { headers: customer('user-dave') });
  assert.deepEqual(other.body.items, []);
  const staff = await h.api.get(`/payments/invoices?orderId=${body.orderId}`, { headers: STAFF });
  assert.equal(staff.body.items.length, 1);
  assert.equal((await h.api.get(`/payments/invoices/${invoiceId}`, { headers: customer('user-dave') })).status, 403);
  assert.equal((await h.api.get(`/payments/invoices/${invoiceId}`, { headers: customer('user-carol') })).status, 200);
  assert.equal((await h.api.get('/payments/invoices', { headers: STAFF })).status, 400);
});

test('sandbox webhook: signed event captures once; redelivery changes nothing; tampered is 400', async () => {
  const { paymentId } = await authorized();
  const providerRef = (await h.api.get(`/payments/${paymentId}`, { headers: STAFF })).body.providerRef;
  const signer = new SandboxProvider({ webhookSecret: WEBHOOK_SECRET });
  const rawBody = JSON.stringify({ id: `evt_${randomUUID()}`, type: 'payment.captured', providerRef, status: 'captured' });
  const post = (raw: string, headers: Record<string, string>) =>
    fetch(`${h.platform.url('payments')}/payments/webhooks/sandbox`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });

  const tampered = await post(rawBody.replace('captured"}', 'voided"}'), signer.signWebhook(rawBody));
  assert.equal(tampered.status, 400);
  assert.equal((await h.api.get(`/payments/${paymentId}`, { headers: STAFF })).body.status, 'authorized');

  const first = await post(rawBody, signer.signWebhook(rawBody));
  assert.equal(first.status, 200);
  assert.equal((await first.json()).applied, true);
  const payment = (await h.api.get(`/payments/${paymentId}`, { headers: STAFF })).body;
  assert.equal(payment.status, 'captured');
  assert.ok(payment.invoiceId);
  const again = await post(rawBody, signer.signWebhook(rawBody));
  assert.equal((await again.json()).applied, false);
  assert.equal(await h.count('invoices', `payment_id = '${paymentId}'`), 1);

  assert.equal((await fetch(`${h.platform.url('payments')}/payments/webhooks/paypal`, { method: 'POST', body: '{}' })).status, 404);
});

test('no card number is stored anywhere in the database', async () => {
  const dump = await h.dumpDatabase();
  assert.match(dump, /"card_last4":"4242"/, 'the dump holds the payments');
  for (const number of Object.values(CARDS)) {
    assert.ok(!dump.includes(number), `card ${number} found in the database`);
    assert.ok(!dump.includes(number.match(/.{4}/g)!.join(' ')), `spaced card ${number} found in the database`);
  }
  assert.doesNotMatch(dump, /"cvc"/);
});

test('health, readiness and the OpenAPI document list the payment routes', async () => {
  assert.equal((await h.api.get('/ready')).status, 200);
  const openapi = await h.api.get('/openapi.json');
  assert.equal(openapi.status, 200);
  for (const path of ['/internal/payments/authorize', '/payments/{paymentId}', '/payments/webhooks/{provider}']) {
    assert.ok(openapi.body.paths[path], `${path} in the OpenAPI document`);
  }
});
