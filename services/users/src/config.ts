import { z } from 'zod';
import { newPasswordSchema } from './auth/password-policy.ts';

/** Settings of the users service (beyond the kit's shared ones). */
export const usersConfigSchema = z.object({
  /** PKCS8 PEM of the RS256 signing key; without it a key is generated once and kept in the database. */
  JWT_PRIVATE_KEY: z.string().min(1).optional(),
  /** `kid` of JWT_PRIVATE_KEY; defaults to its JWK thumbprint. */
  JWT_KEY_ID: z.string().min(1).optional(),
  JWT_ISSUER: z.string().min(1).default('emporium-users'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().positive().default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  /** Timeout of the call to orders for a customer's data export. */
  ORDERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Failures per account from all addresses in the window before addresses it has not signed in from are refused. */
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().positive().default(20),
  /** Base URL of the storefront pages the account emails link to (`/account/reset-password?token=…` and so on). */
  APP_URL: z.url().default('http://127.0.0.1:8000'),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().positive().default(30),
  EMAIL_VERIFICATION_TTL_HOURS: z.coerce.number().int().positive().default(48),
  /** Account emails (verification, reset, "you already have an account") per address per hour; more are dropped silently. */
  ACCOUNT_EMAILS_PER_HOUR: z.coerce.number().int().positive().default(5),
  /** Demo/bootstrap admin, ensured at start when both are set. */
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: newPasswordSchema.optional(),
});
export type UsersConfig = z.infer<typeof usersConfigSchema>;
