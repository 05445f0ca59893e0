import {
  failure, invalidMoney,
  type AuthorizeInput, type CaptureInput, type PaymentProvider, type ProviderOutcome, type RefundInput, type VoidInput, type WebhookEvent,
} from './provider.ts';
import { minorToDecimal } from './currency.ts';
import { outcomeFromPayment, type MercadoPagoPayment } from './mercadopago-status.ts';
import { hmacSha256Hex, headerValue, parseSignatureHeader, signaturesMatch } from './webhook-signature.ts';

export interface MercadoPagoConfig {
  accessToken: string;
  /** The "secret signature" of the webhook configured in MercadoPago's panel. */
  webhookSecret: string;
  baseUrl?: string;
  timeoutMs?: number;
  /** Card brand sent as payment_method_id when the checkout does not pass `metadata.paymentMethodId`. */
  defaultPaymentMethodId?: string;
}

type Reply = { kind: 'reply'; status: number; body: unknown } | { kind: 'unavailable'; message: string };

/** Remembered currencies, bounded so a long-running service does not grow without end. */
const CURRENCY_CACHE_LIMIT = 10_000;

/**
 * MercadoPago adapter over its REST API. MercadoPago takes decimal major units, so amounts are
 * converted from minor units by the currency's exponent. Checkout metadata it understands:
 * `paymentMethodId` (card brand from MercadoPago.js), `payerEmail`, `description`, `orderId`
 * (sent as external_reference); the rest goes through as MercadoPago metadata.
 */
export class MercadoPagoProvider implements PaymentProvider {
  readonly name = 'mercadopago' as const;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  /** Capture needs the currency to convert the amount; the interface does not carry it. */
  private readonly currencies = new Map<string, string>();

  constructor(private readonly config: MercadoPagoConfig) {
    this.baseUrl = (config.baseUrl ?? 'https://api.mercadopago.com').replace(/\/+$/, '');
    this.timeoutMs = config.timeoutMs ?? 15_000;
  }

  async authorize(input: AuthorizeInput): Promise<ProviderOutcome> {
    const invalid = invalidMoney(input.amount, input.currency);
    if (invalid) return failure('processing_error', invalid);
    if (!input.method.token) return failure('processing_error', 'MercadoPago needs a card token from MercadoPago.js; card numbers are not accepted.');
    const { paymentMethodId, payerEmail, description, orderId, ...rest } = input.metadata ?? {};
    const methodId = paymentMethodId ?? this.config.defaultPaymentMethodId;
    const reply = await this.request('POST', '/v1/payments', scopedKey('authorize', input.idempotencyKey), {
      transaction_amount: minorToDecimal(input.amount, input.currency),
      token: input.method.token,
      installments: 1,
      ...(methodId && { payment_method_id: methodId }),
      capture: false,
      description: description ?? 'Emporium order',
      external_reference: orderId ?? input.idempotencyKey,
      ...(payerEmail && { payer: { email: payerEmail } }),
      ...(Object.keys(rest).length > 0 && { metadata: rest }),
    });
    const outcome = paymentOutcome(reply, 'authorized');
    if (outcome.ok) this.rememberCurrency(outcome.providerRef, input.currency);
    return outcome;
  }

  async capture(input: CaptureInput): Promise<ProviderOutcome> {
    const invalid = invalidMoney(input.amount);
    if (invalid) return failure('processing_error', invalid);
    const currency = await this.currencyOf(input.providerRef);
    if (typeof currency !== 'string') return currency;
    const reply = await this.request('PUT', paymentPath(input.providerRef), scopedKey('capture', input.idempotencyKey), {
      capture: true,
      transaction_amount: minorToDecimal(input.amount, currency),
    });
    return paymentOutcome(reply, 'captured');
  }

  async void(input: VoidInput): Promise<ProviderOutcome> {
    const reply = await this.request('PUT', paymentPath(input.providerRef), scopedKey('void', input.idempotencyKey), { status: 'cancelled' });
    return paymentOutcome(reply, 'voided');
  }

  async refund(input: RefundInput): Promise<ProviderOutcome> {
    const invalid = invalidMoney(input.amount);
    if (invalid) return failure('processing_error', invalid);
    const currency = await this.currencyOf(input.providerRef);
    if (typeof currency !== 'string') return currency;
    const reply = await this.request('POST', `${paymentPath(input.providerRef)}/refunds`, scopedKey('refund', input.idempotencyKey), {
      amount: minorToDecimal(input.amount, currency),
    });
    if (reply.kind === 'unavailable') return failure('provider_unavailable', reply.message);
    if (reply.status >= 400) return failure('processing_error', errorMessage(reply), input.providerRef);
    const refund = reply.body as { id?: number | string; status?: string };
    if (refund.id === undefined) return failure('processing_error', 'MercadoPago returned a refund without an id.', input.providerRef);
    if (refund.status !== undefined && refund.status !== 'approved') {
      return failure('processing_error', `MercadoPago refund ${refund.status}.`, String(refund.id));
    }
    return { ok: true, providerRef: String(refund.id), status: 'refunded' };
  }

  /**
   * MercadoPago signs `id:<data.id>;request-id:<x-request-id>;ts:<ts>;` — not the whole body.
   * So only data.id is trusted; the service re-reads the payment for its state.
   */
  verifyWebhook(rawBody: string, headers: Record<string, string | undefined>): WebhookEvent | null {
    const signature = headerValue(headers, 'x-signature');
    const requestId = headerValue(headers, 'x-request-id');
    if (!signature || !requestId) return null;
    const parts = parseSignatureHeader(signature);
    const ts = parts.get('ts')?.[0];
    const received = parts.get('v1')?.[0];
    if (!ts || !received) return null;
    let body: { id?: unknown; type?: unknown; action?: unknown; data?: { id?: unknown } };
    try {
      body = JSON.parse(rawBody);
    } catch {
      return null;
    }
    const rawDataId = body?.data?.id;
    if (typeof rawDataId !== 'string' && typeof rawDataId !== 'number') return null;
    // MercadoPago's docs: alphanumeric ids are signed in lower case.
    const dataId = String(rawDataId).toLowerCase();
    const expected = hmacSha256Hex(this.config.webhookSecret, `id:${dataId};request-id:${requestId};ts:${ts};`);
    if (!signaturesMatch(expected, received)) return null;
    const type = typeof body.action === 'string' ? body.action : typeof body.type === 'string' ? body.type : 'unknown';
    const id = typeof body.id === 'string' || typeof body.id === 'number' ? String(body.id) : requestId;
    return { id, type, providerRef: String(rawDataId) };
  }

  private rememberCurrency(providerRef: string, currency: string): void {
    if (this.currencies.size >= CURRENCY_CACHE_LIMIT) {
      const oldest = this.currencies.keys().next().value;
      if (oldest !== undefined) this.currencies.delete(oldest);
    }
    this.currencies.set(providerRef, currency);
  }

  /** The payment's currency: remembered from authorize, or asked of MercadoPago (after a restart). */
  private async currencyOf(providerRef: string): Promise<string | ProviderOutcome> {
    const known = this.currencies.get(providerRef);
    if (known) return known;
    const reply = await this.request('GET', paymentPath(providerRef));
    if (reply.kind === 'unavailable') return failure('provider_unavailable', reply.message);
    if (reply.status >= 400) return failure('processing_error', errorMessage(reply), providerRef);
    const currency = (reply.body as MercadoPagoPayment).currency_id;
    if (!currency) return failure('processing_error', 'MercadoPago did not say the payment currency.', providerRef);
    this.rememberCurrency(providerRef, currency);
    return currency;
  }

  private async request(method: string, path: string, idempotencyKey?: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.config.accessToken}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['X-Idempotency-Key'] = idempotencyKey;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return { kind: 'unavailable', message: timedOut ? `MercadoPago did not answer within ${this.timeoutMs} ms.` : 'Could not reach MercadoPago.' };
    }
    let parsed: unknown = null;
    try {
      const text = await response.text();
      parsed = text ? JSON.parse(text) : null;
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') return { kind: 'unavailable', message: `MercadoPago did not answer within ${this.timeoutMs} ms.` };
      // A body that is not JSON: the status code still tells what happened.
    }
    // Rate limits and server errors are transient: a retry with the same key is safe.
    if (response.status >= 500 || response.status === 429) {
      return { kind: 'unavailable', message: `MercadoPago answered ${response.status}.` };
    }
    return { kind: 'reply', status: response.status, body: parsed };
  }
}

/** Keys are scoped per operation so one key reused for authorize and capture cannot collide. */
function scopedKey(operation: string, idempotencyKey: string): string {
  return `${operation}:${idempotencyKey}`;
}

function paymentPath(providerRef: string): string {
  return `/v1/payments/${encodeURIComponent(providerRef)}`;
}

function paymentOutcome(reply: Reply, expected: 'authorized' | 'captured' | 'voided'): ProviderOutcome {
  if (reply.kind === 'unavailable') return failure('provider_unavailable', reply.message);
  if (reply.status >= 400) return failure('processing_error', errorMessage(reply));
  const payment = reply.body as MercadoPagoPayment | null;
  if (!payment || payment.id === undefined || typeof payment.status !== 'string') {
    return failure('processing_error', 'MercadoPago returned an unexpected response.');
  }
  return outcomeFromPayment(payment, expected);
}

function errorMessage(reply: { status: number; body: unknown }): string {
  const message = (reply.body as { message?: unknown } | null)?.message;
  return `MercadoPago refused the request (${reply.status})${typeof message === 'string' ? `: ${message}` : '.'}`;
}
