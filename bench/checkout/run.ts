/**
 * Benchmarks, in one run on one machine, through the gateway in embedded mode:
 *  1. catalog `GET /api/v1/catalog/products` throughput and latency;
 *  2. full checkouts (new cart → add item → POST /orders with a sandbox card): orders per second
 *     and p50/p99 latency of the whole three-request checkout.
 * Usage: npm run bench   (BENCH_SECONDS, BENCH_CONNECTIONS to change the load)
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import autocannon from 'autocannon';
import { TestPlatform, apiClient } from '@emporium/kit/testing';
import { platformServices } from '../../scripts/platform-services.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const admin = { email: 'bench-admin@emporium.local', password: 'bench-admin-password' };
const sku = 'BENCH-SKU-1';

/** What autocannon keeps between the requests of one checkout. */
type CheckoutContext = { startedAt?: number; cartId?: string };
const ctx = (context: object) => context as CheckoutContext;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const platform = await TestPlatform.start(await platformServices(), {
  env: {
    users: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password },
    catalog: { SEED_DEMO: '1' },
    gateway: { RATE_LIMIT_MAX: '100000000' },
  },
});
try {
  const gateway = platform.url('gateway');
  const api = apiClient(gateway);
  const token = (await api.post('/api/v1/users/login', admin)).body.accessToken as string;
  await api.post('/api/v1/inventory/warehouses', { id: 'main', name: 'Main' }, { token });
  const product = await api.post('/api/v1/catalog/products', { name: 'Bench Widget', sku, price: 1999, currency: 'EUR', description: 'load test item' }, { token });
  if (product.status !== 201) throw new Error(`product: ${JSON.stringify(product.body)}`);
  const stock = await api.put(`/api/v1/inventory/stock/${sku}`, { warehouseId: 'main', onHand: 1_000_000 }, { token });
  if (stock.status !== 200) throw new Error(`stock: ${JSON.stringify(stock.body)}`);

  const browse = await autocannon({ url: `${gateway}/api/v1/catalog/products?limit=20`, connections, duration: seconds });

  const checkoutMs: number[] = [];
  let ordersPaid = 0;
  const checkout = await autocannon({
    url: gateway,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/cart/carts',
        setupRequest: (req, context) => {
          ctx(context).startedAt = performance.now();
          return req;
        },
        onResponse: (_status, body, context) => {
          ctx(context).cartId = JSON.parse(body).id;
        },
      },
      {
        method: 'POST',
        setupRequest: (req, context) => ({
          ...req,
          path: `/api/v1/cart/carts/${ctx(context).cartId}/items`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sku, quantity: 1 }),
        }),
      },
      {
        method: 'POST',
        path: '/api/v1/orders',
        setupRequest: (req, context) => ({
          ...req,
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify({
            cartId: ctx(context).cartId,
            email: 'bench@emporium.local',
            payment: { cardNumber: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' },
            shippingAddress: { name: 'Bench', line1: '1 Load St', city: 'Lisbon', postalCode: '1000-001', country: 'PT' },
          }),
        }),
        onResponse: (status, _body, context) => {
          if (status === 201) {
            ordersPaid++;
            checkoutMs.push(performance.now() - ctx(context).startedAt!);
          }
        },
      },
    ],
  });

  checkoutMs.sort((a, b) => a - b);
  const ordersPerSecond = ordersPaid / seconds;
  const report = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${platform.mode} mode`,
    settings: { seconds, connections },
    catalogProducts: { requestsPerSecond: browse.requests.average, p50Ms: browse.latency.p50, p99Ms: browse.latency.p99, errors: browse.errors, non2xx: browse.non2xx },
    checkout: {
      ordersPerSecond: Number(ordersPerSecond.toFixed(1)),
      ordersPaid,
      p50Ms: Math.round(percentile(checkoutMs, 50)),
      p99Ms: Math.round(percentile(checkoutMs, 99)),
      non2xx: checkout.non2xx,
      errors: checkout.errors,
    },
    ratio: { catalogReadsPerCheckout: Number((browse.requests.average / ordersPerSecond).toFixed(1)) },
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  await platform.stop();
}
