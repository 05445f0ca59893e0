import { z } from 'zod';

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
