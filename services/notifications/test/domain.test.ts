import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMinorUnits } from '../src/domain/money.ts';
import { nextAttemptAt } from '../src/domain/retry.ts';
import { builtinTemplate, builtinTemplateKeys, locales, notifiedEvents, sampleVariables, templateVariables } from '../src/domain/templates.ts';
import { renderTemplate } from '../src/domain/render.ts';

test('money is formatted from minor units per currency and locale', () => {
  assert.equal(formatMinorUnits(123456, 'USD', 'en'), '$1,234.56');
  assert.equal(formatMinorUnits(5, 'USD', 'en'), '$0.05');
  assert.equal(formatMinorUnits(1234, 'EUR', 'es'), '12,34\u00a0€');
  assert.equal(formatMinorUnits(1500, 'JPY', 'en'), '¥1,500');
  assert.equal(formatMinorUnits(99_999_999_999, 'USD', 'en'), '$999,999,999.99');
});

test('every built-in template renders with its event variables in every locale', () => {
  const keys = builtinTemplateKeys();
  assert.equal(keys.length, notifiedEvents.length * locales.length);
  for (const key of keys) {
    const out = renderTemplate(builtinTemplate(key)!, sampleVariables(key.eventType, key.locale));
    assert.doesNotMatch(`${out.subject}${out.body}`, /\{\{/, `${key.eventType}/${key.locale}`);
  }
});

test('order.paid variables carry the formatted total and item count', () => {
  const vars = templateVariables('order.paid', { orderId: 'o-9', userId: null, email: 'a@b.co', total: 2599, currency: 'EUR', paymentId: 'p', lines: [{ sku: 'A', quantity: 2, unitPrice: 1000 }, { sku: 'B', quantity: 1, unitPrice: 599 }] }, 'es');
  assert.equal(vars.total, '25,99\u00a0€');
  assert.equal(vars.itemCount, 3);
  assert.equal(vars.orderId, 'o-9');
});

test('retries back off exponentially, capped, and stop after the last attempt', () => {
  const now = new Date('2025-01-01T00:00:00Z');
  const policy = { maxAttempts: 5, baseMs: 1000, maxMs: 5000 };
  const delay = (attempts: number) => nextAttemptAt(attempts, now, policy)!.getTime() - now.getTime();
  assert.deepEqual([1, 2, 3, 4].map(delay), [1000, 2000, 4000, 5000]);
  assert.equal(nextAttemptAt(5, now, policy), null);
});
