import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { service as users } from '@emporium/users';
import { service as catalog } from '@emporium/catalog';
import { service as inventory } from '@emporium/inventory';
import { service as payments } from '@emporium/payments';
import { service as cart } from '@emporium/cart';
import { service as orders } from '@emporium/orders';
import { service as notifications } from '@emporium/notifications';
import { service as gateway } from '@emporium/gateway';
import { eventually, usersEnv } from './helpers.ts';

/**
 * The merged OpenAPI document is what clients (the web app, generated SDKs) are built from:
 * `redocly lint` with its recommended rules must find no error in it, and every operation says
 * what it answers.
 */
const services = [users, catalog, inventory, payments, cart, orders, notifications, gateway];
type Operation = { operationId?: string; summary?: string; security?: unknown[]; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
let platform: TestPlatform;
let api: ApiClient;
let document: { paths: Record<string, Record<string, Operation>>; servers?: unknown[]; components: { securitySchemes?: Record<string, unknown> } };
const workDir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));

before(async () => {
  platform = await TestPlatform.start(services, { env: { users: usersEnv, gateway: { DOCS_CACHE_MS: '1' } } });
  api = apiClient(() => platform.url('gateway'));
  const serviceNames = services.map((s) => s.name).filter((name) => name !== 'gateway');
  document = await eventually(async () => {
    const res = await api.get('/docs/openapi.json');
    const tags = new Set((res.body.tags ?? []).map((t: { name: string }) => t.name));
    return res.status === 200 && serviceNames.every((name) => tags.has(name)) && res.body;
  }, 'the merged OpenAPI document with every service', 60_000);
});

after(async () => {
  await platform?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

const operations = () =>
  Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).filter(([method]) => method !== 'parameters').map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));

test('redocly lint (recommended rules) finds no error in the merged document', () => {
  const file = join(workDir, 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
  const report = join(workDir, 'report.json');
  const run = spawnSync(process.execPath, [cli, 'lint', file, '--extends', 'recommended', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(report, run.stdout);
  const { problems } = JSON.parse(readFileSync(report, 'utf8')) as { problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }> };
  const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
  assert.deepEqual(errors, [], `redocly errors:\n${errors.slice(0, 30).join('\n')}`);
});

test('every operation has a unique operationId, a summary, a 2xx and a 4xx problem+json answer', () => {
  const ids = new Set<string>();
  for (const { name, op } of operations()) {
    assert.ok(op.operationId && !ids.has(op.operationId), `${name}: operationId ${op.operationId}`);
    ids.add(op.operationId);
    assert.ok(op.summary, `${name}: summary`);
    assert.ok(Object.keys(op.responses).some((s) => s.startsWith('2')), `${name}: a 2xx response`);
    const clientError = Object.entries(op.responses).find(([s]) => s.startsWith('4'));
    assert.ok(clientError?.[1].content?.['application/problem+json'], `${name}: a 4xx problem+json response`);
  }
});

test('the document names the gateway as its server, bearer JWT as its scheme, and protected operations need it', () => {
  assert.ok(Array.isArray(document.servers) && document.servers.length > 0);
  assert.deepEqual(document.components.securitySchemes?.bearer, { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const op = (path: string, method: string) => document.paths[path]?.[method];
  assert.deepEqual(op('/api/v1/users/me', 'get')?.security, [{ bearer: [] }]);
  assert.deepEqual(op('/api/v1/catalog/products/{id}/variants', 'post')?.security, [{ bearer: [] }]);
  // Public: a token is optional (a guest's cart, or a signed-in customer's).
  assert.deepEqual(op('/api/v1/catalog/products', 'get')?.security, [{}, { bearer: [] }]);
});

test('public routes declare what they answer: a product list names its items', () => {
  const list = op200('/api/v1/catalog/products', 'get');
  assert.ok(JSON.stringify(list).includes('items'), 'the product list response schema names items');
  function op200(path: string, method: string) {
    return document.paths[path]?.[method]?.responses['200']?.content?.['application/json']?.schema;
  }
});
