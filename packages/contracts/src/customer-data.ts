import { z } from 'zod';
import { currencySchema, minorUnitsSchema } from './money.ts';
import { internalEndpoint } from './internal-endpoint.ts';

/**
 * orders `GET /internal/customers/:userId/orders`: every order of one customer in full, for the
 * data export the users service assembles (`GET /users/me/export`).
 */

const isoTime = z.iso.datetime({ offset: true });

export const customerOrderSchema = z.object({
  id: z.string(),
  status: z.string(),
  userId: z.string().nullable(),
  email: z.string().nullable(),
  currency: currencySchema,
  subtotal: minorUnitsSchema,
  discount: minorUnitsSchema,
  total: minorUnitsSchema,
  refundedAmount: minorUnitsSchema,
  discountCode: z.string().nullable(),
  paymentId: z.string().nullable(),
  shippingAddress: z.object({
    name: z.string(),
    line1: z.string(),
    line2: z.string().optional(),
    city: z.string(),
    postalCode: z.string(),
    country: z.string(),
  }),
  lines: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int(), unitPrice: minorUnitsSchema, lineTotal: minorUnitsSchema })),
  statusHistory: z.array(z.object({ state: z.string(), at: isoTime, note: z.string().nullable() })),
  shipments: z.array(z.object({ carrier: z.string(), trackingNumber: z.string(), shippedAt: isoTime })),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type CustomerOrder = z.infer<typeof customerOrderSchema>;

export const customerOrdersSchema = z.object({ items: z.array(customerOrderSchema) });
export type CustomerOrders = z.infer<typeof customerOrdersSchema>;

export const customerOrders = internalEndpoint({
  service: 'orders',
  method: 'GET',
  path: '/internal/customers/:userId/orders',
  params: z.object({ userId: z.string().trim().min(1).max(100) }),
  response: customerOrdersSchema,
});
