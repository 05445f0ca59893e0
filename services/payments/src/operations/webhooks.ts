import { and, eq } from 'drizzle-orm';
import { badRequest, notFound, type Db, type Executor } from '@emporium/kit';
import type { ProviderRegistry } from '../config.ts';
import { paymentIntents, webhookEvents, type PaymentIntent } from '../db/schema.ts';
import { canApply, type PaymentAction } from '../domain/payment-state.ts';
import { webhookAction } from '../domain/webhook-status.ts';
import { isProviderName, type WebhookEvent } from '../providers/index.ts';
import { recordAuthorized, recordCaptured, recordFailed, recordRefund, recordVoided } from './transitions.ts';

export interface WebhookResult {
  received: true;
  eventId: string;
  /** False for a redelivered event, an unknown payment, or a status that changes nothing. */
  applied: boolean;
  paymentId?: string;
  status?: string;
}

/**
 * Verifies a provider's webhook on its raw body, then moves the payment to the status it
 * reports when the state machine allows it. The event id is recorded in the same transaction,
 * so redeliveries change nothing.
 */
export async function handleWebhook(
  db: Db,
  providers: ProviderRegistry,
  providerName: string,
  rawBody: string,
  headers: Record<string, string | undefined>,
): Promise<{ result: WebhookResult; eventsWritten: boolean }> {
  const provider = isProviderName(providerName) ? providers.get(providerName) : undefined;
  if (!provider) throw notFound(`No webhook endpoint for provider ${providerName}`);
  const event = provider.verifyWebhook(rawBody, headers);
  if (!event) throw badRequest('Webhook signature or payload is not valid.');

  return db.transaction(async (tx) => {
    const fresh = await tx.insert(webhookEvents).values({ provider: provider.name, eventId: event.id }).onConflictDoNothing().returning({ id: webhookEvents.eventId });
    const [intent] = await tx.select().from(paymentIntents).where(and(eq(paymentIntents.provider, provider.name), eq(paymentIntents.providerRef, event.providerRef)));
    const base = { received: true as const, eventId: event.id, ...(intent && { paymentId: intent.id }) };
    const action = webhookAction(provider.name, event);
    if (fresh.length === 0 || !intent || !action || !canApply(intent.status, action)) {
      return { result: { ...base, applied: false, ...(intent && { status: intent.status }) }, eventsWritten: false };
    }
    const updated = await apply(tx, intent, action, event);
    return { result: { ...base, applied: true, status: updated.status }, eventsWritten: true };
  });
}

function apply(tx: Executor, intent: PaymentIntent, action: PaymentAction, event: WebhookEvent): Promise<PaymentIntent> {
  switch (action) {
    case 'authorize':
      return recordAuthorized(tx, intent, event.providerRef);
    case 'capture':
      return recordCaptured(tx, intent);
    case 'void':
      return recordVoided(tx, intent);
    case 'fail':
      // Stripe's requires_payment_method after a confirm: the card was refused.
      return recordFailed(tx, intent, 'card_declined', event.providerRef);
    case 'refund_full':
    case 'refund_partial':
      // Webhooks only report "refunded" as a whole: refund what is left.
      return recordRefund(tx, intent, intent.amount - intent.refundedAmount, `webhook:${event.id}`);
  }
}
