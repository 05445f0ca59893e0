import { paymentsManifest } from '@emporium/contracts';
import { fileURLToPath } from 'node:url';
import { createServiceApp, type ServiceApp, type ServiceDeps, type ServiceModule } from '@emporium/kit';
import { buildProviders, loadPaymentsConfig } from './config.ts';
import { PaymentOperations } from './operations/payments.ts';
import { registerInternalRoutes } from './routes/internal.ts';
import { registerPublicRoutes } from './routes/public.ts';
import { registerWebhookRoutes } from './routes/webhooks.ts';

export async function buildApp(deps: ServiceDeps): Promise<ServiceApp> {
  const config = loadPaymentsConfig(deps.env);
  const providers = buildProviders(config);
  const app = await createServiceApp({ name: deps.name, logger: deps.logger, readiness: deps.readiness, tokens: deps.tokens });
  const onEventsWritten = () => deps.relay.nudge();
  const payments = new PaymentOperations({ db: deps.db, providers, defaultProvider: config.PAYMENT_PROVIDER, logger: deps.logger, onEventsWritten });
  // The provider instances, for tests that drive the sandbox (outages) in-process.
  app.decorate('paymentProviders', providers);

  registerInternalRoutes(app, deps.db, payments, { registry: providers, defaultProvider: config.PAYMENT_PROVIDER });
  registerPublicRoutes(app, deps.db, payments);
  await registerWebhookRoutes(app, deps.db, providers, onEventsWritten);
  return app;
}

export const service: ServiceModule = {
  name: paymentsManifest.name,
  migrationsDir: fileURLToPath(new URL('./db/migrations/', import.meta.url)),
  buildApp,
};
