import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { PaymentIntent } from '../db/schema.ts';
import type { StoredResponse } from '@emporium/kit';

export const paymentParams = z.object({ paymentId: z.uuid() });
/** Loose: other headers (x-user-id, ...) must survive validation. */
export const idempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().min(1).max(255) });
export const refundBody = z.object({ amount: z.number().int().positive().max(1_000_000_000_00) });

/** Sends a response that may be a replay; stored problems keep their problem+json type. */
export function sendStored(reply: FastifyReply, stored: StoredResponse): FastifyReply {
  reply.code(stored.status);
  if (stored.status >= 400) reply.type('application/problem+json');
  return reply.send(stored.body);
}

/** A payment as the API shows it: everything but internal bookkeeping. Never card data beyond last4. */
export function paymentDto(intent: PaymentIntent) {
  const { authorizeKey: _authorizeKey, ...visible } = intent;
  return visible;
}
