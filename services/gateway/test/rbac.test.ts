import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessFor, decide, pathMatches, accessRules } from '../src/domain/rbac.ts';

const customer = { userId: 'u1', roles: ['customer'] as const };
const staff = { userId: 'u2', roles: ['staff'] as const };
const admin = { userId: 'u3', roles: ['admin'] as const };

test('patterns: * is one segment, trailing ** is any rest including none', () => {
  assert.equal(pathMatches('/catalog/**', '/catalog'), true);
  assert.equal(pathMatches('/catalog/**', '/catalog/products/p1'), true);
  assert.equal(pathMatches('/catalog/**', '/catalogue'), false);
  assert.equal(pathMatches('/users/*/roles/**', '/users/u1/roles'), true);
  assert.equal(pathMatches('/users/*/roles/**', '/users/roles'), false);
  assert.equal(pathMatches('/orders', '/orders/o1'), false);
});

test('catalog: reads are public, writes need staff or admin', () => {
  assert.equal(accessFor('GET', '/catalog/products'), 'public');
  assert.equal(accessFor('HEAD', '/catalog/products/p1'), 'public');
  assert.deepEqual(accessFor('POST', '/catalog/products'), ['staff', 'admin']);
  assert.equal(decide(accessFor('PATCH', '/catalog/products/p1'), customer), 'forbidden');
  assert.equal(decide(accessFor('PATCH', '/catalog/products/p1'), staff), 'allow');
  assert.equal(decide(accessFor('DELETE', '/catalog/products/p1'), null), 'unauthenticated');
});

test('users: session routes public, profile authenticated, list and roles admin', () => {
  for (const path of ['/users/register', '/users/login', '/users/refresh', '/users/logout']) assert.equal(accessFor('POST', path), 'public', path);
  assert.equal(accessFor('GET', '/users/me'), 'authenticated');
  assert.deepEqual(accessFor('GET', '/users'), ['admin']);
  assert.deepEqual(accessFor('PUT', '/users/u1/roles'), ['admin']);
  assert.equal(decide(accessFor('GET', '/users'), staff), 'forbidden');
  assert.equal(decide(accessFor('GET', '/users'), admin), 'allow');
});

test('orders: guest checkout and guest tracking are public, the rest needs a user', () => {
  assert.equal(accessFor('POST', '/orders'), 'public');
  assert.equal(accessFor('GET', '/orders/o1'), 'public');
  assert.equal(accessFor('GET', '/orders'), 'authenticated');
  assert.equal(accessFor('POST', '/orders/o1/refund'), 'authenticated');
  assert.equal(decide(accessFor('POST', '/orders/o1/cancel'), null), 'unauthenticated');
});

test('cart public, notifications authenticated, inventory writes staff', () => {
  assert.equal(accessFor('POST', '/cart/c1/lines'), 'public');
  assert.equal(accessFor('GET', '/notifications/u1'), 'authenticated');
  assert.equal(accessFor('GET', '/inventory/stock/A-1'), 'public');
  assert.deepEqual(accessFor('POST', '/inventory/stock'), ['staff', 'admin']);
  assert.deepEqual(accessFor('GET', '/finance/ledger'), ['admin']);
});

test('anything unlisted needs a signed-in user', () => {
  assert.equal(accessFor('GET', '/demo/anything'), 'authenticated');
  assert.equal(decide('authenticated', customer), 'allow');
  assert.equal(decide('authenticated', null), 'unauthenticated');
  assert.equal(decide('public', null), 'allow');
});

test('first matching rule wins', () => {
  const rules = [
    { methods: ['GET'], path: '/x/**', access: 'public' as const },
    { methods: '*' as const, path: '/x/**', access: ['admin'] as const },
  ];
  assert.equal(accessFor('GET', '/x/1', rules), 'public');
  assert.deepEqual(accessFor('POST', '/x/1', rules), ['admin']);
  assert.ok(accessRules.length > 10);
});
