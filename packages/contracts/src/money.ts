import { z } from 'zod';

/** Money is integer minor units plus an ISO 4217 currency code; never floats. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');
export const minorUnitsSchema = z.number().int().nonnegative().max(1_000_000_000_00);
export const moneySchema = z.object({ amount: minorUnitsSchema, currency: currencySchema });
export type Money = z.infer<typeof moneySchema>;
