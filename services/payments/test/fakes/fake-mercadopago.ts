import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { postWebhook, startJsonServer, type FakeReply, type RecordedRequest, type WebhookDelivery } from './http-helpers.ts';

/**
 * A local stand-in for MercadoPago's payments API: JSON bodies, decimal amounts, numeric ids,
 * `status` / `status_detail`, X-Idempotency-Key replays, and signed webhooks. The card token
 * decides the outcome, like the cardholder names on MercadoPago's test cards (APRO, FUND, ...).
 */

export const MERCADOPAGO_TEST_TOKENS = {
  approved: 'mp_test_APRO',
  declined: 'mp_test_OTHE',
  insufficientFunds: 'mp_test_FUND',
  badSecurityCode: 'mp_test_SECU',
  badExpiryDate: 'mp_test_EXPI',
  callForAuthorize: 'mp_test_CALL',
  pendingReview: 'mp_test_CONT',
} as const;

const OUTCOMES: Record<string, { status: string; status_detail: string }> = {
  APRO: { status: 'authorized', status_detail: 'pending_capture' },
  OTHE: { status: 'rejected', status_detail: 'cc_rejected_other_reason' },
  FUND: { status: 'rejected', status_detail: 'cc_rejected_insufficient_amount' },
  SECU: { status: 'rejected', status_detail: 'cc_rejected_bad_filled_security_code' },
  EXPI: { status: 'rejected', status_detail: 'cc_rejected_bad_filled_date' },
  CALL: { status: 'rejected', status_detail: 'cc_rejected_call_for_authorize' },
  CONT: { status: 'in_process', status_detail: 'pending_contingency' },
};

interface Payment {
  id: number;
  status: string;
  status_detail: string;
  transaction_amount: number;
  transaction_amount_refunded: number;
  currency_id: string;
  captured: boolean;
  payment_method_id: string | null;
  installments: number;
  description: string | null;
  external_reference: string | null;
  metadata: Record<string, unknown>;
  date_created: string;
}

export interface FakeMercadoPagoStats {
  requests: number;
  /** Payments created (each one an attempt to charge a card). */
  payments: number;
  /** Successful authorizations: cards actually charged (held). */
  charges: number;
  captures: number;
  cancels: number;
  refunds: number;
}

export interface MercadoPagoFakeEvent {
  action: string;
  type?: string;
  data: { id: string | number };
}

export interface FakeMercadoPago {
  url: string;
  port: number;
  webhookSecret: string;
  accessToken: string;
  stats: FakeMercadoPagoStats;
  requests: RecordedRequest[];
  close(): Promise<void>;
  setDelay(ms: number): void;
  setFailure(status: number | null): void;
  payment(id: string | number): Payment | undefined;
  signWebhook(event: MercadoPagoFakeEvent, timestampSeconds?: number): { rawBody: string; headers: Record<string, string> };
  sendWebhook(targetUrl: string, event: MercadoPagoFakeEvent): Promise<WebhookDelivery>;
}

function badRequest(message: string, code = 'bad_request'): FakeReply {
  return { status: 400, body: { message, error: 'bad_request', status: 400, cause: [{ code, description: message }] } };
}

/** Amounts kept in thousandths so decimal arithmetic in the fake stays exact. */
function milli(value: number): number {
  return Math.round(value * 1000);
}

export async function startFakeMercadoPago(options: { currency?: string } = {}): Promise<FakeMercadoPago> {
  const currency = options.currency ?? 'BRL';
  const accessToken = `TEST-${randomBytes(16).toString('hex')}`;
  const webhookSecret = randomBytes(24).toString('hex');
  const payments = new Map<number, Payment>();
  const replays = new Map<string, FakeReply>();
  const stats: FakeMercadoPagoStats = { requests: 0, payments: 0, charges: 0, captures: 0, cancels: 0, refunds: 0 };
  const requests: RecordedRequest[] = [];
  let nextPaymentId = 1_310_000_001;
  let nextRefundId = 2_440_000_001;
  let nextNotificationId = 9_870_000_001;
  let delay = 0;
  let failure: number | null = null;

  function create(body: Record<string, unknown>): FakeReply {
    const amount = body.transaction_amount;
    if (typeof amount !== 'number' || !(amount > 0)) return badRequest('transaction_amount attribute can\'t be null', '4020');
    if (typeof body.token !== 'string') return badRequest('Invalid card token', '2006');
    const outcome = OUTCOMES[body.token.split('_').pop() ?? ''];
    if (!outcome) return badRequest('Card Token not found', '2006');
    stats.payments++;
    const payment: Payment = {
      id: nextPaymentId++, ...outcome, transaction_amount: amount, transaction_amount_refunded: 0, currency_id: currency, captured: false,
      payment_method_id: typeof body.payment_method_id === 'string' ? body.payment_method_id : null,
      installments: Number(body.installments ?? 1), description: typeof body.description === 'string' ? body.description : null,
      external_reference: typeof body.external_reference === 'string' ? body.external_reference : null,
      metadata: (body.metadata as Record<string, unknown>) ?? {}, date_created: new Date().toISOString(),
    };
    if (payment.status === 'authorized') {
      stats.charges++;
      // capture:true (the default) takes the money at once.
      if (body.capture !== false) Object.assign(payment, { status: 'approved', status_detail: 'accredited', captured: true });
    }
    payments.set(payment.id, payment);
    return { status: 201, body: payment };
  }

  function update(payment: Payment, body: Record<string, unknown>): FakeReply {
    if (body.capture === true) {
      if (payment.status !== 'authorized') return badRequest(`Cannot capture a payment with status ${payment.status}`, '2023');
      const amount = body.transaction_amount === undefined ? payment.transaction_amount : body.transaction_amount;
      if (typeof amount !== 'number' || !(amount > 0) || milli(amount) > milli(payment.transaction_amount)) {
        return badRequest('transaction_amount must not exceed the authorized amount', '2081');
      }
      stats.captures++;
      Object.assign(payment, { status: 'approved', status_detail: 'accredited', captured: true, transaction_amount: amount });
      return { status: 200, body: payment };
    }
    if (body.status === 'cancelled') {
      if (!['authorized', 'pending', 'in_process'].includes(payment.status)) return badRequest(`Cannot cancel a payment with status ${payment.status}`, '2023');
      stats.cancels++;
      Object.assign(payment, { status: 'cancelled', status_detail: 'by_collector' });
      return { status: 200, body: payment };
    }
    return badRequest('Nothing to update');
  }

  function refund(payment: Payment, body: Record<string, unknown>): FakeReply {
    if (payment.status !== 'approved') return badRequest(`Payment with status ${payment.status} cannot be refunded`, '2063');
    const left = milli(payment.transaction_amount) - milli(payment.transaction_amount_refunded);
    const amount = body.amount === undefined ? left / 1000 : body.amount;
    if (typeof amount !== 'number' || !(amount > 0)) return badRequest('Invalid refund amount', '2051');
    if (milli(amount) > left) return badRequest('The refund amount exceeds the amount that can be refunded', '2051');
    stats.refunds++;
    payment.transaction_amount_refunded = (milli(payment.transaction_amount_refunded) + milli(amount)) / 1000;
    if (milli(payment.transaction_amount_refunded) === milli(payment.transaction_amount)) Object.assign(payment, { status: 'refunded', status_detail: 'refunded' });
    else payment.status_detail = 'partially_refunded';
    return { status: 201, body: { id: nextRefundId++, payment_id: payment.id, amount, status: 'approved', source: { type: 'collector' }, date_created: new Date().toISOString() } };
  }

  function route(request: RecordedRequest, body: Record<string, unknown>): FakeReply {
    const { method, path } = request;
    if (method === 'POST' && path === '/v1/payments') return create(body);
    const match = /^\/v1\/payments\/([^/]+)(\/refunds)?$/.exec(path);
    if (match) {
      const payment = payments.get(Number(match[1]));
      if (!payment) return { status: 404, body: { message: 'Payment not found', error: 'not_found', status: 404, cause: [] } };
      if (method === 'GET' && !match[2]) return { status: 200, body: payment };
      if (method === 'PUT' && !match[2]) return update(payment, body);
      if (method === 'POST' && match[2]) return refund(payment, body);
    }
    return { status: 404, body: { message: 'resource not found', error: 'not_found', status: 404, cause: [] } };
  }

  function handle(request: RecordedRequest): FakeReply {
    stats.requests++;
    requests.push(request);
    if (failure !== null) return { status: failure, body: { message: 'internal_error', error: 'internal_error', status: failure, cause: [] } };
    if (request.headers.authorization !== `Bearer ${accessToken}`) {
      return { status: 401, body: { message: 'invalid access token', error: 'unauthorized', status: 401, cause: [] } };
    }
    const key = request.headers['x-idempotency-key'];
    const previous = key ? replays.get(key) : undefined;
    if (previous) return previous;
    let body: Record<string, unknown> = {};
    if (request.body) {
      try {
        body = JSON.parse(request.body) as Record<string, unknown>;
      } catch {
        return badRequest('Invalid JSON body');
      }
    }
    const reply = route(request, body);
    const snapshot: FakeReply = { status: reply.status, body: structuredClone(reply.body) };
    if (key && request.method !== 'GET' && reply.status < 500) replays.set(key, snapshot);
    return snapshot;
  }

  const server = await startJsonServer(handle, () => delay);

  function signWebhook(event: MercadoPagoFakeEvent, timestampSeconds = Math.floor(Date.now() / 1000)) {
    const dataId = String(event.data.id);
    const rawBody = JSON.stringify({
      id: nextNotificationId++, live_mode: false, type: event.type ?? 'payment', date_created: new Date().toISOString(),
      user_id: 123456789, api_version: 'v1', action: event.action, data: { id: dataId },
    });
    const requestId = randomUUID();
    const manifest = `id:${dataId.toLowerCase()};request-id:${requestId};ts:${timestampSeconds};`;
    const v1 = createHmac('sha256', webhookSecret).update(manifest).digest('hex');
    return { rawBody, headers: { 'x-signature': `ts=${timestampSeconds},v1=${v1}`, 'x-request-id': requestId } };
  }

  return {
    url: server.url,
    port: server.port,
    webhookSecret,
    accessToken,
    stats,
    requests,
    close: server.close,
    setDelay: (ms) => { delay = ms; },
    setFailure: (status) => { failure = status; },
    payment: (id) => payments.get(Number(id)),
    signWebhook,
    sendWebhook: (targetUrl, event) => {
      const { rawBody, headers } = signWebhook(event);
      const url = new URL(targetUrl);
      // MercadoPago also puts the notified resource in the query string.
      url.searchParams.set('data.id', String(event.data.id));
      url.searchParams.set('type', event.type ?? 'payment');
      return postWebhook(url.toString(), rawBody, headers);
    },
  };
}
