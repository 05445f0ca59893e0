import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessRulesOf, can, manifestOf, serviceManifests } from '@emporium/contracts';
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

test('catalog: reads are public, writes need catalog:write', () => {
  assert.equal(accessFor('GET', '/catalog/products'), 'public');
  assert.equal(accessFor('HEAD', '/catalog/products/p1'), 'public');
  assert.deepEqual(accessFor('POST', '/catalog/products'), { permission: 'catalog:write' });
  assert.equal(decide(accessFor('PATCH', '/catalog/products/p1'), customer), 'forbidden');
  assert.equal(decide(accessFor('PATCH', '/catalog/products/p1'), staff), 'allow');
  assert.equal(decide(accessFor('DELETE', '/catalog/products/p1'), null), 'unauthenticated');
});

test('users: session routes public, profile authenticated, list and roles admin', () => {
  for (const path of ['/users/register', '/users/login', '/users/refresh', '/users/logout']) assert.equal(accessFor('POST', path), 'public', path);
  assert.equal(accessFor('GET', '/users/me'), 'authenticated');
  assert.deepEqual(accessFor('GET', '/users'), { permission: 'users:list' });
  assert.deepEqual(accessFor('PUT', '/users/u1/roles'), { permission: 'users:write:roles' });
  assert.equal(decide(accessFor('GET', '/users'), staff), 'forbidden');
  assert.equal(decide(accessFor('GET', '/users'), admin), 'allow');
});

test('orders: guest checkout and guest tracking are public, back-office moves need their permission', () => {
  assert.equal(accessFor('POST', '/orders'), 'public');
  assert.equal(accessFor('GET', '/orders/o1'), 'public');
  assert.equal(accessFor('GET', '/orders/mine'), 'public');
  assert.deepEqual(accessFor('GET', '/orders'), { permission: 'orders:manage' });
  assert.deepEqual(accessFor('POST', '/orders/o1/refund'), { permission: 'payments:refund' });
  assert.deepEqual(accessFor('POST', '/payments/p1/refund'), { permission: 'payments:refund' });
  assert.equal(decide(accessFor('POST', '/orders/o1/cancel'), null), 'unauthenticated');
  assert.equal(decide(accessFor('POST', '/orders/o1/cancel'), customer), 'forbidden');
});

test('refunds: staff and admin may, customers may not (the table in @emporium/contracts decides)', () => {
  for (const path of ['/orders/o1/refund', '/payments/p1/refund']) {
    assert.equal(decide(accessFor('POST', path), customer), 'forbidden', path);
    assert.equal(decide(accessFor('POST', path), staff), 'allow', path);
    assert.equal(decide(accessFor('POST', path), admin), 'allow', path);
  }
});

test('every permission rule agrees with the role table', () => {
  for (const rule of accessRules) {
    if (typeof rule.access !== 'object') continue;
    for (const caller of [customer, staff, admin]) {
      assert.equal(decide(rule.access, caller) === 'allow', can(caller.roles, rule.access.permission), `${rule.path} for ${caller.roles}`);
    }
  }
});

test('cart public, notifications authenticated, inventory writes staff', () => {
  assert.equal(accessFor('POST', '/cart/c1/lines'), 'public');
  assert.equal(accessFor('GET', '/notifications/u1'), 'authenticated');
  assert.equal(accessFor('GET', '/inventory/stock/A-1'), 'public');
  assert.deepEqual(accessFor('GET', '/inventory/warehouses'), { permission: 'inventory:manage' });
  assert.deepEqual(accessFor('POST', '/inventory/stock'), { permission: 'inventory:manage' });
  assert.deepEqual(accessFor('GET', '/finance/ledger'), { permission: 'finance:read' });
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
    { methods: '*' as const, path: '/x/**', access: { permission: 'finance:read' as const } },
  ];
  assert.equal(accessFor('GET', '/x/1', rules), 'public');
  assert.deepEqual(accessFor('POST', '/x/1', rules), { permission: 'finance:read' });
  assert.ok(accessRules.length > 10);
});

test('the rules are the service manifests\' rules, so a new manifest\'s rules reach the gateway', () => {
  assert.deepEqual(accessRules, accessRulesOf(serviceManifests));
  const returns = { ...manifestOf('returns'), status: 'running' as const, access: [{ methods: ['GET'], path: '/returns/policy', access: 'public' as const }] };
  const rules = accessRulesOf([...serviceManifests.filter((m) => m.name !== 'returns'), returns]);
  assert.equal(accessFor('GET', '/returns/policy', rules), 'public');
  assert.equal(accessFor('GET', '/returns/r1', rules), 'authenticated');
});
