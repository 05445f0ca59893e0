import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { badRequest, conflict, HttpProblem, notFound, runIdempotent, type Db, type Executor, type SaveResponse, type StoredResponse } from '@emporium/kit';
import type { Logger } from 'pino';
import type { ProviderRegistry } from '../config.ts';
import { paymentIntents, type PaymentIntent } from '../db/schema.ts';
import { IllegalTransition, nextStatus, planRefund, RefundTooLarge } from '../domain/payment-state.ts';
import { requestFingerprint } from '../domain/request-fingerprint.ts';
import { last4, type PaymentMethodInput, type PaymentProvider, type ProviderName, type ProviderOutcome } from '../providers/index.ts';
import { recordAuthorized, recordCaptured, recordFailed, recordRefund, recordVoided } from './transitions.ts';

export interface AuthorizeRequest {
  orderId: string;
  amount: number;
  currency: string;
  email?: string;
  userId?: string;
  provider?: ProviderName;
  method: PaymentMethodInput;
}

export interface PaymentsContext {
  db: Db;
  providers: ProviderRegistry;
  defaultProvider: ProviderName;
  logger: Logger;
  /** Called after a commit that wrote events. */
  onEventsWritten: () => void;
}

type Failed = Extract<ProviderOutcome, { ok: false }>;

/**
 * Authorize, capture, void and refund: each checks the state machine, calls the provider, then
 * records the outcome (status, invoice, events, idempotent response) in one transaction.
 * The provider's idempotency key is derived from the payment id, so a retry after an outage
 * reaches the provider as the same request and never charges twice.
 */
export class PaymentOperations {
  constructor(private readonly ctx: PaymentsContext) {}

  async authorize(request: AuthorizeRequest, idempotencyKey: string): Promise<StoredResponse> {
    const providerName = request.provider ?? this.ctx.defaultProvider;
    const provider = this.ctx.providers.get(providerName);
    if (!provider) throw badRequest(`Payment provider ${providerName} is not configured.`, { field: 'body.provider' });
    const scope = { scope: 'authorize', key: idempotencyKey, request: requestFingerprint('authorize', request) };
    return runIdempotent(this.ctx.db, scope, async (save) => {
      const intent = await this.intentFor(request, providerName, idempotencyKey);
      if (intent.status !== 'requires_authorization') return authorizeReply(intent);
      const outcome = await provider.authorize({
        amount: intent.amount,
        currency: intent.currency,
        method: request.method,
        idempotencyKey: intent.id,
        metadata: { orderId: intent.orderId, paymentId: intent.id, ...(intent.email && { payerEmail: intent.email }) },
      });
      if (!outcome.ok) {
        unavailableCheck(outcome, intent);
        const failed = await this.commit((tx) => recordFailed(tx, intent, outcome.code, outcome.providerRef));
        this.ctx.logger.info({ paymentId: intent.id, orderId: intent.orderId, code: outcome.code }, 'payment authorization declined');
        return authorizeReply(failed, outcome.message);
      }
      return this.commitAndSave(save, async (tx) => authorizeReply(await recordAuthorized(tx, intent, outcome.providerRef)));
    });
  }

  async capture(paymentId: string, idempotencyKey: string): Promise<StoredResponse> {
    const scope = { scope: 'capture', key: idempotencyKey, request: requestFingerprint('capture', { paymentId }) };
    return runIdempotent(this.ctx.db, scope, async (save) => {
      const intent = await this.load(paymentId);
      await guard(() => nextStatus(intent.status, 'capture'));
      const provider = this.providerOf(intent);
      const outcome = await provider.capture({ providerRef: intent.providerRef!, amount: intent.amount, idempotencyKey: intent.id });
      if (!outcome.ok) throw refused(outcome, intent);
      return this.commitAndSave(save, async (tx) => {
        const captured = await recordCaptured(tx, intent);
        return { status: 200, body: { paymentId: captured.id, status: captured.status, invoiceId: captured.invoiceId } };
      });
    });
  }

  /** Idempotent by nature: voiding a voided payment answers the same. No key needed. */
  async void(paymentId: string): Promise<StoredResponse> {
    const intent = await this.load(paymentId);
    const reply = (p: PaymentIntent) => ({ status: 200, body: { paymentId: p.id, status: p.status } });
    if (intent.status === 'voided') return reply(intent);
    await guard(() => nextStatus(intent.status, 'void'));
    // An intent whose authorization never completed holds nothing at the provider to release.
    if (intent.providerRef) {
      const outcome = await this.providerOf(intent).void({ providerRef: intent.providerRef, idempotencyKey: intent.id });
      if (!outcome.ok) throw refused(outcome, intent);
    }
    return reply(await guard(() => this.ctx.db.transaction((tx) => recordVoided(tx, intent))));
  }

  async refund(paymentId: string, amount: number, idempotencyKey: string): Promise<StoredResponse> {
    const scope = { scope: 'refund', key: idempotencyKey, request: requestFingerprint('refund', { paymentId, amount }) };
    return runIdempotent(this.ctx.db, scope, async (save) => {
      const intent = await this.load(paymentId);
      await guard(() => planRefund(intent, amount));
      const outcome = await this.providerOf(intent).refund({ providerRef: intent.providerRef!, amount, idempotencyKey: `${intent.id}:${idempotencyKey}` });
      if (!outcome.ok) throw refused(outcome, intent);
      return this.commitAndSave(save, async (tx) => {
        const refunded = await recordRefund(tx, intent, amount, outcome.providerRef);
        return { status: 200, body: { paymentId: refunded.id, status: refunded.status, refundedAmount: refunded.refundedAmount } };
      });
    });
  }

  async load(paymentId: string): Promise<PaymentIntent> {
    const [intent] = await this.ctx.db.select().from(paymentIntents).where(eq(paymentIntents.id, paymentId));
    if (!intent) throw notFound(`No payment ${paymentId}`);
    return intent;
  }

  /** The intent this authorize key created before (a retry), or a new one. */
  private async intentFor(request: AuthorizeRequest, provider: ProviderName, authorizeKey: string): Promise<PaymentIntent> {
    // Insert first: the usual case (a first try) is then one statement; the unique key finds a retry's intent.
    const [created] = await this.ctx.db
      .insert(paymentIntents)
      .values({
        id: randomUUID(),
        orderId: request.orderId,
        userId: request.userId ?? null,
        email: request.email ?? null,
        amount: request.amount,
        currency: request.currency,
        provider,
        status: 'requires_authorization',
        cardLast4: request.method.cardNumber ? last4(request.method.cardNumber) : null,
        authorizeKey,
      })
      .onConflictDoNothing({ target: paymentIntents.authorizeKey })
      .returning();
    if (created) return created;
    const [existing] = await this.ctx.db.select().from(paymentIntents).where(eq(paymentIntents.authorizeKey, authorizeKey));
    return existing!;
  }

  private providerOf(intent: PaymentIntent): PaymentProvider {
    const provider = this.ctx.providers.get(intent.provider);
    if (!provider) throw new HttpProblem(503, `Payment provider ${intent.provider} is not configured on this instance.`, { paymentId: intent.id });
    return provider;
  }

  private async commit<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    const result = await guard(() => this.ctx.db.transaction(work));
    this.ctx.onEventsWritten();
    return result;
  }

  private commitAndSave(save: SaveResponse, work: (tx: Executor) => Promise<StoredResponse>): Promise<StoredResponse> {
    return this.commit(async (tx) => {
      const response = await work(tx);
      await save(tx, response);
      return response;
    });
  }
}

/** Domain refusals become 409 problems naming the payment. */
async function guard<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RefundTooLarge) throw conflict(error.message, { requested: error.requested, refundable: error.refundable });
    if (error instanceof IllegalTransition) throw conflict(error.message, { paymentStatus: error.from });
    throw error;
  }
}

/** An outage leaves the intent as it was, so a retry with the same key can complete it. */
function unavailableCheck(outcome: Failed, intent: PaymentIntent): void {
  if (outcome.code === 'provider_unavailable') {
    throw new HttpProblem(503, `Payment provider ${intent.provider} is unavailable; retry with the same Idempotency-Key.`, { code: outcome.code, paymentId: intent.id });
  }
}

function refused(outcome: Failed, intent: PaymentIntent): HttpProblem {
  unavailableCheck(outcome, intent);
  return conflict(`The payment provider refused: ${outcome.message}`, { code: outcome.code, paymentId: intent.id });
}

/** The answer to an authorize for an intent in a settled state (first time or on retry). */
function authorizeReply(intent: PaymentIntent, message?: string): StoredResponse {
  if (intent.status === 'failed') {
    throw new HttpProblem(402, message ?? 'The payment was declined.', { code: intent.failureCode ?? 'processing_error', paymentId: intent.id });
  }
  if (intent.status === 'voided') throw conflict('This payment was voided.', { paymentId: intent.id, paymentStatus: intent.status });
  return { status: 201, body: { paymentId: intent.id, status: 'authorized' } };
}
