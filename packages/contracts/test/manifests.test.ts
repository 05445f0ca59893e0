import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { eventSchemas, runningServices, serviceManifests, startOrder, type ServiceManifest } from '../src/index.ts';

const servicesDir = new URL('../../../services/', import.meta.url);

test('every service folder has a running manifest and every running manifest a folder', () => {
  const folders = readdirSync(servicesDir, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/src/app.ts`, servicesDir))).map((d) => d.name).sort();
  assert.deepEqual(runningServices().map((m) => m.name).sort(), folders);
});

test('names and ports are unique; each access rule covers only its own service', () => {
  assert.equal(new Set(serviceManifests.map((m) => m.name)).size, serviceManifests.length);
  assert.equal(new Set(serviceManifests.map((m) => m.port)).size, serviceManifests.length);
  for (const m of serviceManifests) for (const rule of m.access) assert.ok(rule.path === `/${m.name}` || rule.path.startsWith(`/${m.name}/`), `${m.name}: ${rule.path}`);
});

test('every consumed event has a running producer; calls name known services', () => {
  const published = new Set(runningServices().flatMap((m) => m.publishes));
  for (const m of runningServices()) {
    for (const event of m.consumes) assert.ok(published.has(event) && event in eventSchemas, `${m.name} consumes ${event}, which nobody publishes`);
    for (const callee of m.calls) assert.ok(runningServices().some((s) => s.name === callee), `${m.name} calls unknown ${callee}`);
  }
});

test('start order: consumers before producers, startsAfter honoured, the edge last', () => {
  const order = startOrder();
  const at = (name: string) => order.indexOf(name);
  assert.ok(at('inventory') < at('catalog'), 'inventory hears the demo products');
  assert.ok(at('notifications') < at('orders') && at('notifications') < at('users'));
  assert.equal(order.at(-1), 'gateway');
  assert.equal(order.length, runningServices().length);
});

test('start order is derived from the events (and refuses a cycle)', () => {
  const base = { status: 'running', calls: [], access: [] } as const;
  const a: ServiceManifest = { ...base, name: 'a', port: 1, summary: '', publishes: ['order.paid'], consumes: [] };
  const b: ServiceManifest = { ...base, name: 'b', port: 2, summary: '', publishes: [], consumes: ['order.paid'] };
  assert.deepEqual(startOrder([a, b]), ['b', 'a']);
  const c: ServiceManifest = { ...a, consumes: ['user.registered'] };
  const d: ServiceManifest = { ...b, publishes: ['user.registered'] };
  assert.throws(() => startOrder([c, d]), /cycle among: a, b/);
});
