import { notificationsManifest } from '@emporium/contracts';
import { fileURLToPath } from 'node:url';
import { createServiceApp, loadConfig, type ServiceDeps, type ServiceModule } from '@emporium/kit';
import { settingsSchema } from './config.ts';
import { buildChannels } from './channels/index.ts';
import { Dispatcher } from './delivery/dispatcher.ts';
import { consumeEvents } from './events/consume.ts';
import { templateRoutes } from './routes/templates.ts';
import { deliveryRoutes } from './routes/deliveries.ts';
import { historyRoutes } from './routes/history.ts';

export async function buildApp(deps: ServiceDeps) {
  const settings = loadConfig(settingsSchema, deps.env);
  const app = await createServiceApp(deps);
  if (!settings.SMTP_URL) deps.logger.warn('SMTP_URL is not set: emails are built with nodemailer jsonTransport and not sent');

  const dispatcher = new Dispatcher(deps.db, buildChannels(settings, deps.logger), deps.logger, {
    maxAttempts: settings.MAX_ATTEMPTS,
    baseMs: settings.RETRY_BASE_MS,
    maxMs: settings.RETRY_MAX_MS,
    pollMs: settings.RETRY_POLL_MS,
    leaseMs: settings.SEND_LEASE_MS,
  });
  app.addHook('onClose', () => dispatcher.stop());

  const context = { db: deps.db, dispatcher };
  templateRoutes(app, context);
  deliveryRoutes(app, context);
  historyRoutes(app, context);

  await consumeEvents(deps, settings, dispatcher);
  dispatcher.start();
  return app;
}

export const service: ServiceModule = {
  name: notificationsManifest.name,
  migrationsDir: fileURLToPath(new URL('./db/migrations/', import.meta.url)),
  buildApp,
};
