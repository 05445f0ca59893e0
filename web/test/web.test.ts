import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { TestPlatform, apiClient, type ApiClient } from '@emporium/kit/testing';
import { platformServices } from '../../scripts/platform-services.ts';
import { adminCredentials, eventually, login, usersEnv } from '../../e2e/helpers.ts';
import { fetchMergedDocument, renderTypes, schemaFile } from '../scripts/openapi.ts';
import { decodedText, startSmtpServer } from '../../e2e/smtp.ts';
import { artifactsDir, launchBrowser, newContext, screenshots, seriousViolations } from './browser.ts';

// The storefront and back office in Chromium against the whole platform, served by the gateway.
// Browser tests need nothing of the storage mode, so they run once: in embedded mode.
const skip = process.env.DATABASE_URL ? 'browser tests run once, in embedded mode' : false;

const goodCard = '4242424242424242';
const declinedCard = '4000000000000002';
const customer = { email: 'shopper@web.test', password: 'shopper-password-1' };

describe('web app', { skip }, () => {
  let platform: TestPlatform;
  let api: ApiClient;
  let browser: Browser;
  let gatewayUrl: string;
  let adminToken: string;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  /** The token of the newest emailed link to `page` (verify-email, reset-password) sent to `to`. */
  const emailedToken = (to: string, page: string): Promise<string> => eventually(async () => {
    const mail = [...smtp.inbox].reverse().find((m) => m.to.includes(to) && decodedText(m).includes(`/account/${page}?token=`));
    return mail && new RegExp(`/account/${page}\\?token=([A-Za-z0-9_-]+)`).exec(decodedText(mail))?.[1];
  }, `a ${page} link mailed to ${to}`);

  const productId = async (q: string): Promise<string> => (await api.get(`/api/v1/catalog/products?q=${encodeURIComponent(q)}`)).body.items[0].id;

  before(async () => {
    rmSync(artifactsDir, { recursive: true, force: true }); // screenshots of this run only
    const build = spawnSync(process.execPath, [new URL('../../scripts/build-web.mjs', import.meta.url).pathname], { stdio: 'inherit' });
    assert.equal(build.status, 0, 'the web app builds');
    smtp = await startSmtpServer();
    platform = await TestPlatform.start(await platformServices(), {
      env: {
        users: { ...usersEnv, APP_URL: 'https://shop.example' },
        notifications: { SMTP_URL: smtp.url },
        catalog: { SEED_DEMO: '1' },
        inventory: { SEED_DEMO: '1' },
        // generous timeouts: on a loaded CI machine a slow answer must not pass for a service being down
        gateway: { RATE_LIMIT_MAX: '100000', UPSTREAM_TIMEOUT_MS: '60000', HEALTH_CHECK_TIMEOUT_MS: '20000' },
        orders: { ORDERS_UPSTREAM_TIMEOUT_MS: '30000' },
        cart: { CATALOG_TIMEOUT_MS: '20000' },
      },
    });
    gatewayUrl = platform.url('gateway');
    api = apiClient(gatewayUrl);
    adminToken = (await login(api, adminCredentials.email, adminCredentials.password)).accessToken;
    // The demo seed stocks products, not their size variants: stock the ones the shoppers buy.
    await eventually(async () => (await api.get('/api/v1/inventory/stock/AP-HOO-012')).body?.totals?.available > 0, 'demo stock');
    for (const sku of ['FW-RUN-001-43', 'AP-TSH-011-M']) {
      const stocked = await api.put(`/api/v1/inventory/stock/${sku}`, { warehouseId: 'main', onHand: 50 }, { token: adminToken });
      assert.equal(stocked.status, 200, JSON.stringify(stocked.body));
    }
    const code = await api.post('/api/v1/cart/discount-codes', { code: 'WEB10', kind: 'percentage', value: 10 }, { token: adminToken });
    assert.equal(code.status, 201, JSON.stringify(code.body));
    const hour = 3_600_000;
    const offer = await api.post('/api/v1/catalog/offers', {
      name: 'Winter sale', kind: 'percentage', value: 20, productIds: [await productId('noise cancelling headphones')],
      startsAt: new Date(Date.now() - hour).toISOString(), endsAt: new Date(Date.now() + 24 * hour).toISOString(),
    }, { token: adminToken });
    assert.equal(offer.status, 201, JSON.stringify(offer.body));
    const registered = await api.post('/api/v1/users/register', { ...customer, name: 'Shopper' });
    assert.ok(registered.status < 300, JSON.stringify(registered.body));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await platform?.stop();
    await smtp?.close();
  });

  test('committed API types match the merged OpenAPI document of the services', async () => {
    const expected = await renderTypes(await fetchMergedDocument(gatewayUrl));
    const committed = readFileSync(schemaFile, 'utf8');
    const firstDifference = expected.split('\n').findIndex((line, i) => line !== committed.split('\n')[i]);
    assert.ok(committed === expected, `web/src/api/schema.d.ts differs from the services' API at line ${firstDifference + 1}: run \`npm run api-types -w web\``);
  });

  test('the gateway serves the app with caching headers and leaves platform paths alone', async () => {
    const html = { accept: 'text/html,application/xhtml+xml' };
    for (const path of ['/', '/products/some-id', '/admin/orders']) {
      const res = await fetch(gatewayUrl + path, { headers: html });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('cache-control'), 'no-cache', path);
      assert.match(await res.text(), /<div id="root"><\/div>/, path);
    }
    const index = await (await fetch(`${gatewayUrl}/`)).text();
    const script = index.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    assert.ok(script, 'index.html loads a hashed script');
    const asset = await fetch(gatewayUrl + script);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type') ?? '', /javascript/);
    assert.match(asset.headers.get('cache-control') ?? '', /max-age=31536000.*immutable/);
    assert.equal((await fetch(`${gatewayUrl}/assets/index-missing.js`)).status, 404);
    for (const escape of ['/..%2f..%2fpackage.json', '/assets/..%2f..%2f..%2fpackage.json', '/%E0%A4%A.js']) {
      assert.notEqual((await fetch(gatewayUrl + escape)).status, 200, `${escape} stays inside the build`);
    }

    for (const path of ['/api/v1/nope', '/api/v1/catalog/products/00000000-0000-0000-0000-000000000000', '/health/nope', '/docs/nope']) {
      const res = await fetch(gatewayUrl + path, { headers: html });
      assert.equal(res.status, 404, path);
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/, path);
    }
    assert.equal((await fetch(`${gatewayUrl}/health`, { headers: html })).headers.get('content-type')?.startsWith('application/json'), true);
    assert.equal((await fetch(`${gatewayUrl}/docs/openapi.json`)).status, 200);
    const unknownForApiClient = await fetch(`${gatewayUrl}/no-such-page`, { headers: { accept: 'application/json' } });
    assert.equal(unknownForApiClient.status, 404);
    assert.match(unknownForApiClient.headers.get('content-type') ?? '', /problem\+json/);
  });

  /** A fresh browser profile for one flow; a failing flow leaves a screenshot of where it stopped. */
  async function withPage(name: string, flow: (page: Page) => Promise<void>, locale?: string): Promise<void> {
    const context = await newContext(browser, gatewayUrl, locale);
    const page = await context.newPage();
    try {
      await flow(page);
    } catch (error) {
      await page.screenshot({ path: `${artifactsDir}${name}-failure.png`, fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  }

  async function addToCart(page: Page, product: string, size: string): Promise<void> {
    await page.goto(`/products/${await productId(product)}`);
    await page.getByRole('radio', { name: size, exact: true }).check();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart.').waitFor();
  }

  async function fillCheckout(page: Page, email: string, card: string): Promise<void> {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Full name').fill('Ana Guest');
    await page.getByLabel('Address', { exact: true }).fill('Rua Augusta 10');
    await page.getByLabel('Postal code').fill('1100-053');
    await page.getByLabel('City').fill('Lisbon');
    await page.getByLabel('Country').selectOption('PT');
    await page.getByLabel('Card number').fill(card);
    await page.getByLabel('CVC').fill('123');
  }

  test('a guest searches, picks a variant, applies a code and checks out to the confirmation', async () => {
    await withPage('guest-checkout', async (page) => {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Shop by category' }).waitFor();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content', 'the first Tab reaches the skip link');
      await page.getByRole('link', { name: 'Footwear' }).first().waitFor();
      const onOffer = page.getByTestId('offers').getByRole('listitem').filter({ hasText: 'Noise Cancelling Headphones' });
      await onOffer.waitFor();
      assert.match((await onOffer.textContent())!, /€199\.99Was €249\.99/, 'the offer price next to the base price');
      await screenshots(page, 'home');
      assert.deepEqual(await seriousViolations(page), [], 'home page accessibility');

      await page.getByRole('searchbox', { name: 'Search products' }).fill('running shoe');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/\/products\?q=running/);
      await page.getByRole('heading', { name: 'Results for “running shoe”' }).waitFor();
      await screenshots(page, 'search');
      await page.getByRole('link', { name: 'Stride Pro Running Shoe' }).click();
      await page.getByRole('heading', { level: 1, name: 'Stride Pro Running Shoe' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Add to cart' }).isDisabled(), true, 'no size picked yet');
      await page.getByRole('radio', { name: '43', exact: true }).check();
      await page.getByText('SKU FW-RUN-001-43').waitFor();
      assert.equal(await page.getByTestId('price').textContent(), '€119.99');
      await page.getByTestId('stock').waitFor();
      await screenshots(page, 'product');
      assert.deepEqual(await seriousViolations(page), [], 'product page accessibility');
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByText('Added to your cart.').waitFor();
      await page.getByRole('link', { name: 'Cart 1 item' }).click();

      await page.getByTestId('cart-line').waitFor();
      const quantity = page.getByLabel('Quantity of Stride Pro Running Shoe');
      await quantity.fill('2');
      await quantity.press('Enter');
      await page.getByTestId('subtotal').filter({ hasText: '€239.98' }).waitFor();
      await page.getByLabel('Discount code').fill('web10');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByTestId('discount').filter({ hasText: '€24.00' }).waitFor();
      assert.equal(await page.getByTestId('total').textContent(), '€215.98');
      await screenshots(page, 'cart');
      assert.deepEqual(await seriousViolations(page), [], 'cart page accessibility');

      await page.getByRole('link', { name: 'Go to checkout' }).click();
      await fillCheckout(page, 'guest@web.test', goodCard);
      await screenshots(page, 'checkout');
      assert.deepEqual(await seriousViolations(page), [], 'checkout page accessibility');
      await page.getByRole('button', { name: 'Pay €215.98' }).click();
      await page.getByRole('heading', { name: 'Thank you for your order!' }).waitFor();
      const orderId = (await page.getByTestId('order-id').textContent())!;
      await page.getByTestId('order-status').filter({ hasText: 'Paid' }).waitFor();
      await page.getByRole('link', { name: 'Cart 0 items' }).waitFor();
      await screenshots(page, 'confirmation');

      const order = await api.get(`/api/v1/orders/${orderId}?email=guest@web.test`);
      assert.equal(order.status, 200, JSON.stringify(order.body));
      assert.equal(order.body.status, 'paid');
      assert.equal(order.body.total, 21598);
      assert.deepEqual(order.body.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity]), [['FW-RUN-001-43', 2]]);
    });
  });

  test('a declined card shows the error and keeps the cart, which then pays with another card', async () => {
    await withPage('declined', async (page) => {
      await addToCart(page, 'organic cotton t-shirt', 'M');
      await page.goto('/checkout');
      await fillCheckout(page, 'declined@web.test', declinedCard);
      await page.getByRole('button', { name: 'Pay €19.99' }).click();
      const error = page.getByTestId('checkout-error');
      await error.waitFor();
      assert.equal(await error.textContent(), 'Your card was declined. Nothing was charged; try another card.');
      assert.match(page.url(), /\/checkout$/);
      await screenshots(page, 'checkout-declined');

      await page.goto('/cart');
      await page.getByTestId('cart-line').filter({ hasText: 'Organic Cotton T-Shirt' }).waitFor();
      assert.equal(await page.getByTestId('total').textContent(), '€19.99');
      await page.getByRole('link', { name: 'Go to checkout' }).click();
      await fillCheckout(page, 'declined@web.test', goodCard);
      await page.getByRole('button', { name: 'Pay €19.99' }).click();
      await page.getByRole('heading', { name: 'Thank you for your order!' }).waitFor();
    });
  });

  test('an item that ran out before checkout is named, and the cart keeps it', async () => {
    await withPage('out-of-stock', async (page) => {
      await page.goto(`/products/${await productId('fleece pullover hoodie')}`);
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByText('Added to your cart.').waitFor();
      const emptied = await api.put('/api/v1/inventory/stock/AP-HOO-012', { warehouseId: 'main', onHand: 0 }, { token: adminToken });
      assert.equal(emptied.status, 200, JSON.stringify(emptied.body));
      await page.goto('/checkout');
      await fillCheckout(page, 'late@web.test', goodCard);
      await page.getByRole('button', { name: 'Pay €49.99' }).click();
      const error = page.getByTestId('checkout-error');
      await error.waitFor();
      assert.equal(await error.textContent(), 'Sorry, Fleece Pullover Hoodie ran out: only 0 left. Change the quantity in your cart.');
      await page.goto('/cart');
      await page.getByTestId('cart-line').filter({ hasText: 'Fleece Pullover Hoodie' }).waitFor();
    });
  });

  test('sign-in merges the guest cart; the back office refuses anonymous visitors and customers, and shows staff the orders and products', async () => {
    await withPage('admin', async (page) => {
      await page.goto('/admin');
      await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
      assert.equal(await page.getByTestId('admin-orders').count(), 0);

      // A guest cart is merged into the customer's cart on sign-in.
      await page.goto(`/products/${await productId('classic baseball cap')}`);
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByText('Added to your cart.').waitFor();
      await page.goto('/signin');
      await page.getByLabel('Email').fill(customer.email);
      await page.getByLabel('Password').fill(customer.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await page.getByRole('link', { name: 'Cart 1 item' }).waitFor();
      await page.goto('/admin');
      await page.getByTestId('admin-refused').waitFor();
      assert.match((await page.getByRole('alert').textContent())!, /for staff.*shopper@web\.test/);
      assert.equal(await page.getByTestId('admin-orders').count(), 0);
      await screenshots(page, 'admin-refused');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('link', { name: 'Sign in' }).waitFor();

      await page.goto('/admin');
      await page.getByLabel('Email').fill(adminCredentials.email);
      await page.getByLabel('Password').fill(adminCredentials.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('admin-orders').getByText('guest@web.test').waitFor();
      await screenshots(page, 'admin-orders');
      await page.getByRole('link', { name: 'Products' }).click();
      await page.getByTestId('admin-products').getByText('FW-RUN-001', { exact: true }).waitFor();
    });
  });

  test('the language follows the browser, and the switcher changes the UI text and the price format', async () => {
    await withPage('language', async (page) => {
      await page.goto(`/products/${await productId('running shoe')}`);
      await page.getByRole('button', { name: 'Adicionar ao carrinho' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'pt-BR');
      assert.match((await page.getByTestId('price').textContent())!, /^€\s119,99$/);

      const language = page.getByLabel('Idioma');
      await language.selectOption('es');
      await page.getByRole('button', { name: 'Añadir al carrito' }).waitFor();
      assert.match((await page.getByTestId('price').textContent())!, /^119,99\s€$/);
      await screenshots(page, 'product-es');
      await page.reload();
      await page.getByRole('button', { name: 'Añadir al carrito' }).waitFor(); // the choice is kept

      await page.getByLabel('Idioma').selectOption('en');
      await page.getByRole('button', { name: 'Add to cart' }).waitFor();
      assert.equal(await page.getByTestId('price').textContent(), '€119.99');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    }, 'pt-BR');
  });

  async function signInAt(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  test('sign-up by email link, the guest cart merged, the order in the history; preferences, reset, export and deletion', async () => {
    const email = 'newcomer@web.test';
    const password = 'three quiet harbour lamps';
    await withPage('account', async (page) => {
      await page.goto(`/products/${await productId('classic baseball cap')}`);
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByText('Added to your cart.').waitFor();

      await page.goto('/account/sign-in');
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByRole('heading', { name: 'Create your account' }).waitFor();
      await page.getByText('At least 12 characters.', { exact: false }).waitFor();
      await page.getByLabel('Name').fill('Nia Newcomer');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('password1234');
      await page.getByRole('button', { name: 'Create an account' }).click();
      assert.match((await page.getByRole('alert').textContent())!, /too easy to guess/, 'a common password is refused, with the rule');
      await page.getByLabel('Password').fill(password);
      await screenshots(page, 'sign-up');
      assert.deepEqual(await seriousViolations(page), [], 'sign-up page accessibility');
      await page.getByRole('button', { name: 'Create an account' }).click();
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();
      assert.match((await page.getByTestId('signup-done').textContent())!, /newcomer@web\.test/);

      await page.goto(`/account/verify-email?token=${await emailedToken(email, 'verify-email')}`);
      await page.getByTestId('verified').waitFor();
      await screenshots(page, 'verify-email');

      await page.goto('/account/sign-in');
      await signInAt(page, email, password);
      await page.getByRole('link', { name: 'Cart 1 item' }).waitFor(); // the guest cart, merged
      await page.goto('/checkout');
      await fillCheckout(page, email, goodCard);
      await page.getByRole('button', { name: /^Pay / }).click();
      await page.getByRole('heading', { name: 'Thank you for your order!' }).waitFor();
      const orderId = (await page.getByTestId('order-id').textContent())!;

      await page.getByRole('link', { name: 'My account' }).click();
      await page.getByText('Email confirmed').waitFor();
      await page.getByRole('link', { name: 'Orders', exact: true }).click();
      const row = page.getByTestId('my-orders').getByRole('row').filter({ hasText: orderId.slice(0, 8) });
      await row.getByText('Paid').waitFor();
      await screenshots(page, 'account-orders');
      assert.deepEqual(await seriousViolations(page), [], 'order history accessibility');
      await row.getByRole('link').click();
      await page.getByTestId('timeline').getByText('Paid').waitFor();
      assert.equal(await page.getByTestId('order-id').textContent(), orderId);

      // The language saved in the preferences changes the UI and is stored on the account.
      await page.goto('/account');
      await page.getByLabel('Language', { exact: true }).first().waitFor();
      await page.locator('#prefs-locale').selectOption('es');
      await page.getByRole('button', { name: 'Save preferences' }).click();
      await page.getByRole('button', { name: 'Guardar preferencias' }).waitFor();
      const token = (await login(api, email, password)).accessToken;
      assert.equal((await api.get('/api/v1/users/me/preferences', { token })).body.locale, 'es');
      await screenshots(page, 'account-profile-es');
      assert.deepEqual(await seriousViolations(page), [], 'account page accessibility');
      await page.getByTestId('language').selectOption('en');
      await page.getByRole('button', { name: 'Save preferences' }).waitFor();

      // The data export downloads a JSON file holding the account and its order.
      await page.getByRole('link', { name: 'Your data' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data' }).click()]);
      const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      assert.equal(exported.account.email, email);
      assert.deepEqual(exported.orders.map((o: { id: string }) => o.id), [orderId]);

      // Forgotten password: the emailed link sets a new one.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.goto('/account/sign-in');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByText(/link to reset the password is on its way/).waitFor();
      await page.goto(`/account/reset-password?token=${await emailedToken(email, 'reset-password')}`);
      const newPassword = 'seven amber kites drifting';
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByLabel('Repeat the new password').fill(newPassword);
      await screenshots(page, 'reset-password');
      assert.deepEqual(await seriousViolations(page), [], 'reset page accessibility');
      await page.getByRole('button', { name: 'Set the password' }).click();
      await page.getByText(/Your password is changed/).waitFor();
      await page.getByRole('link', { name: 'Sign in' }).last().click();
      await signInAt(page, email, newPassword);

      // Deletion asks for the password, then signs out; the account no longer signs in.
      await page.goto('/account/privacy');
      await page.getByRole('button', { name: 'Delete my account…' }).click();
      await page.getByLabel('Password').fill('not the password at all');
      await page.getByRole('button', { name: 'Delete my account for good' }).click();
      await page.getByText('Wrong password.').waitFor();
      await screenshots(page, 'account-delete');
      await page.getByLabel('Password').fill(newPassword);
      await page.getByRole('button', { name: 'Delete my account for good' }).click();
      await page.getByTestId('account-deleted').waitFor();
      await page.getByRole('link', { name: 'Sign in' }).waitFor();
      assert.equal((await api.post('/api/v1/users/login', { email, password: newPassword })).status, 401);
    });
  });

  test('staff create a product with a variant and an offer, stock it, and ship its order; the shopper tracks it', async () => {
    const shopper = 'tracker@web.test';
    let orderId = '';
    let productUrl = '';
    await withPage('admin-product', async (page) => {
      await page.goto('/admin/products');
      await signInAt(page, adminCredentials.email, adminCredentials.password);
      await page.getByRole('link', { name: 'New product' }).click();
      await page.getByLabel('SKU').fill('WEB-LAMP-001');
      await page.getByLabel('Name', { exact: true }).fill('Harbour Desk Lamp');
      await page.getByLabel('Description').fill('A warm desk lamp.');
      await page.getByLabel('Price').fill('40');
      await page.getByRole('button', { name: 'Create product' }).click();
      await page.getByRole('heading', { name: 'Harbour Desk Lamp' }).waitFor();
      assert.equal(await page.getByTestId('product-state').textContent(), 'Draft');
      productUrl = page.url();

      await page.getByLabel('Variant SKU').fill('WEB-LAMP-001-W');
      await page.getByLabel('Variant name').fill('Warm white');
      await page.getByLabel('Attributes').fill('color=warm');
      await page.getByRole('button', { name: 'Add variant' }).click();
      await page.getByTestId('variants').getByText('WEB-LAMP-001-W').waitFor();
      await page.getByLabel('Offer name').fill('Lamp launch');
      await page.getByLabel('Value', { exact: true }).fill('25');
      await page.getByRole('button', { name: 'Create offer' }).click();
      await page.getByText('Offer created.').waitFor();
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByTestId('product-state').filter({ hasText: 'Active' }).waitFor();
      await screenshots(page, 'admin-product');
      assert.deepEqual(await seriousViolations(page), [], 'product editor accessibility');

      await page.getByRole('link', { name: 'Inventory' }).click();
      await page.getByLabel('SKU').fill('WEB-LAMP-001-W');
      await page.locator('.admin-main').getByRole('button', { name: 'Search' }).click();
      await page.getByLabel(/^Change/).fill('5');
      await page.getByLabel('Note').fill('first delivery');
      await page.getByRole('button', { name: 'Apply adjustment' }).click();
      await page.getByTestId('adjustments').getByText('first delivery').waitFor();
      assert.match((await page.getByTestId('stock-table').textContent())!, /Main.*5/);
      await screenshots(page, 'admin-inventory');
      assert.deepEqual(await seriousViolations(page), [], 'inventory accessibility');
    });

    await withPage('shopper-offer', async (page) => {
      await page.goto('/products?q=harbour lamp');
      const card = page.getByTestId('product-list').getByRole('listitem').filter({ hasText: 'Harbour Desk Lamp' });
      await card.waitFor();
      assert.match((await card.textContent())!, /€30\.00Was €40\.00/, 'the offer price next to the base price');
      await card.getByRole('link').click();
      await page.getByRole('radio', { name: 'warm' }).check();
      await page.getByText('SKU WEB-LAMP-001-W').waitFor();
      assert.equal(await page.getByTestId('price').textContent(), '€30.00');
      await page.getByTestId('stock').filter({ hasText: 'Only 5 left' }).waitFor();
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByText('Added to your cart.').waitFor();
      await page.goto('/checkout');
      await fillCheckout(page, shopper, goodCard);
      await page.getByRole('button', { name: 'Pay €30.00' }).click();
      await page.getByRole('heading', { name: 'Thank you for your order!' }).waitFor();
      orderId = (await page.getByTestId('order-id').textContent())!;
    });

    await withPage('admin-ship', async (page) => {
      await page.goto(`/admin/orders/${orderId}`);
      await signInAt(page, adminCredentials.email, adminCredentials.password);
      await page.getByRole('button', { name: 'Mark as packed' }).click();
      await page.getByTestId('admin-order-status').filter({ hasText: 'Packed' }).waitFor();
      await page.getByRole('button', { name: 'Ship' }).click();
      await page.getByLabel('Carrier').fill('DHL');
      await page.getByLabel('Tracking number').fill('JD0146000012345');
      await page.getByRole('button', { name: 'Confirm shipment' }).click();
      await page.getByTestId('admin-order-status').filter({ hasText: 'Shipped' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Cancel order' }).count(), 0, 'a shipped order cannot be cancelled');
      assert.equal(await page.getByRole('button', { name: 'Refund' }).count(), 1, 'staff may refund');
      await screenshots(page, 'admin-order');
      assert.deepEqual(await seriousViolations(page), [], 'order detail accessibility');

      // Roles: the admin makes a customer staff.
      const promoted = await api.post('/api/v1/users/register', { email: 'promoted@web.test', password: 'ferns under a grey sky' });
      assert.equal(promoted.status, 202);
      await page.getByRole('link', { name: 'Customers' }).click();
      await page.getByLabel('Role of promoted@web.test').selectOption('staff');
      await eventually(async () => {
        const found = await api.get('/api/v1/users?email=promoted@web.test', { token: adminToken });
        return found.body.items?.[0]?.roles.includes('staff');
      }, 'the role change');
      await screenshots(page, 'admin-customers');
    });
    assert.ok(productUrl.includes('/admin/products/'));

    await withPage('tracking', async (page) => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Track an order' }).click();
      await page.getByLabel('Order number').fill(orderId);
      await page.getByLabel('Email').fill(shopper);
      await page.getByRole('button', { name: 'Find the order' }).click();
      await page.getByTestId('timeline').getByText('Shipped', { exact: true }).waitFor();
      assert.equal(await page.getByTestId('tracking-number').textContent(), 'JD0146000012345');
      assert.match((await page.getByTestId('shipment').textContent())!, /Sent with DHL/);
      await screenshots(page, 'order-tracking');
      assert.deepEqual(await seriousViolations(page), [], 'tracking page accessibility');
    });
  });
});
