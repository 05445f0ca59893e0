import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { postWebhook, startJsonServer, type FakeReply, type RecordedRequest, type WebhookDelivery } from './http-helpers.ts';

/**
 * A local stand-in for the Stripe API, speaking enough of it for the Stripe SDK: form-encoded
 * requests, PaymentIntents with manual capture, cancel, refunds, card errors as 402, and
 * Idempotency-Key replays. Outcomes are decided by Stripe's test payment-method tokens.
 */

type Decline = { code: string; decline_code: string; message: string };

export const STRIPE_TEST_TOKENS = {
  visa: 'pm_card_visa',
  mastercard: 'pm_card_mastercard',
  declined: 'pm_card_chargeDeclined',
  insufficientFunds: 'pm_card_chargeDeclinedInsufficientFunds',
  expired: 'pm_card_chargeDeclinedExpiredCard',
  processingError: 'pm_card_chargeDeclinedProcessingError',
  incorrectCvc: 'pm_card_chargeDeclinedIncorrectCvc',
} as const;

const APPROVED_TOKENS = new Set<string>(['pm_card_visa', 'pm_card_mastercard', 'pm_card_amex', 'tok_visa', 'tok_mastercard']);
const DECLINES: Record<string, Decline> = {
  pm_card_chargeDeclined: { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
  pm_card_chargeDeclinedInsufficientFunds: { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  pm_card_chargeDeclinedExpiredCard: { code: 'expired_card', decline_code: 'expired_card', message: 'Your card has expired.' },
  pm_card_chargeDeclinedProcessingError: { code: 'processing_error', decline_code: 'processing_error', message: 'An error occurred while processing your card. Try again in a little bit.' },
  pm_card_chargeDeclinedIncorrectCvc: { code: 'incorrect_cvc', decline_code: 'incorrect_cvc', message: "Your card's security code is incorrect." },
};

interface PaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  capture_method: string;
  status: 'requires_payment_method' | 'requires_capture' | 'succeeded' | 'canceled';
  payment_method: string | null;
  metadata: Record<string, unknown>;
  last_payment_error: Record<string, unknown> | null;
  cancellation_reason: string | null;
  created: number;
  livemode: false;
}

export interface FakeStripeStats {
  requests: number;
  /** PaymentIntents created (each one is an attempt to charge a card). */
  paymentIntents: number;
  /** Successful authorizations: cards actually charged (held). */
  charges: number;
  captures: number;
  cancels: number;
  refunds: number;
}

export interface FakeStripe {
  url: string;
  port: number;
  webhookSecret: string;
  stats: FakeStripeStats;
  requests: RecordedRequest[];
  close(): Promise<void>;
  /** Delays every reply, to exercise client timeouts. */
  setDelay(ms: number): void;
  /** Answers every request with this 5xx status until cleared with null. */
  setFailure(status: number | null): void;
  paymentIntent(id: string): PaymentIntent | undefined;
  /** Builds a Stripe event with a valid `Stripe-Signature` header, without sending it. */
  signWebhook(event: StripeFakeEvent, timestampSeconds?: number): { rawBody: string; headers: Record<string, string> };
  sendWebhook(targetUrl: string, event: StripeFakeEvent): Promise<WebhookDelivery>;
}

export interface StripeFakeEvent {
  id?: string;
  type: string;
  data: { object: Record<string, unknown> };
}

function stripeError(status: number, error: Record<string, unknown>): FakeReply {
  return { status, body: { error } };
}

function invalidRequest(message: string, code?: string, param?: string): FakeReply {
  return stripeError(400, { type: 'invalid_request_error', message, ...(code && { code }), ...(param && { param }) });
}

/** Parses Stripe's form encoding (`metadata[order]=1`, `list[0]=a`) into nested objects. */
export function parseForm(body: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/[[\]]+/).filter(Boolean);
    let node = result;
    path.forEach((segment, index) => {
      if (index === path.length - 1) node[segment] = value;
      else node = (node[segment] ??= {}) as Record<string, unknown>;
    });
  }
  return result;
}

function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
  const intents = new Map<string, PaymentIntent>();
  const refunded = new Map<string, number>();
  const replays = new Map<string, { fingerprint: string; reply: FakeReply }>();
  const stats: FakeStripeStats = { requests: 0, paymentIntents: 0, charges: 0, captures: 0, cancels: 0, refunds: 0 };
  const requests: RecordedRequest[] = [];
  let delay = 0;
  let failure: number | null = null;
  // Only used for its webhook signing helper; it never makes a request.
  const signer = new Stripe('sk_test_fake_signer');

  function createIntent(params: Record<string, unknown>): FakeReply {
    const amount = Number(params.amount);
    if (!Number.isInteger(amount) || amount < 1) return invalidRequest('Invalid integer: amount', 'parameter_invalid_integer', 'amount');
    if (typeof params.currency !== 'string' || !/^[a-z]{3}$/.test(params.currency)) return invalidRequest('Invalid currency', 'parameter_invalid_string', 'currency');
    const method = typeof params.payment_method === 'string' ? params.payment_method : null;
    if (method && !APPROVED_TOKENS.has(method) && !DECLINES[method]) {
      return invalidRequest(`No such PaymentMethod: '${method}'`, 'resource_missing', 'payment_method');
    }
    stats.paymentIntents++;
    const intent: PaymentIntent = {
      id: newId('pi'), object: 'payment_intent', amount, amount_capturable: 0, amount_received: 0,
      currency: params.currency, capture_method: String(params.capture_method ?? 'automatic'), status: 'requires_payment_method',
      payment_method: method, metadata: (params.metadata as Record<string, unknown>) ?? {}, last_payment_error: null,
      cancellation_reason: null, created: Math.floor(Date.now() / 1000), livemode: false,
    };
    intents.set(intent.id, intent);
    if (params.confirm !== 'true' || !method) return { status: 200, body: intent };
    const decline = DECLINES[method];
    if (decline) {
      const error = { type: 'card_error', ...decline, doc_url: `https://stripe.com/docs/error-codes/${decline.code}` };
      intent.last_payment_error = error;
      return stripeError(402, { ...error, payment_intent: { ...intent } });
    }
    stats.charges++;
    if (intent.capture_method === 'manual') {
      intent.status = 'requires_capture';
      intent.amount_capturable = amount;
    } else {
      intent.status = 'succeeded';
      intent.amount_received = amount;
    }
    return { status: 200, body: intent };
  }

  function unexpectedState(intent: PaymentIntent, action: string): FakeReply {
    return invalidRequest(`This PaymentIntent could not be ${action} because it has a status of ${intent.status}.`, 'payment_intent_unexpected_state');
  }

  function capture(intent: PaymentIntent, params: Record<string, unknown>): FakeReply {
    if (intent.status !== 'requires_capture') return unexpectedState(intent, 'captured');
    const amount = params.amount_to_capture === undefined ? intent.amount_capturable : Number(params.amount_to_capture);
    if (!Number.isInteger(amount) || amount < 1) return invalidRequest('Invalid integer: amount_to_capture', 'parameter_invalid_integer', 'amount_to_capture');
    if (amount > intent.amount_capturable) return invalidRequest(`Amount to capture (${amount}) is greater than the capturable amount (${intent.amount_capturable}).`, 'amount_too_large', 'amount_to_capture');
    stats.captures++;
    Object.assign(intent, { status: 'succeeded', amount_received: amount, amount_capturable: 0 });
    return { status: 200, body: intent };
  }

  function cancel(intent: PaymentIntent): FakeReply {
    if (intent.status === 'succeeded' || intent.status === 'canceled') return unexpectedState(intent, 'canceled');
    stats.cancels++;
    Object.assign(intent, { status: 'canceled', amount_capturable: 0, cancellation_reason: 'requested_by_customer' });
    return { status: 200, body: intent };
  }

  function refund(params: Record<string, unknown>): FakeReply {
    const intent = typeof params.payment_intent === 'string' ? intents.get(params.payment_intent) : undefined;
    if (!intent) return invalidRequest(`No such payment_intent: '${String(params.payment_intent)}'`, 'resource_missing', 'payment_intent');
    if (intent.status !== 'succeeded') return invalidRequest('This PaymentIntent does not have a successful charge to refund.', 'charge_not_refundable');
    const left = intent.amount_received - (refunded.get(intent.id) ?? 0);
    if (left === 0) return invalidRequest(`Charge for ${intent.id} has already been refunded.`, 'charge_already_refunded');
    const amount = params.amount === undefined ? left : Number(params.amount);
    if (!Number.isInteger(amount) || amount < 1) return invalidRequest('Invalid integer: amount', 'parameter_invalid_integer', 'amount');
    if (amount > left) return invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, 'amount_too_large', 'amount');
    stats.refunds++;
    refunded.set(intent.id, (refunded.get(intent.id) ?? 0) + amount);
    const created = { id: newId('re'), object: 'refund', amount, currency: intent.currency, payment_intent: intent.id, status: 'succeeded', created: Math.floor(Date.now() / 1000) };
    return { status: 200, body: created };
  }

  function route(request: RecordedRequest, params: Record<string, unknown>): FakeReply {
    const { method, path } = request;
    if (method === 'POST' && path === '/v1/payment_intents') return createIntent(params);
    if (method === 'POST' && path === '/v1/refunds') return refund(params);
    const match = /^\/v1\/payment_intents\/([^/]+)(?:\/(capture|cancel))?$/.exec(path);
    if (match) {
      const intent = intents.get(decodeURIComponent(match[1]!));
      if (!intent) return stripeError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such payment_intent: '${match[1]}'` });
      if (method === 'GET' && !match[2]) return { status: 200, body: intent };
      if (method === 'POST' && match[2] === 'capture') return capture(intent, params);
      if (method === 'POST' && match[2] === 'cancel') return cancel(intent);
    }
    return stripeError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` });
  }

  function handle(request: RecordedRequest): FakeReply {
    stats.requests++;
    requests.push(request);
    if (failure !== null) return stripeError(failure, { type: 'api_error', message: 'Fake Stripe is failing on purpose.' });
    if (!/^Bearer sk_(test|live)_/.test(request.headers.authorization ?? '')) {
      return stripeError(401, { type: 'invalid_request_error', message: 'Invalid API Key provided.' });
    }
    const key = request.headers['idempotency-key'];
    const fingerprint = `${request.method} ${request.path} ${request.body}`;
    if (key && request.method === 'POST') {
      const previous = replays.get(key);
      if (previous && previous.fingerprint !== fingerprint) {
        return stripeError(400, { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.' });
      }
      if (previous) return { ...previous.reply, headers: { 'idempotent-replayed': 'true', 'idempotency-key': key } };
    }
    const reply = route(request, parseForm(request.body));
    // Like Stripe: results are saved once the request ran (success or card error), not for validation errors.
    const snapshot: FakeReply = { status: reply.status, body: structuredClone(reply.body) };
    if (key && request.method === 'POST' && (reply.status < 400 || reply.status === 402)) replays.set(key, { fingerprint, reply: snapshot });
    return key ? { ...snapshot, headers: { 'idempotency-key': key } } : snapshot;
  }

  const server = await startJsonServer(handle, () => delay);

  function signWebhook(event: StripeFakeEvent, timestampSeconds = Math.floor(Date.now() / 1000)) {
    const rawBody = JSON.stringify({
      id: event.id ?? newId('evt'), object: 'event', api_version: '2025-01-01', created: timestampSeconds, livemode: false,
      pending_webhooks: 1, request: { id: null, idempotency_key: null }, type: event.type, data: event.data,
    }, null, 2);
    const signature = signer.webhooks.generateTestHeaderString({ payload: rawBody, secret: webhookSecret, timestamp: timestampSeconds });
    return { rawBody, headers: { 'stripe-signature': signature } };
  }

  return {
    url: server.url,
    port: server.port,
    webhookSecret,
    stats,
    requests,
    close: server.close,
    setDelay: (ms) => { delay = ms; },
    setFailure: (status) => { failure = status; },
    paymentIntent: (id) => intents.get(id),
    signWebhook,
    sendWebhook: (targetUrl, event) => {
      const { rawBody, headers } = signWebhook(event);
      return postWebhook(targetUrl, rawBody, headers);
    },
  };
}
