import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, placeholdersOf, renderTemplate, TemplateRenderError, textFromHtml } from '../src/domain/render.ts';

test('fills placeholders in subject and body, with or without inner spaces', () => {
  const out = renderTemplate({ subject: 'Order {{orderId}}', body: 'Hi {{ name }}, order {{orderId}}', format: 'text' }, { orderId: 'o-1', name: 'Ada' });
  assert.deepEqual(out, { subject: 'Order o-1', body: 'Hi Ada, order o-1' });
});

test('html bodies escape values; text bodies and subjects do not', () => {
  const vars = { carrier: '<b>Fast & "Co"</b>' };
  const html = renderTemplate({ subject: 'Via {{carrier}}', body: '<p>{{carrier}}</p>', format: 'html' }, vars);
  assert.equal(html.body, '<p>&lt;b&gt;Fast &amp; &quot;Co&quot;&lt;/b&gt;</p>');
  assert.equal(html.subject, 'Via <b>Fast & "Co"</b>');
  const text = renderTemplate({ subject: 's', body: '{{carrier}}', format: 'text' }, vars);
  assert.equal(text.body, '<b>Fast & "Co"</b>');
});

test('a missing variable is a render error naming every missing one', () => {
  assert.throws(
    () => renderTemplate({ subject: '{{a}} {{b}}', body: '{{c}} {{a}}', format: 'text' }, { b: 1 }),
    (error: unknown) => error instanceof TemplateRenderError && JSON.stringify(error.missing) === '["a","c"]' && /a, c/.test(error.message),
  );
});

test('values that look like placeholders are not expanded again', () => {
  const out = renderTemplate({ subject: '{{x}}', body: '{{x}}', format: 'text' }, { x: '{{y}}', y: 'nope' });
  assert.equal(out.body, '{{y}}');
});

test('numbers render, zero included; non-placeholders stay as written', () => {
  const out = renderTemplate({ subject: '{{n}} left', body: '{not} {{ }} {{9x}}', format: 'text' }, { n: 0 });
  assert.equal(out.subject, '0 left');
  assert.equal(out.body, '{not} {{ }} {{9x}}');
});

test('placeholdersOf lists each name once, and escapeHtml covers quotes', () => {
  assert.deepEqual(placeholdersOf({ subject: '{{a}}{{b}}', body: '{{a}}' }), ['a', 'b']);
  assert.equal(escapeHtml(`'&'`), '&#39;&amp;&#39;');
});

test('the text alternative of an html body drops tags and decodes entities', () => {
  assert.equal(textFromHtml('<p>Order <strong>o-1</strong> &amp; more</p><p>Line&nbsp;two<br>three</p>'), 'Order o-1 & more\nLine two\nthree');
});
