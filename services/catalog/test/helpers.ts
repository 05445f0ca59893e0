import assert from 'node:assert/strict';
import { identityHeaders, type ApiResponse } from '@emporium/kit/testing';

/** The identity the gateway signs for a signed-in user. */
export const as = (role: 'staff' | 'admin' | 'customer', userId = `${role}-1`) => ({ headers: identityHeaders({ userId, roles: role, email: `${userId}@example.com` }) });
export const staff = as('staff');
export const customer = as('customer');

export function assertProblem(res: ApiResponse, status: number, field?: string): void {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal(res.body.status, status);
  if (field) assert.match(JSON.stringify(res.body), new RegExp(field.replace('.', '\\.')), `problem should name ${field}: ${JSON.stringify(res.body)}`);
}

/** Waits for a condition that an asynchronous process (the outbox relay) makes true. */
export async function eventually(check: () => boolean, what: string, deadlineMs = 15_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
