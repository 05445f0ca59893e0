import { needs, type ServiceManifest } from './manifest.ts';

export const cartManifest = {
  name: 'cart',
  port: 8002,
  summary: 'guest and user carts, totals, discount codes, merge on login',
  status: 'running',
  calls: ['catalog'],
  publishes: [],
  consumes: [],
  access: [
    // discount codes are managed by staff; guests have carts too (tied to users when signed in)
    { methods: '*', path: '/cart/discount-codes/**', access: needs('discounts:manage') },
    { methods: '*', path: '/cart/**', access: 'public' },
  ],
} as const satisfies ServiceManifest;
