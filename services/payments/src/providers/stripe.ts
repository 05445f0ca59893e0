import Stripe from 'stripe';
import {
  failure, invalidMoney,
  type AuthorizeInput, type CaptureInput, type PaymentProvider, type ProviderOutcome, type RefundInput, type VoidInput, type WebhookEvent,
} from './provider.ts';
import { outcomeFromStripeError } from './stripe-errors.ts';
import { headerValue } from './webhook-signature.ts';

export interface StripeProviderConfig {
  secretKey: string;
  webhookSecret: string;
  /** API endpoint overrides, so tests can point the SDK at a local fake. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Per-request timeout; a checkout should not wait Stripe's default 80 s. */
  timeoutMs?: number;
  maxNetworkRetries?: number;
  webhookToleranceSeconds?: number;
}

/**
 * Stripe adapter: authorize is a manually captured PaymentIntent confirmed at once with a
 * payment method token. Raw card numbers are never sent: the browser tokenizes with Stripe.js.
 */
export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  private readonly stripe: Stripe;
  private readonly webhookSecret: string;
  private readonly webhookToleranceSeconds: number;

  constructor(config: StripeProviderConfig) {
    this.stripe = new Stripe(config.secretKey, {
      ...(config.host !== undefined && { host: config.host }),
      ...(config.port !== undefined && { port: config.port }),
      ...(config.protocol !== undefined && { protocol: config.protocol }),
      maxNetworkRetries: config.maxNetworkRetries ?? 1,
      timeout: config.timeoutMs ?? 20_000,
      telemetry: false,
    });
    this.webhookSecret = config.webhookSecret;
    this.webhookToleranceSeconds = config.webhookToleranceSeconds ?? 300;
  }

  async authorize(input: AuthorizeInput): Promise<ProviderOutcome> {
    const invalid = invalidMoney(input.amount, input.currency);
    if (invalid) return failure('processing_error', invalid);
    const token = input.method.token;
    if (!token) return failure('processing_error', 'Stripe needs a payment method token (pm_...); card numbers are not accepted.');
    return this.call(async () => {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          payment_method: token,
          // Cards only: otherwise Stripe asks for a return_url in case a method redirects.
          payment_method_types: ['card'],
          capture_method: 'manual',
          confirm: true,
          ...(input.metadata && { metadata: input.metadata }),
        },
        { idempotencyKey: scopedKey('authorize', input.idempotencyKey) },
      );
      return outcomeFromIntent(intent);
    });
  }

  async capture(input: CaptureInput): Promise<ProviderOutcome> {
    const invalid = invalidMoney(input.amount);
    if (invalid) return failure('processing_error', invalid);
    return this.call(async () => {
      const intent = await this.stripe.paymentIntents.capture(
        input.providerRef,
        { amount_to_capture: input.amount },
        { idempotencyKey: scopedKey('capture', input.idempotencyKey) },
      );
      return outcomeFromIntent(intent);
    });
  }

  async void(input: VoidInput): Promise<ProviderOutcome> {
    return this.call(async () => {
      const intent = await this.stripe.paymentIntents.cancel(input.providerRef, {}, { idempotencyKey: scopedKey('void', input.idempotencyKey) });
      return outcomeFromIntent(intent);
    });
  }

  async refund(input: RefundInput): Promise<ProviderOutcome> {
    const invalid = invalidMoney(input.amount);
    if (invalid) return failure('processing_error', invalid);
    return this.call(async () => {
      const refund = await this.stripe.refunds.create(
        { payment_intent: input.providerRef, amount: input.amount },
        { idempotencyKey: scopedKey('refund', input.idempotencyKey) },
      );
      if (refund.status === 'failed' || refund.status === 'canceled') {
        return failure('processing_error', `Stripe refund ${refund.status}: ${refund.failure_reason ?? 'no reason given'}`, refund.id);
      }
      // 'pending' counts as done: Stripe completes it asynchronously and reports by webhook.
      return { ok: true, providerRef: refund.id, status: 'refunded' };
    });
  }

  verifyWebhook(rawBody: string, headers: Record<string, string | undefined>): WebhookEvent | null {
    const signature = headerValue(headers, 'stripe-signature');
    if (!signature) return null;
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.webhookSecret, this.webhookToleranceSeconds);
    } catch {
      return null;
    }
    const object = event.data.object as unknown as Record<string, unknown>;
    const providerRef = paymentIntentIdOf(object);
    const status = typeof object.status === 'string' ? object.status : undefined;
    return status === undefined ? { id: event.id, type: event.type, providerRef } : { id: event.id, type: event.type, providerRef, status };
  }

  private async call(run: () => Promise<ProviderOutcome>): Promise<ProviderOutcome> {
    try {
      return await run();
    } catch (error) {
      return outcomeFromStripeError(error);
    }
  }
}

/** Keys are scoped per operation: Stripe refuses one key reused on a different endpoint. */
function scopedKey(operation: string, idempotencyKey: string): string {
  return `${operation}:${idempotencyKey}`;
}

function outcomeFromIntent(intent: Stripe.PaymentIntent): ProviderOutcome {
  switch (intent.status) {
    case 'requires_capture':
      return { ok: true, providerRef: intent.id, status: 'authorized' };
    case 'succeeded':
      return { ok: true, providerRef: intent.id, status: 'captured' };
    case 'canceled':
      return { ok: true, providerRef: intent.id, status: 'voided' };
    case 'requires_payment_method':
      return failure('card_declined', intent.last_payment_error?.message ?? 'The payment method was declined.', intent.id);
    case 'requires_action':
      return failure('processing_error', 'The card requires customer authentication (3-D Secure), which this flow does not support.', intent.id);
    default:
      return failure('processing_error', `Unexpected PaymentIntent status: ${intent.status}`, intent.id);
  }
}

/** The PaymentIntent an event is about: the object itself, or the one a charge/refund points to. */
function paymentIntentIdOf(object: Record<string, unknown>): string {
  if (object.object === 'payment_intent' && typeof object.id === 'string') return object.id;
  const linked = object.payment_intent;
  if (typeof linked === 'string') return linked;
  if (typeof linked === 'object' && linked !== null && typeof (linked as { id?: unknown }).id === 'string') return (linked as { id: string }).id;
  return typeof object.id === 'string' ? object.id : '';
}
