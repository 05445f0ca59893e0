import { needs, reads, type ServiceManifest } from './manifest.ts';

export const inventoryManifest = {
  name: 'inventory',
  port: 8006,
  summary: 'stock per warehouse, reservations with expiry, low-stock alerts, forecast',
  status: 'running',
  calls: ['catalog'],
  publishes: ['inventory.low_stock', 'inventory.committed'],
  // product.created stocks the catalog's new products (the demo ones too): it starts before catalog.
  consumes: ['order.paid', 'product.created', 'product.updated'],
  access: [
    // stock levels are visible; warehouses, forecasts and changes are for staff
    { methods: reads, path: '/inventory/stock/*', access: 'public' },
    { methods: '*', path: '/inventory/**', access: needs('inventory:manage') },
  ],
} as const satisfies ServiceManifest;
