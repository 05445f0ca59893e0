/**
 * Embedded mode: one process runs every service, each on its own port, with its own PGlite data
 * dir under ./data/<service> and one in-process event bus. Set DATABASE_URL/AMQP_URL/REDIS_URL to
 * use real servers instead (then DATABASE_URL must be a server URL: each service gets its own
 * database `emporium_<service>` on it, created if missing).
 * The platform's shared secrets (identity between services, registry heartbeats) are generated
 * per run unless set in the environment: every service of this process gets the same ones.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { InProcessBus, ServiceDirectory, startService, type RunningService, type ServiceModule } from '@emporium/kit';
import { platformServices } from './platform-services.ts';

const demoDefaults: Record<string, Record<string, string>> = {
  users: { ADMIN_EMAIL: 'admin@emporium.local', ADMIN_PASSWORD: 'admin-password' },
  catalog: { SEED_DEMO: '1' },
  inventory: { SEED_DEMO: '1' },
};

async function databaseFor(serverUrl: string, service: string): Promise<string> {
  const name = `emporium_${service}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** INTERNAL_TOKEN_SECRET and REGISTRY_TOKEN from the shell, or fresh random ones. */
function platformSecrets(): Record<string, string> {
  return {
    INTERNAL_TOKEN_SECRET: process.env.INTERNAL_TOKEN_SECRET ?? randomBytes(32).toString('base64url'),
    REGISTRY_TOKEN: process.env.REGISTRY_TOKEN ?? randomBytes(24).toString('base64url'),
  };
}

async function main(): Promise<void> {
  const secrets = platformSecrets();
  const bus = process.env.AMQP_URL ? undefined : new InProcessBus();
  const directory = new ServiceDirectory(process.env);
  const running: RunningService[] = [];
  const stopAll = async () => {
    for (const service of running.reverse()) await service.stop();
    await bus?.close();
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  const modules: ServiceModule[] = await platformServices();
  try {
    for (const module of modules) {
      const env: Record<string, string | undefined> = { ...demoDefaults[module.name], ...process.env, ...secrets };
      delete env.PORT; // each service takes its own port from the table, not the shell's
      if (process.env.DATABASE_URL) env.DATABASE_URL = await databaseFor(process.env.DATABASE_URL, module.name);
      const service = await startService(module, { env, bus, services: directory });
      directory.register(module.name, service.url);
      running.push(service);
      console.log(`  ${module.name.padEnd(14)} ${service.url}`);
    }
  } catch (error) {
    console.error(`Start-up failed: ${(error as Error).message}`);
    await stopAll();
    process.exit(1);
  }
  const gateway = directory.url('gateway');
  console.log(`\nEmporium is up (${bus ? 'embedded' : 'distributed'} mode). Shop: ${gateway}/  Back office: ${gateway}/admin  API: ${gateway}/api/v1  Docs: ${gateway}/docs  — Ctrl-C stops everything.`);
}

await main();
