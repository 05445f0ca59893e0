import { pino, type Logger } from 'pino';
import { Redis } from 'ioredis';
import { loadConfig, baseConfigSchema, type BaseConfig } from './config.ts';
import { openDatabase, migrate, type Database, type Db } from './db.ts';
import type { EventBus } from './bus/bus.ts';
import { InProcessBus } from './bus/in-process.ts';
import { RabbitBus } from './bus/rabbitmq.ts';
import { OutboxRelay } from './outbox/outbox.ts';
import { unitOfWork, type UnitOfWork } from './outbox/unit-of-work.ts';
import type { ReadinessCheck } from './observability.ts';
import type { ServiceApp } from './server.ts';
import { ServiceDirectory, defaultPorts } from './directory.ts';
import { InternalTokens } from './identity.ts';

/** Everything a service's buildApp gets; the mode (embedded or distributed) is hidden in here. */
export interface ServiceDeps {
  name: string;
  config: BaseConfig;
  /** The raw environment, for a service's own settings (parse them with loadConfig). */
  env: Record<string, string | undefined>;
  logger: Logger;
  database: Database;
  db: Db;
  bus: EventBus;
  relay: OutboxRelay;
  /** Commits a change with its events and wakes the relay: `deps.unitOfWork(async (tx, events) => ...)`. */
  unitOfWork: UnitOfWork;
  redis?: Redis;
  services: ServiceDirectory;
  readiness: ReadinessCheck[];
  /** Signs this service's calls to others and verifies its callers. */
  tokens: InternalTokens;
}

export interface ServiceModule {
  name: string;
  /** Absolute path of the folder holding the service's `*.sql` migrations. */
  migrationsDir?: string;
  buildApp(deps: ServiceDeps): Promise<ServiceApp>;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  /** A bus shared by several services in one process (embedded mode). */
  bus?: EventBus;
  services?: ServiceDirectory;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  app: ServiceApp;
  deps: ServiceDeps;
  stop(): Promise<void>;
}

/** Opens the service's storage, bus and cache as configured, builds its app and listens. */
export async function startService(module: ServiceModule, options: StartOptions = {}): Promise<RunningService> {
  const env = { PORT: String(defaultPorts[module.name] ?? 0), ...(options.env ?? process.env) };
  const config = loadConfig(baseConfigSchema, env);
  const logger = pino({ name: module.name, level: config.LOG_LEVEL });

  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR ?? `./data/${module.name}` });
  const owned: Array<() => Promise<unknown>> = [() => database.close()];
  try {
    await migrate(database, module.migrationsDir);
    const bus = options.bus ?? (config.AMQP_URL ? await RabbitBus.connect({ url: config.AMQP_URL, exchange: config.AMQP_EXCHANGE, queuePrefix: config.AMQP_QUEUE_PREFIX, logger }) : new InProcessBus());
    if (!options.bus) owned.unshift(() => bus.close());
    const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { keyPrefix: config.REDIS_PREFIX, maxRetriesPerRequest: 2, lazyConnect: false }) : undefined;
    if (redis) owned.unshift(() => redis.quit());
    const relay = new OutboxRelay(database.db, bus, logger, config.OUTBOX_POLL_MS);
    owned.unshift(() => relay.stop());

    const readiness: ReadinessCheck[] = [
      { name: 'database', check: () => database.ping() },
      { name: 'bus', check: () => bus.ping() },
    ];
    if (redis) readiness.push({ name: 'redis', check: async () => (await redis.ping()) === 'PONG' });

    const deps: ServiceDeps = { name: module.name, config, env, logger, database, db: database.db, bus, relay, unitOfWork: unitOfWork(database.db, module.name, relay), redis, services: options.services ?? new ServiceDirectory(env), readiness, tokens: new InternalTokens(config.INTERNAL_TOKEN_SECRET, module.name) };
    const app = await module.buildApp(deps);
    owned.unshift(() => app.close());
    await app.listen({ port: config.PORT, host: config.HOST });
    relay.start();
    const port = (app.server.address() as { port: number }).port;
    const url = `http://127.0.0.1:${port}`;
    if (config.REGISTRY_URL) owned.unshift(announce(config.REGISTRY_URL, config.REGISTRY_TOKEN!, module.name, config.ADVERTISE_URL ?? url, logger));
    logger.info({ url }, `${module.name} listening`);
    return {
      name: module.name,
      url,
      port,
      app,
      deps,
      stop: async () => {
        for (const close of owned) await close().catch((error) => logger.warn({ err: error }, 'error while stopping'));
      },
    };
  } catch (error) {
    for (const close of owned) await close().catch(() => {});
    throw error;
  }
}

/** Entry point of a service's own process (distributed mode): start, and stop cleanly on a signal. */
export async function runMain(module: ServiceModule): Promise<void> {
  let running: RunningService;
  try {
    running = await startService(module);
  } catch (error) {
    console.error(`${module.name} failed to start: ${(error as Error).message}`);
    process.exit(1);
  }
  const shutdown = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/**
 * Heartbeats to the gateway's registry so it can route to this instance; the gateway drops an
 * instance whose heartbeats stop. Returns the function that stops the heartbeats.
 */
function announce(registryUrl: string, token: string, service: string, url: string, logger: Logger): () => Promise<void> {
  const beat = () =>
    fetch(new URL('/registry/heartbeat', registryUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-registry-token': token },
      body: JSON.stringify({ service, url }),
      signal: AbortSignal.timeout(2_000),
    }).catch((error) => logger.warn({ err: error }, 'registry heartbeat failed'));
  void beat();
  const timer = setInterval(beat, 5_000);
  timer.unref();
  return async () => clearInterval(timer);
}
