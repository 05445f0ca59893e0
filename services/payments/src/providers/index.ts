import { paymentProviderNames } from '@emporium/contracts';
import { MercadoPagoProvider, type MercadoPagoConfig } from './mercadopago.ts';
import type { PaymentProvider, ProviderName } from './provider.ts';
import { SandboxProvider, type SandboxConfig } from './sandbox.ts';
import { StripeProvider, type StripeProviderConfig } from './stripe.ts';

export * from './provider.ts';
export { SandboxProvider, type SandboxConfig, type SandboxPayment, SANDBOX_SIGNATURE_HEADER } from './sandbox.ts';
export { SANDBOX_TEST_CARDS, SANDBOX_TEST_TOKENS, isLuhnValid } from './sandbox-cards.ts';
export { StripeProvider, type StripeProviderConfig } from './stripe.ts';
export { MercadoPagoProvider, type MercadoPagoConfig } from './mercadopago.ts';
export { currencyExponent, minorToDecimal } from './currency.ts';

/** The configuration each provider takes, by name. */
export interface ProviderConfigs {
  sandbox: SandboxConfig;
  stripe: StripeProviderConfig;
  mercadopago: MercadoPagoConfig;
}

export const PROVIDER_NAMES: readonly ProviderName[] = paymentProviderNames;

export function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}

/** Builds the provider chosen by configuration; the rest of the service sees only PaymentProvider. */
export function createProvider<N extends ProviderName>(name: N, config: ProviderConfigs[N]): PaymentProvider {
  switch (name) {
    case 'sandbox':
      return new SandboxProvider(config as SandboxConfig);
    case 'stripe':
      return new StripeProvider(config as StripeProviderConfig);
    case 'mercadopago':
      return new MercadoPagoProvider(config as MercadoPagoConfig);
    default:
      throw new Error(`Unknown payment provider: ${String(name)}`);
  }
}
