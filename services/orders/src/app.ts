import { ordersManifest } from '@emporium/contracts';
import { fileURLToPath } from 'node:url';
import { createServiceApp, every, loadConfig, type ServiceDeps, type ServiceModule } from '@emporium/kit';
import { ordersConfigSchema } from './config.ts';
import { createUpstream } from './saga/upstream.ts';
import { SagaRunner } from './saga/runner.ts';
import { registerCheckoutRoutes } from './routes/checkout.ts';
import { registerReadRoutes } from './routes/read.ts';
import { registerStaffRoutes } from './routes/staff.ts';
import { registerCustomerDataRoutes } from './routes/customer-data.ts';
import { subscribeToEvents } from './events/consumers.ts';
import type { OrdersContext } from './context.ts';

export async function buildApp(deps: ServiceDeps) {
  const config = loadConfig(ordersConfigSchema, deps.env);
  const app = await createServiceApp(deps);
  const upstream = createUpstream(deps, config.ORDERS_UPSTREAM_TIMEOUT_MS);
  const runner = new SagaRunner({
    db: deps.db,
    relay: deps.relay,
    logger: deps.logger,
    upstream,
    leaseMs: config.ORDERS_SAGA_LEASE_MS,
    maxAttempts: config.ORDERS_SAGA_MAX_ATTEMPTS,
    reservationTtlSeconds: config.ORDERS_RESERVATION_TTL_SECONDS,
  });
  const ctx: OrdersContext = { db: deps.db, relay: deps.relay, unitOfWork: deps.unitOfWork, upstream, runner, config };

  registerCheckoutRoutes(app, ctx);
  registerReadRoutes(app, ctx);
  registerStaffRoutes(app, ctx);
  registerCustomerDataRoutes(app, ctx);
  await subscribeToEvents(deps);

  // Resume unfinished checkouts once up; on shutdown, running sagas stop at a step boundary.
  let closing = false;
  every(app, config.ORDERS_SAGA_RECOVERY_MS, () => runner.recoverOnce(), { name: 'saga recovery' });
  app.addHook('preClose', async () => {
    closing = true;
    runner.beginShutdown();
  });
  // Answers finishing during shutdown close their connection, so close() need not wait out keep-alive.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('onClose', async () => {
    await runner.stop();
    upstream.shutdown();
  });
  return app;
}

export const service: ServiceModule = {
  name: ordersManifest.name,
  migrationsDir: fileURLToPath(new URL('./db/migrations/', import.meta.url)),
  buildApp,
};
