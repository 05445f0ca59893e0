import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceDirectory } from '@emporium/kit';
import { InstanceRegistry } from '../src/domain/registry.ts';
import { UpstreamPool } from '../src/upstream/pool.ts';

// A slow upstream (it answers only when the test lets it) next to one that refuses connections.
const held: Array<() => void> = [];
const slow: Server = createServer((_request, response) => {
  held.push(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
});
after(() => {
  for (const release of held.splice(0)) release();
  slow.closeAllConnections();
  slow.close();
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function refusingUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return url;
}

test('timeouts of a slow upstream do not open its circuit; refused connections do', async () => {
  const slowUrl = await listen(slow);
  const directory = new ServiceDirectory({ SERVICE_URLS: `slow=${slowUrl},dead=${await refusingUrl()}` });
  const pool = new UpstreamPool({ registry: new InstanceRegistry(60_000), directory, timeoutMs: 1_000, breakerResetMs: 60_000 });
  try {
    for (let i = 0; i < 4; i++) {
      await assert.rejects(pool.send('slow', { method: 'POST', path: '/orders', headers: {} }), (e: { status: number; detail: string }) => e.status === 503 && /timed out/.test(e.detail));
    }
    assert.equal(pool.circuitState(slowUrl), 'closed');
    // Still closed: a slow but successful answer goes through.
    held.splice(0).forEach((release) => release());
    const answer = pool.send('slow', { method: 'GET', path: '/orders/1', headers: {} });
    while (held.length === 0) await new Promise((resolve) => setImmediate(resolve));
    held.splice(0).forEach((release) => release());
    assert.equal((await answer).status, 200);

    const deadUrl = directory.url('dead');
    for (let i = 0; i < 3; i++) await assert.rejects(pool.send('dead', { method: 'GET', path: '/x', headers: {} }));
    assert.equal(pool.circuitState(deadUrl), 'open');
  } finally {
    pool.shutdown();
  }
});
