import { z } from 'zod';
import { currencySchema, minorUnitsSchema } from '@emporium/contracts';
import { requirePermission, requirePrincipal, type ServiceApp } from '@emporium/kit';
import type { DiscountCodeRepository } from '../db/discount-codes.ts';
import { discountCodeSchema } from './schemas.ts';

const createDiscountCodeBody = z
  .object({
    code: discountCodeSchema,
    kind: z.enum(['percentage', 'fixed']),
    /** percentage: whole percent; fixed: minor units. */
    value: minorUnitsSchema.positive(),
    currency: currencySchema.optional(),
    minSubtotal: minorUnitsSchema.optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    usageLimit: z.number().int().positive().max(1_000_000_000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'percentage' && body.value > 100) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a percentage is at most 100' });
    // An amount means nothing without its currency.
    if ((body.kind === 'fixed' || body.minSubtotal !== undefined) && !body.currency) {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'required for a fixed amount or a minimum subtotal' });
    }
  });

/** Discount code administration, for staff and admins. */
export function registerDiscountCodeRoutes(app: ServiceApp, codes: DiscountCodeRepository): void {
  const staffOnly = requirePermission('discounts:manage');

  app.post('/cart/discount-codes', { preHandler: staffOnly, schema: { body: createDiscountCodeBody } }, async (request, reply) => {
    const { body } = request;
    const created = await codes.create(
      {
        code: body.code,
        kind: body.kind,
        value: body.value,
        currency: body.currency ?? null,
        minSubtotal: body.minSubtotal ?? null,
        expiresAt: body.expiresAt ? new Date(body.expiresAt).toISOString() : null,
        usageLimit: body.usageLimit ?? null,
      },
      requirePrincipal(request).userId,
    );
    return reply.code(201).send(created);
  });

  app.get('/cart/discount-codes', { preHandler: staffOnly }, async () => ({ items: await codes.list() }));
}
