import { usersManifest } from '@emporium/contracts';
import { fileURLToPath } from 'node:url';
import { createServiceApp, loadConfig, type ServiceApp, type ServiceDeps, type ServiceModule } from '@emporium/kit';
import { usersConfigSchema } from './config.ts';
import type { UsersContext } from './context.ts';
import { AccessTokenSigner } from './auth/access-tokens.ts';
import { ensureAdmin } from './auth/admin-bootstrap.ts';
import { Sessions } from './auth/sessions.ts';
import { signingKeyFromPem } from './auth/signing-key.ts';
import { loadOrCreateSigningKey } from './db/signing-keys.ts';
import { MemoryAttemptCounter, RedisAttemptCounter } from './db/attempt-counters.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerJwksRoute } from './routes/jwks.ts';
import { registerMeRoutes } from './routes/me.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerPrivacyRoutes } from './routes/privacy.ts';
import { registerOidcRoutes } from './routes/oidc.ts';
import { oidcConfigSchema, oidcSettings } from './oidc/config.ts';
import { OidcProviderClient } from './oidc/provider-client.ts';
import { OidcSignIn } from './oidc/sign-in.ts';
import { CustomerOrdersClient } from './privacy/orders-client.ts';
import { registerAccountRoutes } from './routes/account.ts';

export async function buildApp(deps: ServiceDeps): Promise<ServiceApp> {
  const config = loadConfig(usersConfigSchema, deps.env);
  const oidc = oidcSettings(loadConfig(oidcConfigSchema, deps.env));
  const key = config.JWT_PRIVATE_KEY ? await signingKeyFromPem(config.JWT_PRIVATE_KEY, config.JWT_KEY_ID) : await loadOrCreateSigningKey(deps.db);
  const signer = new AccessTokenSigner(key, config.JWT_ISSUER, config.ACCESS_TOKEN_TTL_SECONDS);
  const ctx: UsersContext = {
    deps,
    config,
    signer,
    sessions: new Sessions(deps.db, signer, config.REFRESH_TOKEN_TTL_DAYS, deps.logger, () => deps.relay.nudge()),
    attempts: deps.redis ? new RedisAttemptCounter(deps.redis) : new MemoryAttemptCounter(),
  };

  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    if (await ensureAdmin(deps.db, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD }, signer.ttlSeconds)) deps.relay.nudge();
  } else if (config.ADMIN_EMAIL || config.ADMIN_PASSWORD) {
    deps.logger.warn('ADMIN_EMAIL and ADMIN_PASSWORD must be set together; no admin bootstrapped');
  }

  const app = await createServiceApp(deps);
  registerJwksRoute(app, ctx);
  registerAuthRoutes(app, ctx);
  registerMeRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  if (oidc) registerOidcRoutes(app, new OidcSignIn(ctx, new OidcProviderClient(oidc), oidc));
  const orders = new CustomerOrdersClient(deps, config.ORDERS_TIMEOUT_MS);
  app.addHook('onClose', async () => orders.shutdown());
  registerPrivacyRoutes(app, ctx, orders);
  registerAccountRoutes(app, ctx);
  return app;
}

export const service: ServiceModule = {
  name: usersManifest.name,
  migrationsDir: fileURLToPath(new URL('./db/migrations/', import.meta.url)),
  buildApp,
};
