import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@emporium/kit';
import { TestPlatform, apiClient, identityHeaders, type ApiClient } from '@emporium/kit/testing';
import { service } from '../src/app.ts';
import type { ProviderRegistry } from '../src/config.ts';

export const STAFF = identityHeaders({ userId: 'staff-1', roles: 'staff', email: 'staff@emporium.test' });
export const customer = (userId: string) => identityHeaders({ userId, roles: 'customer', email: `${userId}@example.com` });
export const withKey = (key: string = randomUUID(), headers: Record<string, string> = {}) => ({ headers: { 'idempotency-key': key, ...headers } });

export interface PaymentsHarness {
  platform: TestPlatform;
  api: ApiClient;
  providers: ProviderRegistry;
  /** Every table of the service's database as JSON text, to prove what is (not) stored. */
  dumpDatabase(): Promise<string>;
  count(table: string, where?: string): Promise<number>;
  query<T>(text: string): Promise<T[]>;
}

export async function startPayments(env: Record<string, string> = {}): Promise<PaymentsHarness> {
  const platform = await TestPlatform.start([service], { env: { payments: env } });
  const running = platform.service('payments');
  const db = running.deps.db;
  const query = async <T>(text: string) => rowsOf<T>(await db.execute(sql.raw(text)));
  return {
    platform,
    api: apiClient(platform.url('payments')),
    providers: (running.app as unknown as { paymentProviders: ProviderRegistry }).paymentProviders,
    query,
    count: async (table, where = 'true') => (await query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`))[0]!.n,
    dumpDatabase: async () => {
      const tables = await query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public'`);
      const parts = await Promise.all(tables.map(async ({ table_name }) => `${table_name}: ${JSON.stringify(await query(`select * from "${table_name}"`))}`));
      return parts.join('\n');
    },
  };
}

/** A valid authorize body; override what a test is about. */
export function authorizeBody(overrides: Record<string, unknown> = {}) {
  return {
    orderId: `ord_${randomUUID()}`,
    amount: 2500,
    currency: 'EUR',
    email: 'ada@example.com',
    userId: 'user-ada',
    method: { cardNumber: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' },
    ...overrides,
  };
}
