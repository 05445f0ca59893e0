import { z } from 'zod';
import { loadConfig, ConfigError } from '@emporium/kit';
import { createProvider, PROVIDER_NAMES, type PaymentProvider, type ProviderName } from './providers/index.ts';

const optional = z.string().min(1).optional();

export const paymentsConfigSchema = z.object({
  /** The provider used when a request does not name one. */
  PAYMENT_PROVIDER: z.enum(PROVIDER_NAMES as [ProviderName, ...ProviderName[]]).default('sandbox'),
  /** Timeout of one call to Stripe or MercadoPago. */
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Webhook signing secret of the sandbox; random per process when unset. */
  SANDBOX_WEBHOOK_SECRET: optional,
  STRIPE_SECRET_KEY: optional,
  STRIPE_WEBHOOK_SECRET: optional,
  STRIPE_API_BASE: z.url().optional(),
  MERCADOPAGO_ACCESS_TOKEN: optional,
  MERCADOPAGO_WEBHOOK_SECRET: optional,
  MERCADOPAGO_API_BASE: z.url().optional(),
  /** Card brand sent to MercadoPago when the checkout does not give one. */
  MERCADOPAGO_PAYMENT_METHOD_ID: z.string().default('visa'),
});
export type PaymentsConfig = z.infer<typeof paymentsConfigSchema>;

/** The providers this instance can use, by name; the sandbox is always there. */
export type ProviderRegistry = ReadonlyMap<ProviderName, PaymentProvider>;

export function loadPaymentsConfig(env: Record<string, string | undefined>): PaymentsConfig {
  return loadConfig(paymentsConfigSchema, env);
}

/**
 * Builds every provider whose credentials are set. Stripe and MercadoPago are only available
 * when configured, and a default provider without credentials stops the service at start.
 */
export function buildProviders(config: PaymentsConfig): ProviderRegistry {
  const providers = new Map<ProviderName, PaymentProvider>();
  providers.set('sandbox', createProvider('sandbox', config.SANDBOX_WEBHOOK_SECRET ? { webhookSecret: config.SANDBOX_WEBHOOK_SECRET } : {}));
  if (config.STRIPE_SECRET_KEY) {
    if (!config.STRIPE_WEBHOOK_SECRET) throw new ConfigError('STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY');
    providers.set('stripe', createProvider('stripe', {
      secretKey: config.STRIPE_SECRET_KEY,
      webhookSecret: config.STRIPE_WEBHOOK_SECRET,
      timeoutMs: config.PROVIDER_TIMEOUT_MS,
      ...(config.STRIPE_API_BASE && stripeEndpoint(config.STRIPE_API_BASE)),
    }));
  }
  if (config.MERCADOPAGO_ACCESS_TOKEN) {
    if (!config.MERCADOPAGO_WEBHOOK_SECRET) throw new ConfigError('MERCADOPAGO_WEBHOOK_SECRET is required with MERCADOPAGO_ACCESS_TOKEN');
    providers.set('mercadopago', createProvider('mercadopago', {
      accessToken: config.MERCADOPAGO_ACCESS_TOKEN,
      webhookSecret: config.MERCADOPAGO_WEBHOOK_SECRET,
      timeoutMs: config.PROVIDER_TIMEOUT_MS,
      defaultPaymentMethodId: config.MERCADOPAGO_PAYMENT_METHOD_ID,
      ...(config.MERCADOPAGO_API_BASE && { baseUrl: config.MERCADOPAGO_API_BASE }),
    }));
  }
  if (!providers.has(config.PAYMENT_PROVIDER)) {
    throw new ConfigError(`PAYMENT_PROVIDER is ${config.PAYMENT_PROVIDER} but its credentials are not set`);
  }
  return providers;
}

/** The Stripe SDK takes host, port and protocol rather than a URL. */
export function stripeEndpoint(apiBase: string): { host: string; port: number; protocol: 'http' | 'https' } {
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}
