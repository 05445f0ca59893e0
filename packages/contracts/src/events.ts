import { z } from 'zod';
import { currencySchema, minorUnitsSchema } from './money.ts';

/**
 * The catalogue of events exchanged between services, keyed by type.
 * A breaking change to a payload gets a new version number next to the old one.
 */
const orderLine = z.object({
  sku: z.string(),
  quantity: z.number().int().positive(),
  unitPrice: minorUnitsSchema,
});

/** A product as announced; `variantSkus` (added compatibly, absent in older events) lets consumers know every sellable SKU. */
const productData = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  price: minorUnitsSchema,
  currency: currencySchema,
  variantSkus: z.array(z.string()).default([]),
});

export const eventSchemas = {
  'user.registered': { version: 1, data: z.object({ userId: z.string(), email: z.email() }) },
  'user.role_changed': { version: 1, data: z.object({ userId: z.string(), roles: z.array(z.string()), changedBy: z.string() }) },
  // The customer asked for their account to be deleted: every service anonymises what it holds about them.
  'user.anonymised': { version: 1, data: z.object({ userId: z.string() }) },
  // Access-token revocation, followed by the gateway. `forgetAfter`: every token it covers has expired by then.
  'user.session_revoked': { version: 1, data: z.object({ userId: z.string(), sessionId: z.string(), reason: z.string(), forgetAfter: z.iso.datetime() }) },
  'user.tokens_revoked': { version: 1, data: z.object({ userId: z.string(), minTokenVersion: z.number().int().positive(), reason: z.string(), forgetAfter: z.iso.datetime() }) },
  // Account emails, sent by notifications. Links carry single-use secrets: never log or show these payloads.
  'user.email_verification_requested': { version: 1, data: z.object({ userId: z.string(), email: z.email(), verifyUrl: z.url(), expiresAt: z.iso.datetime() }) },
  'user.password_reset_requested': { version: 1, data: z.object({ userId: z.string(), email: z.email(), resetUrl: z.url(), expiresAt: z.iso.datetime() }) },
  'user.signup_with_existing_email': { version: 1, data: z.object({ userId: z.string(), email: z.email(), signInUrl: z.url(), forgotPasswordUrl: z.url() }) },
  'user.password_changed': { version: 1, data: z.object({ userId: z.string(), email: z.email(), forgotPasswordUrl: z.url() }) },
  'product.created': { version: 1, data: productData },
  'product.updated': { version: 1, data: productData },
  'order.created': { version: 1, data: z.object({ orderId: z.string(), userId: z.string().nullable(), email: z.email().nullable(), total: minorUnitsSchema, currency: currencySchema, lines: z.array(orderLine) }) },
  'order.paid': { version: 1, data: z.object({ orderId: z.string(), userId: z.string().nullable(), email: z.email().nullable(), total: minorUnitsSchema, currency: currencySchema, lines: z.array(orderLine), paymentId: z.string() }) },
  'order.payment_failed': { version: 1, data: z.object({ orderId: z.string(), userId: z.string().nullable(), email: z.email().nullable(), reason: z.string() }) },
  'order.cancelled': { version: 1, data: z.object({ orderId: z.string(), userId: z.string().nullable(), email: z.email().nullable(), reason: z.string() }) },
  'order.shipped': { version: 1, data: z.object({ orderId: z.string(), userId: z.string().nullable(), email: z.email().nullable(), carrier: z.string(), trackingNumber: z.string() }) },
  'order.delivered': { version: 1, data: z.object({ orderId: z.string(), userId: z.string().nullable(), email: z.email().nullable() }) },
  'order.refunded': { version: 1, data: z.object({ orderId: z.string(), userId: z.string().nullable(), email: z.email().nullable(), amount: minorUnitsSchema, currency: currencySchema }) },
  'payment.captured': { version: 1, data: z.object({ paymentId: z.string(), orderId: z.string(), amount: minorUnitsSchema, currency: currencySchema, provider: z.string() }) },
  'payment.failed': { version: 1, data: z.object({ paymentId: z.string(), orderId: z.string(), code: z.string() }) },
  'payment.refunded': { version: 1, data: z.object({ paymentId: z.string(), orderId: z.string(), amount: minorUnitsSchema, currency: currencySchema }) },
  'invoice.issued': { version: 1, data: z.object({ invoiceId: z.string(), number: z.string(), orderId: z.string(), total: minorUnitsSchema, currency: currencySchema }) },
  'inventory.low_stock': { version: 1, data: z.object({ sku: z.string(), warehouseId: z.string(), available: z.number().int(), threshold: z.number().int() }) },
  'inventory.committed': { version: 1, data: z.object({ orderId: z.string(), lines: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })) }) },
} as const;

export type EventType = keyof typeof eventSchemas;
export type EventData<T extends EventType> = z.infer<(typeof eventSchemas)[T]['data']>;

/** Validates a payload against its contract; throws a ZodError naming the bad field. */
export function parseEventData<T extends EventType>(type: T, data: unknown): EventData<T> {
  return eventSchemas[type].data.parse(data) as EventData<T>;
}
