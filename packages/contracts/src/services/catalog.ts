import { needs, reads, type ServiceManifest } from './manifest.ts';

export const catalogManifest = {
  name: 'catalog',
  port: 8001,
  summary: 'products, variants, categories, full-text search, filters, offers',
  status: 'running',
  calls: [],
  publishes: ['product.created', 'product.updated'],
  consumes: [],
  access: [
    // browsing is open, editing is for staff
    { methods: reads, path: '/catalog/**', access: 'public' },
    { methods: '*', path: '/catalog/**', access: needs('catalog:write') },
  ],
} as const satisfies ServiceManifest;
