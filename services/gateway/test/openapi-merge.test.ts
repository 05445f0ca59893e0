import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeOpenApi } from '../src/domain/openapi.ts';

/** What clients generated from the merged document rely on: ids, summaries, errors and security. */
const merged = mergeOpenApi({ openapi: '3.0.3', paths: { '/registry': { get: { responses: { 200: { description: 'ok' } } } } } }, [
  {
    service: 'catalog',
    doc: {
      paths: {
        '/catalog/products': {
          get: { summary: 'List products', responses: { 200: { description: 'ok' } } },
          post: { responses: { 201: { description: 'created' } } },
        },
        '/catalog/products/{id}': { get: { responses: { 200: { description: 'ok' }, 404: { description: 'none', content: { 'application/problem+json': {} } } } } },
      },
    },
  },
  { service: 'users', doc: { paths: { '/users/me': { get: { operationId: 'me', responses: { 200: { description: 'ok' } } } } } } },
]);
const op = (path: string, method: string) => merged.paths![path]![method] as Record<string, any>;

test('operations get an operationId from method and path unless they name one, and a summary', () => {
  assert.equal(op('/api/v1/catalog/products', 'post').operationId, 'postCatalogProducts');
  assert.equal(op('/api/v1/catalog/products/{id}', 'get').operationId, 'getCatalogProductsById');
  assert.equal(op('/api/v1/users/me', 'get').operationId, 'me');
  assert.equal(op('/api/v1/catalog/products', 'get').summary, 'List products');
  assert.equal(op('/api/v1/catalog/products', 'post').summary, 'POST /api/v1/catalog/products');
});

test('every operation can answer a problem+json 4xx; declared 4xx answers are kept as they are', () => {
  assert.deepEqual(op('/api/v1/catalog/products', 'get').responses['4XX'].content['application/problem+json'].schema, { $ref: '#/components/schemas/Problem' });
  assert.equal(op('/api/v1/catalog/products/{id}', 'get').responses['4XX'], undefined);
  assert.equal(op('/registry', 'get').responses['4XX'].description.includes('problem+json'), true);
  const problem = merged.components!.schemas!.Problem as { required: string[] };
  assert.deepEqual([...problem.required].sort(), ['detail', 'status', 'title', 'type']);
});

test("security follows the gateway's access rules: optional token when public, bearer and the permission otherwise", () => {
  assert.deepEqual(op('/api/v1/catalog/products', 'get').security, [{}, { bearer: [] }]);
  assert.deepEqual(op('/api/v1/catalog/products', 'post').security, [{ bearer: [] }]);
  assert.match(op('/api/v1/catalog/products', 'post').description, /`catalog:write` permission/);
  assert.deepEqual(op('/api/v1/users/me', 'get').security, [{ bearer: [] }]);
  assert.match(op('/api/v1/users/me', 'get').description, /signed-in user/);
  assert.deepEqual(op('/registry', 'get').security, [{ registryToken: [] }]);
  assert.deepEqual(merged.servers, [{ url: '/', description: 'The gateway serving this document' }]);
});
