import { z } from 'zod';
import { currencySchema, minorUnitsSchema } from './money.ts';
import { internalEndpoint } from './internal-endpoint.ts';

/**
 * How a customer pays, as orders accepts it at checkout and payments accepts it from orders:
 * one schema, so a method orders lets through is never refused by payments for its shape.
 * Card data is only validated here and handed to the provider; it is never stored or logged.
 */
export const paymentProviderNames = ['sandbox', 'stripe', 'mercadopago'] as const;
export const paymentProviderSchema = z.enum(paymentProviderNames);
export type PaymentProviderName = z.infer<typeof paymentProviderSchema>;

/** The Luhn checksum every real card number satisfies (digits only). */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const paymentMethodFields = {
  /** 12 to 19 digits, spaces or dashes allowed between them; normalised to digits only. */
  cardNumber: z
    .string()
    .regex(/^(?:\d[ -]?){11,18}\d$/, 'must be 12 to 19 digits')
    .transform((s) => s.replace(/[ -]/g, ''))
    .refine(isLuhnValid, 'is not a valid card number (its check digit is wrong)')
    .optional(),
  /** A provider's payment-method token (Stripe `pm_...`, a MercadoPago card token, ...). */
  token: z.string().trim().min(1).max(255).optional(),
  expMonth: z.number().int().min(1).max(12).optional(),
  expYear: z.number().int().min(2000).max(2100).optional(),
  cvc: z.string().regex(/^\d{3,4}$/, 'must be 3 or 4 digits').optional(),
};

const hasCardOrToken = (m: { cardNumber?: string; token?: string }) => m.cardNumber !== undefined || m.token !== undefined;
const cardOrTokenIssue = { message: 'give a cardNumber or a token', path: ['cardNumber'] };

/** The method payments' authorize takes (`method`), the provider chosen beside it. */
export const paymentMethodSchema = z.object(paymentMethodFields).refine(hasCardOrToken, cardOrTokenIssue);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** The method a customer gives at checkout (`payment` of POST /orders): the same, with the provider in it. */
export const checkoutPaymentSchema = z.object({ provider: paymentProviderSchema.optional(), ...paymentMethodFields }).refine(hasCardOrToken, cardOrTokenIssue);
export type CheckoutPayment = z.infer<typeof checkoutPaymentSchema>;

/** GET payments /internal/payments/providers: what this payments deployment can charge with. */
export const paymentProvidersSchema = z.object({
  defaultProvider: paymentProviderSchema,
  providers: z.array(paymentProviderSchema),
});
export type PaymentProviders = z.infer<typeof paymentProvidersSchema>;

/** Every status a payment intent can have (payments' state machine moves between them). */
export const paymentStatuses = ['requires_authorization', 'authorized', 'captured', 'partially_refunded', 'refunded', 'voided', 'failed'] as const;
export const paymentStatusSchema = z.enum(paymentStatuses);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

/** POST payments /internal/payments/authorize (with an Idempotency-Key). */
export const authorizeBody = z.object({
  orderId: z.string().min(1).max(100),
  amount: z.number().int().positive().max(1_000_000_000_00),
  currency: currencySchema,
  email: z.email().max(254).optional(),
  userId: z.string().min(1).max(100).optional(),
  provider: paymentProviderSchema.optional(),
  // The same schema orders validates a checkout's payment with, so what orders accepts is never refused here for its shape.
  method: paymentMethodSchema,
});
export type AuthorizeRequest = z.input<typeof authorizeBody>;

/** The answer of authorize, capture, void and refund: the payment and where it stands now. */
export const paymentStepSchema = z.object({
  paymentId: z.uuid(),
  status: paymentStatusSchema,
  /** Set by a capture. */
  invoiceId: z.uuid().nullish(),
  /** Set by a refund: everything refunded so far. */
  refundedAmount: minorUnitsSchema.optional(),
});
export type PaymentStep = z.infer<typeof paymentStepSchema>;

/** One payment intent of an order as `GET /internal/payments/by-order/:orderId` lists it (it sends a few more fields). */
export const paymentRecordSchema = z.looseObject({
  id: z.uuid(),
  orderId: z.string(),
  status: paymentStatusSchema,
  amount: minorUnitsSchema,
  currency: currencySchema,
  refundedAmount: minorUnitsSchema,
  /** Why the provider refused, for a failed payment. */
  failureCode: z.string().nullable(),
});
export type PaymentRecord = z.infer<typeof paymentRecordSchema>;

const paymentParams = z.object({ paymentId: z.uuid() });
const idempotencyKey = true;

export const paymentsProviders = internalEndpoint({ service: 'payments', method: 'GET', path: '/internal/payments/providers', response: paymentProvidersSchema });

/** 201 authorized; 402 declined (problem with `code` and `paymentId`); 503 the provider is down. */
export const paymentsAuthorize = internalEndpoint({ service: 'payments', method: 'POST', path: '/internal/payments/authorize', body: authorizeBody, response: paymentStepSchema, idempotencyKey });

export const paymentsCapture = internalEndpoint({ service: 'payments', method: 'POST', path: '/internal/payments/:paymentId/capture', params: paymentParams, response: paymentStepSchema, idempotencyKey });

export const paymentsVoid = internalEndpoint({ service: 'payments', method: 'POST', path: '/internal/payments/:paymentId/void', params: paymentParams, response: paymentStepSchema });

export const paymentsRefund = internalEndpoint({
  service: 'payments',
  method: 'POST',
  path: '/internal/payments/:paymentId/refund',
  params: paymentParams,
  body: z.object({ amount: z.number().int().positive().max(1_000_000_000_00) }),
  response: paymentStepSchema,
  idempotencyKey,
});

export const paymentsOfOrder = internalEndpoint({
  service: 'payments',
  method: 'GET',
  path: '/internal/payments/by-order/:orderId',
  params: z.object({ orderId: z.string().min(1).max(100) }),
  response: z.object({ items: z.array(paymentRecordSchema) }),
});
