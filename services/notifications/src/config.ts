import { z } from 'zod';
import { localeSchema } from './domain/templates.ts';

/** The notifications service's own settings (on top of the kit's base settings). */
export const settingsSchema = z.object({
  /** SMTP server, e.g. smtp://user:pass@mail.example.com:587. Unset: nodemailer's jsonTransport (nothing leaves the process). */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  SMTP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  MAIL_FROM: z.string().min(3).default('Emporium <shop@emporium.local>'),
  /** Where staff alerts (low stock) go; unset means they are skipped with a warning. */
  STAFF_EMAIL: z.email().optional(),
  /** Locale of event notifications; events carry no locale of their own. */
  DEFAULT_LOCALE: localeSchema.default('en'),
  SMS_PROVIDER: z.enum(['log']).default('log'),
  PUSH_PROVIDER: z.enum(['log']).default('log'),
  /** Attempts per notification before it stays failed for good. */
  MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** First retry delay; doubles with each attempt up to RETRY_MAX_MS. */
  RETRY_BASE_MS: z.coerce.number().int().positive().default(5_000),
  RETRY_MAX_MS: z.coerce.number().int().positive().default(10 * 60_000),
  /** How often the retry loop looks for due notifications. */
  RETRY_POLL_MS: z.coerce.number().int().positive().default(2_000),
  /** How long a claimed send may take before another pass (or replica) may try it again. */
  SEND_LEASE_MS: z.coerce.number().int().positive().default(60_000),
});
export type Settings = z.infer<typeof settingsSchema>;
