import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProvider, isProviderName, last4, minorToDecimal, currencyExponent, isLuhnValid } from '../../src/providers/index.ts';

test('last4 keeps only the last four digits', () => {
  assert.equal(last4('4242424242424242'), '4242');
  assert.equal(last4('4000 0000 0000 9995'), '9995');
  assert.throws(() => last4('12'));
});

test('minor units convert to decimal major units by the currency exponent', () => {
  assert.equal(minorToDecimal(1999, 'EUR'), 19.99);
  assert.equal(minorToDecimal(5, 'BRL'), 0.05);
  assert.equal(minorToDecimal(100, 'USD'), 1);
  assert.equal(minorToDecimal(1999, 'CLP'), 1999);
  assert.equal(minorToDecimal(1999, 'JPY'), 1999);
  assert.equal(minorToDecimal(5, 'KWD'), 0.005);
  // Values that go wrong with float division and rounding.
  assert.equal(minorToDecimal(1_000_000_000_01, 'ARS'), 1_000_000_000.01);
  assert.equal(minorToDecimal(29, 'MXN'), 0.29);
  assert.equal(currencyExponent('usd'), 2);
  assert.throws(() => minorToDecimal(1.5, 'EUR'));
  assert.throws(() => minorToDecimal(-1, 'EUR'));
});

test('the Luhn check accepts real test numbers and rejects typos', () => {
  assert.ok(isLuhnValid('4242424242424242'));
  assert.ok(isLuhnValid('378282246310005'));
  assert.ok(!isLuhnValid('4242424242424241'));
  assert.ok(!isLuhnValid('42424242abcd4242'));
});

test('createProvider builds each provider by name', () => {
  assert.equal(createProvider('sandbox', {}).name, 'sandbox');
  assert.equal(createProvider('stripe', { secretKey: 'sk_test_x', webhookSecret: 'whsec_x' }).name, 'stripe');
  assert.equal(createProvider('mercadopago', { accessToken: 'TEST-x', webhookSecret: 'secret' }).name, 'mercadopago');
  assert.ok(isProviderName('stripe'));
  assert.ok(!isProviderName('paypal'));
  assert.throws(() => createProvider('paypal' as 'sandbox', {}));
});
