import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideLink } from '../src/domain/account-linking.ts';

const identity = { issuer: 'https://id.example', subject: 'sub-1', email: 'ada@example.com', emailVerified: true };

test('a provider account linked before signs in as its user, whatever its email says now', () => {
  assert.deepEqual(decideLink({ ...identity, emailVerified: false }, { linkedUserId: 'u1', userWithEmail: { id: 'u2', emailVerified: true } }), { kind: 'returning', userId: 'u1' });
});

test('a verified email links to the account that has it, or founds a new one', () => {
  assert.deepEqual(decideLink(identity, { userWithEmail: { id: 'u2', emailVerified: true } }), { kind: 'link', userId: 'u2', takeOver: false });
  assert.deepEqual(decideLink(identity, {}), { kind: 'create', email: 'ada@example.com' });
});

test('an unverified or missing email neither links nor creates', () => {
  assert.equal(decideLink({ ...identity, emailVerified: false }, { userWithEmail: { id: 'u2', emailVerified: true } }).kind, 'refuse');
  assert.equal(decideLink({ ...identity, emailVerified: false }, {}).kind, 'refuse');
  assert.equal(decideLink({ ...identity, email: undefined }, {}).kind, 'refuse');
});

test('a local account that never proved its email is taken over by the provider-verified owner', () => {
  // Someone may have registered the victim's address first; the provider's verified owner wins it.
  assert.deepEqual(decideLink(identity, { userWithEmail: { id: 'u2', emailVerified: false } }), { kind: 'link', userId: 'u2', takeOver: true });
});
