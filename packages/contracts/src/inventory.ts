import { z } from 'zod';
import { internalEndpoint } from './internal-endpoint.ts';

/** The inventory service's reservations, called by the orders checkout saga. */
const orderId = z.string().min(1).max(100);
const reservationParams = z.object({ orderId });

export const reservationStatuses = ['reserved', 'released', 'expired', 'committed'] as const;
export const reservationStatusSchema = z.enum(reservationStatuses);

export const reserveBody = z.object({
  orderId,
  lines: z.array(z.object({ sku: z.string().trim().min(1).max(100), quantity: z.number().int().positive().max(1_000_000) })).min(1).max(200),
  /** How long the stock is held unless committed; the service's default when absent. */
  ttlSeconds: z.number().int().positive().max(7 * 86_400).optional(),
});
export type ReserveRequest = z.infer<typeof reserveBody>;

export const reservationSchema = z.object({
  orderId: z.string(),
  status: reservationStatusSchema,
  expiresAt: z.iso.datetime({ offset: true }),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().int(), allocations: z.array(z.object({ warehouseId: z.string(), quantity: z.number().int() })) })),
});
export type Reservation = z.infer<typeof reservationSchema>;

export const reservationChangeSchema = z.object({ orderId: z.string(), status: reservationStatusSchema });

/** Holds stock for an order (201); asking again for the same order answers the reservation it has. 409 when out of stock. */
export const inventoryReserve = internalEndpoint({ service: 'inventory', method: 'POST', path: '/internal/reservations', body: reserveBody, response: reservationSchema });

export const inventoryReservation = internalEndpoint({ service: 'inventory', method: 'GET', path: '/internal/reservations/:orderId', params: reservationParams, response: reservationSchema });

export const inventoryRelease = internalEndpoint({ service: 'inventory', method: 'POST', path: '/internal/reservations/:orderId/release', params: reservationParams, response: reservationChangeSchema });

export const inventoryCommit = internalEndpoint({ service: 'inventory', method: 'POST', path: '/internal/reservations/:orderId/commit', params: reservationParams, response: reservationChangeSchema });
