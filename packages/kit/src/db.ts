import { readdir, readFile, mkdir, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { kitMigrations } from './outbox/schema.ts';
import { idempotencyMigration } from './idempotency/schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction on one connection that accepts multi-statement scripts (migrations). */
  scriptTransaction<T>(work: (session: ScriptSession) => Promise<T>): Promise<T>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ScriptSession {
  exec(script: string): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface OpenDatabaseOptions {
  /** Postgres URL (distributed mode); when absent PGlite is used. */
  url?: string;
  /** PGlite data dir; `memory://` for an in-memory database. */
  dataDir?: string;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle client's error (server restart) must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const db = drizzlePg({ client: pool }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      scriptTransaction: async (work) => {
        const conn = await pool.connect();
        try {
          await conn.query('begin');
          const result = await work({
            exec: async (script) => void (await conn.query(script)),
            query: async (text, params) => (await conn.query(text, params)).rows,
          });
          await conn.query('commit');
          return result;
        } catch (error) {
          await conn.query('rollback').catch(() => {});
          throw error;
        } finally {
          conn.release();
        }
      },
      ping: async () => pool.query('select 1').then(() => true, () => false),
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  const isNew = dataDir.startsWith('memory://') || (await readdir(dataDir).catch(() => [])).length === 0;
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, loadDataDir: isNew ? await freshClusterTemplate() : undefined });
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    scriptTransaction: (work) =>
      client.transaction((tx) =>
        work({
          exec: async (script) => void (await tx.exec(script)),
          query: async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows,
        }),
      ),
    ping: async () => client.query('select 1').then(() => true, () => false),
    close: () => client.close(),
  };
}

/**
 * A fresh PGlite cluster packed as a tarball, made once per machine and reused: creating a new
 * database from it is about three times faster than running initdb again (it matters at first
 * start and in tests, where every service gets a fresh database).
 */
async function freshClusterTemplate(): Promise<Blob> {
  const pglite = JSON.parse(await readFile(new URL('../package.json', import.meta.resolve('@electric-sql/pglite')), 'utf8')) as { version: string };
  const path = join(tmpdir(), `emporium-pglite-${pglite.version}.tar`);
  const cached = await readFile(path).catch(() => undefined);
  if (cached) return new Blob([cached]);
  const scratch = await PGlite.create('memory://');
  const tarball = await scratch.dumpDataDir('none');
  await scratch.close();
  const partial = `${path}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, Buffer.from(await tarball.arrayBuffer()));
  await rename(partial, path);
  return tarball;
}

/**
 * Applies the kit's tables (outbox, processed events, idempotent requests) and then the service's `*.sql` files in name
 * order, each once. Plain SQL keeps migrations reviewable and identical for PGlite and Postgres;
 * an advisory lock keeps replicas starting together from applying the same file twice.
 */
export async function migrate(database: Database, migrationsDir?: string): Promise<string[]> {
  const files: Array<{ name: string; script: string }> = [...kitMigrations, idempotencyMigration];
  if (migrationsDir) {
    const names = (await readdir(migrationsDir)).filter((n) => n.endsWith('.sql')).sort();
    for (const name of names) files.push({ name, script: await readFile(join(migrationsDir, name), 'utf8') });
  }
  return database.scriptTransaction(async (session) => {
    await session.query('select pg_advisory_xact_lock(4242)');
    await session.exec('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())');
    const done = new Set((await session.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file.name)) continue;
      await session.exec(file.script);
      await session.query('insert into schema_migrations (name) values ($1)', [file.name]);
      applied.push(file.name);
    }
    return applied;
  });
}

/** node-postgres and PGlite return raw results in slightly different shapes. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
