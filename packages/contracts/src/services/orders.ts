import { needs, reads, type ServiceManifest } from './manifest.ts';

export const ordersManifest = {
  name: 'orders',
  port: 8003,
  summary: 'orders, order state machine, checkout saga, shipments, history, refunds',
  status: 'running',
  calls: ['cart', 'inventory', 'payments'],
  publishes: ['order.created', 'order.paid', 'order.payment_failed', 'order.cancelled', 'order.shipped', 'order.delivered', 'order.refunded'],
  consumes: ['user.anonymised'],
  access: [
    // guest checkout; the back office moves orders along and refunds them
    { methods: ['POST'], path: '/orders', access: 'public' },
    { methods: reads, path: '/orders', access: needs('orders:manage') },
    { methods: ['POST'], path: '/orders/*/refund', access: needs('payments:refund') },
    { methods: ['POST'], path: '/orders/*/fulfil', access: needs('orders:manage') },
    { methods: ['POST'], path: '/orders/*/shipments', access: needs('orders:manage') },
    { methods: ['POST'], path: '/orders/*/deliver', access: needs('orders:manage') },
    { methods: ['POST'], path: '/orders/*/cancel', access: needs('orders:manage') },
    { methods: reads, path: '/orders/audit-log', access: needs('audit:read') },
    // a guest tracks an order by its id and email; the orders service checks the email
    { methods: reads, path: '/orders/*', access: 'public' },
    { methods: '*', path: '/orders/**', access: 'authenticated' },
  ],
} as const satisfies ServiceManifest;
