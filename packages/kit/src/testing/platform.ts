import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { RabbitBus } from '../bus/rabbitmq.ts';
import { InProcessBus } from '../bus/in-process.ts';
import { ServiceDirectory } from '../directory.ts';
import { startService, type RunningService, type ServiceModule } from '../runtime.ts';
import { testSecrets } from './identity.ts';

export interface TestPlatformOptions {
  /** Extra environment per service name. */
  env?: Record<string, Record<string, string>>;
}

/**
 * Starts a set of services the way the platform runs them, isolated from any other run:
 * embedded mode (PGlite per service in a temp dir, one in-process bus) unless `DATABASE_URL` is
 * set, in which case each service gets a fresh Postgres database on that server, a throwaway
 * RabbitMQ exchange and queues under `AMQP_URL`, and its own key prefix under `REDIS_URL`.
 */
export class TestPlatform {
  readonly runId = randomBytes(4).toString('hex');
  readonly directory = new ServiceDirectory({});
  readonly mode: 'embedded' | 'distributed' = process.env.DATABASE_URL ? 'distributed' : 'embedded';
  /** Shared by every service unless they talk over RabbitMQ. */
  private readonly bus = process.env.AMQP_URL ? undefined : new InProcessBus();
  private readonly running = new Map<string, RunningService>();
  private readonly envs = new Map<string, Record<string, string | undefined>>();
  private readonly modules = new Map<string, ServiceModule>();
  /** RabbitMQ queues the services consumed from (distributed mode), deleted at the end. */
  private readonly queues = new Set<string>();
  private dataRoot?: string;

  private constructor(private readonly options: TestPlatformOptions) {}

  static async start(modules: ServiceModule[], options: TestPlatformOptions = {}): Promise<TestPlatform> {
    const platform = new TestPlatform(options);
    try {
      for (const module of modules) await platform.add(module);
    } catch (error) {
      await platform.stop();
      throw error;
    }
    return platform;
  }

  url(name: string): string {
    const service = this.running.get(name);
    if (!service) throw new Error(`${name} is not running`);
    return service.url;
  }

  service(name: string): RunningService {
    const service = this.running.get(name);
    if (!service) throw new Error(`${name} is not running`);
    return service;
  }

  async add(module: ServiceModule): Promise<RunningService> {
    this.modules.set(module.name, module);
    this.envs.set(module.name, await this.environmentFor(module.name));
    return this.launch(module.name);
  }

  /** Stops one service (its storage is kept), e.g. to test what its callers do meanwhile. */
  async stopService(name: string): Promise<void> {
    const service = this.running.get(name);
    // Remembered for the clean-up at the end, including queues a test subscribed through deps.bus.
    if (service?.deps.bus instanceof RabbitBus) for (const queue of service.deps.bus.queues) this.queues.add(queue);
    await service?.stop();
    this.running.delete(name);
  }

  /** Starts a stopped service again on the same port with the same storage. */
  async restartService(name: string): Promise<RunningService> {
    await this.stopService(name);
    return this.launch(name);
  }

  /** Waits until in-process deliveries settle (embedded) — a no-op over RabbitMQ. */
  async drainBus(): Promise<void> {
    await this.bus?.drain();
  }

  async stop(): Promise<void> {
    for (const name of [...this.running.keys()].reverse()) await this.stopService(name);
    await this.bus?.close();
    if (this.mode === 'distributed') {
      await this.dropDatabases();
      if (process.env.AMQP_URL) await RabbitBus.deleteTopology(process.env.AMQP_URL, this.exchange, this.queues);
      await this.deleteRedisKeys();
    }
    if (this.dataRoot) await rm(this.dataRoot, { recursive: true, force: true });
  }

  private async launch(name: string): Promise<RunningService> {
    const env = this.envs.get(name)!;
    const service = await startService(this.modules.get(name)!, { env, bus: this.bus, services: this.directory });
    env.PORT = String(service.port); // a restart comes back where callers expect it
    this.running.set(name, service);
    this.directory.register(name, service.url);
    return service;
  }

  private async environmentFor(name: string): Promise<Record<string, string | undefined>> {
    const base: Record<string, string | undefined> = {
      PORT: '0',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      OUTBOX_POLL_MS: '100',
      // Per test process, as `npm start` generates them per run; the identity helpers sign with them.
      ...testSecrets,
      ...this.options.env?.[name],
    };
    if (this.mode === 'embedded') {
      this.dataRoot ??= await mkdtemp(join(tmpdir(), `emporium-test-${this.runId}-`));
      return { ...base, DATA_DIR: join(this.dataRoot, name) };
    }
    return {
      ...base,
      DATABASE_URL: await this.createDatabase(name),
      AMQP_URL: process.env.AMQP_URL,
      AMQP_EXCHANGE: this.exchange,
      AMQP_QUEUE_PREFIX: `test.${this.runId}.`,
      REDIS_URL: process.env.REDIS_URL,
      REDIS_PREFIX: this.redisPrefix,
    };
  }

  private get exchange(): string {
    return `emporium.test.${this.runId}`;
  }

  private get redisPrefix(): string {
    return `test:${this.runId}:`;
  }

  private async deleteRedisKeys(): Promise<void> {
    if (!process.env.REDIS_URL) return;
    const redis = new Redis(process.env.REDIS_URL);
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.redisPrefix}*`, 'COUNT', 500);
        if (keys.length) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }

  private databaseName(service: string): string {
    return `emporium_test_${this.runId}_${service.replace(/[^a-z0-9_]/gi, '_')}`;
  }

  private async createDatabase(service: string): Promise<string> {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`create database ${this.databaseName(service)}`);
    } finally {
      await admin.end();
    }
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${this.databaseName(service)}`;
    return url.toString();
  }

  private async dropDatabases(): Promise<void> {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      for (const name of this.modules.keys()) await admin.query(`drop database if exists ${this.databaseName(name)} with (force)`);
    } finally {
      await admin.end();
    }
  }
}
