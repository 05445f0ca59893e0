import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveProxyTarget } from '../src/domain/routing.ts';
import { InstanceRegistry, instanceUrlProblem } from '../src/domain/registry.ts';
import { clientIp, clientResponseHeaders, upstreamRequestHeaders } from '../src/domain/headers.ts';
import { mergeOpenApi } from '../src/domain/openapi.ts';
import { knownServices } from '../src/domain/services.ts';

const known = knownServices('demo');

test('routing keeps the path and query under the service, normalising dot segments', () => {
  assert.deepEqual(resolveProxyTarget('/api/v1/catalog/products?q=a&page=2', known), { kind: 'proxy', service: 'catalog', path: '/catalog/products', search: '?q=a&page=2' });
  assert.deepEqual(resolveProxyTarget('/api/v1/orders', known), { kind: 'proxy', service: 'orders', path: '/orders', search: '' });
  assert.equal(resolveProxyTarget('/api/v1/catalog/../internal/prices', known).kind, 'unknown-service');
  assert.equal(resolveProxyTarget('/api/v1/catalog/%2E%2E/internal/prices', known).kind, 'unknown-service');
  assert.equal(resolveProxyTarget('/api/v1/internal/x', known).kind, 'unknown-service');
  assert.equal(resolveProxyTarget('/api/v1/gateway/registry', known).kind, 'unknown-service');
  assert.equal(resolveProxyTarget('/api/v1/', known).kind, 'unknown-service');
  assert.equal(resolveProxyTarget('/api/v1/demo/x', known).kind, 'proxy');
  assert.equal(resolveProxyTarget('/api/v1/demo/x', knownServices(undefined)).kind, 'unknown-service');
});

test('registry: heartbeats expire after the ttl', () => {
  const registry = new InstanceRegistry(15_000);
  registry.heartbeat('cart', 'http://10.0.0.2:8002/', 1_000);
  assert.deepEqual(registry.instances('cart', ['http://10.0.0.1:8002'], 2_000).map((i) => [i.url, i.source]), [
    ['http://10.0.0.1:8002', 'directory'],
    ['http://10.0.0.2:8002', 'heartbeat'],
  ]);
  assert.equal(registry.instances('cart', [], 15_999).length, 1);
  assert.equal(registry.instances('cart', [], 16_000).length, 0);
  registry.heartbeat('cart', 'http://10.0.0.2:8002', 16_000);
  assert.equal(registry.instances('cart', [], 30_000).length, 1, 'a new heartbeat renews the instance');
});

test('registry: round-robin over healthy instances, unhealthy ones only as fallback', () => {
  const registry = new InstanceRegistry(15_000);
  const urls = ['http://a', 'http://b', 'http://c'];
  const firstPicks = () => registry.candidates('cart', urls, 0)[0]!.url;
  // nothing checked yet: all take turns
  assert.deepEqual([firstPicks(), firstPicks(), firstPicks(), firstPicks()], ['http://a', 'http://b', 'http://c', 'http://a']);
  registry.markHealth('cart', 'http://a', 'healthy', 0);
  registry.markHealth('cart', 'http://b', 'unhealthy', 0);
  registry.markHealth('cart', 'http://c', 'healthy', 0);
  const picks = Array.from({ length: 4 }, firstPicks);
  assert.deepEqual(new Set(picks), new Set(['http://a', 'http://c']));
  assert.equal(registry.candidates('cart', urls, 0).at(-1)!.url, 'http://b', 'unhealthy instance is the last resort');
  assert.deepEqual(registry.candidates('nothing', [], 0), []);
});

test('headers: hop-by-hop and spoofed identity dropped, the signed identity and request id set, forwarded-for replaced', () => {
  const out = upstreamRequestHeaders(
    { host: 'gw', connection: 'keep-alive, x-secret-hop', 'x-secret-hop': '1', 'keep-alive': 'timeout=5', 'content-type': 'application/json', 'content-length': '10', 'x-user-id': 'evil', 'x-user-roles': 'admin', 'x-internal-token': 'forged', accept: ['a', 'b'] },
    { requestId: 'r1', identityToken: 'signed-by-gateway', clientIp: '1.2.3.4', protocol: 'http', host: 'gw' },
  );
  assert.deepEqual(out, {
    'content-type': 'application/json',
    accept: 'a, b',
    'x-request-id': 'r1',
    'x-forwarded-for': '1.2.3.4',
    'x-forwarded-proto': 'http',
    'x-forwarded-host': 'gw',
    'x-internal-token': 'signed-by-gateway',
  });
  // A client's own forwarding chain never reaches a service: only the address the gateway determined.
  const anonymous = upstreamRequestHeaders({ 'x-user-email': 'a@b.c', 'x-forwarded-for': '9.9.9.9', forwarded: 'for=9.9.9.9' }, { requestId: 'r2', identityToken: 't', clientIp: '1.2.3.4', protocol: 'https' });
  assert.equal(anonymous['x-user-email'], undefined);
  assert.equal(anonymous['x-forwarded-for'], '1.2.3.4');
  assert.equal(anonymous.forwarded, undefined);

  const back = clientResponseHeaders([['content-type', 'text/plain'], ['transfer-encoding', 'chunked'], ['content-encoding', 'gzip'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2']]);
  assert.deepEqual(back, { 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] });
});

test('client ip trusts forwarded-for only for the configured proxy hops', () => {
  assert.equal(clientIp('10.0.0.5', '1.1.1.1', 0), '10.0.0.5');
  assert.equal(clientIp('10.0.0.5', '6.6.6.6, 1.1.1.1', 1), '1.1.1.1');
  assert.equal(clientIp('10.0.0.5', '6.6.6.6, 1.1.1.1, 10.0.0.4', 2), '1.1.1.1');
  assert.equal(clientIp('10.0.0.5', undefined, 1), '10.0.0.5');
  // More hops trusted than entries sent: the left-most entry there is, never past the chain.
  assert.equal(clientIp('10.0.0.5', '1.1.1.1', 5), '1.1.1.1');
});

test('registry: instance URLs must be plain http(s) on a private network or an allowed host', () => {
  for (const url of ['http://127.0.0.1:8001', 'http://10.1.2.3:8001', 'https://172.20.0.9', 'http://192.168.1.5:80/', 'http://[::1]:8001', 'http://localhost:8001', 'http://catalog:8001', 'http://catalog.emporium.svc.cluster.local:8001']) {
    assert.equal(instanceUrlProblem(url, ['catalog', '*.svc.cluster.local']), null, url);
  }
  const refused: Array<[string, RegExp]> = [
    ['ftp://10.0.0.1', /http or https/],
    ['http://user:pw@10.0.0.1', /credentials/],
    ['http://10.0.0.1/?q=1', /query/],
    ['http://169.254.169.254/latest/meta-data', /not on a loopback or private network/],
    ['http://8.8.8.8', /not on a loopback or private network/],
    ['http://evil.example.com', /not an allowed registry host/],
    ['http://catalog:8001', /not an allowed registry host/],
    ['not a url', /not a valid URL/],
  ];
  for (const [url, reason] of refused) assert.match(instanceUrlProblem(url, [url === 'http://catalog:8001' ? 'cart' : '*.svc.cluster.local']) ?? 'accepted', reason, url);
});

test('openapi merge prefixes paths, drops internal ones, tags and namespaces components', () => {
  const merged = mergeOpenApi({ openapi: '3.0.3', paths: { '/registry': { get: {} } } }, [
    {
      service: 'catalog',
      doc: {
        paths: {
          '/catalog/products': { get: { responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Product' } } } } } } },
          '/internal/prices': { get: {} },
        },
        components: { schemas: { Product: { type: 'object' } } },
      },
    },
    { service: 'cart', doc: { paths: { '/cart/{id}': { get: {}, parameters: [] } }, components: { schemas: { Product: { type: 'string' } } } } },
  ]);
  assert.deepEqual(Object.keys(merged.paths!).sort(), ['/api/v1/cart/{id}', '/api/v1/catalog/products', '/registry']);
  const op = merged.paths!['/api/v1/catalog/products']!.get as { tags: string[]; responses: Record<string, any> };
  assert.deepEqual(op.tags, ['catalog']);
  assert.equal(op.responses[200].content['application/json'].schema.$ref, '#/components/schemas/catalog.Product');
  const { Problem: _problem, ...serviceSchemas } = merged.components!.schemas!;
  assert.deepEqual(serviceSchemas, { 'catalog.Product': { type: 'object' }, 'cart.Product': { type: 'string' } });
  assert.deepEqual(merged.paths!['/api/v1/cart/{id}']!.parameters, []);
});
