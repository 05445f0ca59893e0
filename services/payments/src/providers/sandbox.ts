import { systemClock, type Clock } from '@emporium/kit';
import { randomBytes } from 'node:crypto';
import {
  failure, invalidMoney, last4,
  type AuthorizeInput, type CaptureInput, type PaymentProvider, type ProviderOutcome, type RefundInput, type VoidInput, type WebhookEvent,
} from './provider.ts';
import { judgeCard } from './sandbox-cards.ts';
import { hmacSha256Hex, headerValue, parseSignatureHeader, signaturesMatch } from './webhook-signature.ts';

export interface SandboxConfig {
  /** Secret for webhook signatures; a random one per instance when not given. */
  webhookSecret?: string;
  /** Seconds a webhook timestamp may be off, against replays. */
  webhookToleranceSeconds?: number;
  /** Where the date comes from (card expiry, webhook timestamps): the system clock unless a test sets one. */
  clock?: Clock;
}

/** What the sandbox remembers about an authorization. Only the last four digits of the card. */
export interface SandboxPayment {
  providerRef: string;
  amount: number;
  currency: string;
  status: 'authorized' | 'captured' | 'voided' | 'refunded';
  captured: number;
  refunded: number;
  cardLast4?: string;
}

export const SANDBOX_SIGNATURE_HEADER = 'x-sandbox-signature';

type Operation = 'authorize' | 'capture' | 'void' | 'refund';

/**
 * The built-in provider: no network, outcomes decided by test card numbers, state kept in
 * memory. Behaves like a real provider where it matters to callers: state checks,
 * idempotent replays, signed webhooks.
 */
export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox' as const;
  private readonly payments = new Map<string, SandboxPayment>();
  private readonly replies = new Map<string, { fingerprint: string; outcome: ProviderOutcome }>();
  private readonly webhookSecret: string;
  private readonly toleranceSeconds: number;
  private readonly clock: Clock;
  private down = false;

  constructor(config: SandboxConfig = {}) {
    this.webhookSecret = config.webhookSecret ?? randomBytes(32).toString('hex');
    this.toleranceSeconds = config.webhookToleranceSeconds ?? 300;
    this.clock = config.clock ?? systemClock;
  }

  /** Makes every call fail with provider_unavailable, to exercise callers' compensation paths. */
  simulateOutage(down: boolean): void {
    this.down = down;
  }

  /** A copy of what the sandbox holds for a payment (for tests and the admin view). */
  payment(providerRef: string): SandboxPayment | undefined {
    const found = this.payments.get(providerRef);
    return found && { ...found };
  }

  async authorize(input: AuthorizeInput): Promise<ProviderOutcome> {
    // The replay fingerprint keeps only the last digits of a card, never the number itself.
    const cardTail = input.method.cardNumber?.replace(/\D/g, '').slice(-4) ?? null;
    const fingerprint = JSON.stringify([input.amount, input.currency, input.method.token ?? null, cardTail]);
    return this.once('authorize', input.idempotencyKey, fingerprint, () => {
      const invalid = invalidMoney(input.amount, input.currency);
      if (invalid) return failure('processing_error', invalid);
      const verdict = judgeCard(input.method, this.clock.now());
      if (!verdict.ok) return failure(verdict.code, verdict.message);
      const providerRef = newRef('sbx_pay');
      const payment: SandboxPayment = { providerRef, amount: input.amount, currency: input.currency, status: 'authorized', captured: 0, refunded: 0 };
      if (input.method.cardNumber) payment.cardLast4 = last4(input.method.cardNumber);
      this.payments.set(providerRef, payment);
      return { ok: true, providerRef, status: 'authorized' };
    });
  }

  async capture(input: CaptureInput): Promise<ProviderOutcome> {
    return this.once('capture', input.idempotencyKey, JSON.stringify([input.providerRef, input.amount]), () => {
      const invalid = invalidMoney(input.amount);
      if (invalid) return failure('processing_error', invalid);
      const payment = this.payments.get(input.providerRef);
      if (!payment) return failure('processing_error', `No such payment: ${input.providerRef}`);
      if (payment.status !== 'authorized') return failure('processing_error', `Cannot capture a payment that is ${payment.status}.`, payment.providerRef);
      if (input.amount > payment.amount) return failure('processing_error', `Cannot capture ${input.amount}: only ${payment.amount} was authorized.`, payment.providerRef);
      payment.status = 'captured';
      payment.captured = input.amount;
      return { ok: true, providerRef: payment.providerRef, status: 'captured' };
    });
  }

  async void(input: VoidInput): Promise<ProviderOutcome> {
    return this.once('void', input.idempotencyKey, input.providerRef, () => {
      const payment = this.payments.get(input.providerRef);
      if (!payment) return failure('processing_error', `No such payment: ${input.providerRef}`);
      if (payment.status !== 'authorized') return failure('processing_error', `Cannot void a payment that is ${payment.status}; refund it instead.`, payment.providerRef);
      payment.status = 'voided';
      return { ok: true, providerRef: payment.providerRef, status: 'voided' };
    });
  }

  async refund(input: RefundInput): Promise<ProviderOutcome> {
    return this.once('refund', input.idempotencyKey, JSON.stringify([input.providerRef, input.amount]), () => {
      const invalid = invalidMoney(input.amount);
      if (invalid) return failure('processing_error', invalid);
      const payment = this.payments.get(input.providerRef);
      if (!payment) return failure('processing_error', `No such payment: ${input.providerRef}`);
      if (payment.status !== 'captured') return failure('processing_error', `Cannot refund a payment that is ${payment.status}.`, payment.providerRef);
      const refundable = payment.captured - payment.refunded;
      if (input.amount > refundable) return failure('processing_error', `Cannot refund ${input.amount}: only ${refundable} is left to refund.`, payment.providerRef);
      payment.refunded += input.amount;
      if (payment.refunded === payment.captured) payment.status = 'refunded';
      return { ok: true, providerRef: newRef('sbx_re'), status: 'refunded' };
    });
  }

  /** Signs a webhook body the way verifyWebhook expects; returns the headers to send with it. */
  signWebhook(rawBody: string, timestampSeconds = Math.floor(this.clock.now().getTime() / 1000)): Record<string, string> {
    const signature = hmacSha256Hex(this.webhookSecret, `${timestampSeconds}.${rawBody}`);
    return { [SANDBOX_SIGNATURE_HEADER]: `t=${timestampSeconds},v1=${signature}` };
  }

  verifyWebhook(rawBody: string, headers: Record<string, string | undefined>): WebhookEvent | null {
    const header = headerValue(headers, SANDBOX_SIGNATURE_HEADER);
    if (!header) return null;
    const parts = parseSignatureHeader(header);
    const timestamp = Number(parts.get('t')?.[0]);
    if (!Number.isInteger(timestamp)) return null;
    if (Math.abs(this.clock.now().getTime() / 1000 - timestamp) > this.toleranceSeconds) return null;
    const expected = hmacSha256Hex(this.webhookSecret, `${timestamp}.${rawBody}`);
    if (!(parts.get('v1') ?? []).some((candidate) => signaturesMatch(expected, candidate))) return null;
    return parseSandboxEvent(rawBody);
  }

  /**
   * Runs an operation at most once per idempotency key: a repeat with the same parameters
   * replays the first outcome; with different parameters it is refused, as Stripe does.
   */
  private once(operation: Operation, idempotencyKey: string, fingerprint: string, run: () => ProviderOutcome): ProviderOutcome {
    if (this.down) return failure('provider_unavailable', 'The sandbox provider is simulating an outage.');
    if (!idempotencyKey) return failure('processing_error', 'An idempotency key is required.');
    const key = `${operation}:${idempotencyKey}`;
    const previous = this.replies.get(key);
    if (previous) {
      if (previous.fingerprint !== fingerprint) return failure('processing_error', 'This idempotency key was already used with different parameters.');
      return { ...previous.outcome };
    }
    const outcome = run();
    this.replies.set(key, { fingerprint, outcome });
    return { ...outcome };
  }
}

function newRef(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

/** Sandbox webhook bodies are `{ id, type, providerRef, status? }`. */
function parseSandboxEvent(rawBody: string): WebhookEvent | null {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const { id, type, providerRef, status } = body as Record<string, unknown>;
  if (typeof id !== 'string' || typeof type !== 'string' || typeof providerRef !== 'string') return null;
  return typeof status === 'string' ? { id, type, providerRef, status } : { id, type, providerRef };
}
