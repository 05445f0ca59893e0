import { z } from 'zod';

/**
 * An error answer as every service sends it (RFC 9457 problem+json, `application/problem+json`).
 * Some problems carry more fields (which SKU ran out, the order holding a cart).
 */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  instance: z.string().optional(),
  /** A 400's field-by-field reasons: `body.email`, `querystring.limit`, ... */
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
