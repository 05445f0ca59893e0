import { z } from 'zod';
import { checkoutPaymentSchema } from '@emporium/contracts';
import { pageQuery } from '@emporium/kit';
import { orderStates } from '../domain/order-state.ts';

/** Request pieces several routes share. */
export const orderIdParams = z.object({ id: z.uuid() });

export const staffListQuery = pageQuery.extend({ status: z.enum(orderStates).optional() });

/** Loose: the other headers (x-user-id...) must survive validation. */
export const idempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().trim().min(1).max(200) });

const text = (max: number) => z.string().trim().min(1).max(max);

export const shippingAddressSchema = z.object({
  name: text(200),
  line1: text(200),
  line2: z.string().trim().max(200).optional(),
  city: text(100),
  postalCode: text(20),
  country: text(56),
});

export const placeOrderBody = z.object({
  cartId: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'must be an id'),
  email: z.email().max(254).optional(),
  // One schema with payments' (@emporium/contracts): a Luhn-invalid number or an over-long token is a 400 here, not a decline there.
  payment: checkoutPaymentSchema.optional(),
  shippingAddress: shippingAddressSchema,
});

export const guestQuery = z.object({ email: z.email().max(254).optional() });

export const shipmentBody = z.object({ carrier: text(100), trackingNumber: text(100) });
export const cancelBody = z.object({ reason: text(500) });
export const refundBody = z.object({ amount: z.number().int().positive().max(1_000_000_000_00).optional(), reason: text(500) });
