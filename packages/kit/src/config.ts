import { z } from 'zod';

export class ConfigError extends Error {}

/** The settings every service shares; a service extends this with its own. */
export const baseConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Postgres URL; absent means embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  DATA_DIR: z.string().optional(),
  /** RabbitMQ URL; absent means the in-process bus. */
  AMQP_URL: z.url().optional(),
  AMQP_EXCHANGE: z.string().default('emporium.events'),
  /** Prefix for queue names, so several platforms can share one broker (tests). */
  AMQP_QUEUE_PREFIX: z.string().default(''),
  REDIS_URL: z.url().optional(),
  REDIS_PREFIX: z.string().default('emporium:'),
  /** The gateway's URL: when set, the service announces itself to the gateway's registry. */
  REGISTRY_URL: z.url().optional(),
  /** Shared secret the gateway's registry requires on heartbeats (needed with REGISTRY_URL). */
  REGISTRY_TOKEN: z.string().min(16).optional(),
  /**
   * Shared secret that signs identity between services (HS256, at least 32 characters). Always
   * required: `npm start` and the test platform generate one; in a cluster every service gets the
   * same one from a secret store.
   */
  INTERNAL_TOKEN_SECRET: z.string().min(32),
  /** The address other machines reach this instance at (defaults to its loopback URL). */
  ADVERTISE_URL: z.url().optional(),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(500),
}).refine((config) => !config.REGISTRY_URL || config.REGISTRY_TOKEN, { path: ['REGISTRY_TOKEN'], message: 'required with REGISTRY_URL (the registry refuses unauthenticated heartbeats)' });
export type BaseConfig = z.infer<typeof baseConfigSchema>;

/**
 * Reads and validates configuration from the environment. A missing or bad value stops the
 * service with a message naming the variable, instead of failing later in some odd place.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
