import { needs, type ServiceManifest } from './manifest.ts';

export const paymentsManifest = {
  name: 'payments',
  port: 8004,
  summary: 'payment intents, providers (sandbox, Stripe, MercadoPago), refunds, invoices, webhooks',
  status: 'running',
  calls: [],
  publishes: ['payment.captured', 'payment.failed', 'payment.refunded', 'invoice.issued'],
  consumes: [],
  access: [
    // provider webhooks are signed by the provider, not by our users
    { methods: ['POST'], path: '/payments/webhooks/**', access: 'public' },
    { methods: ['POST'], path: '/payments/*/refund', access: needs('payments:refund') },
    { methods: '*', path: '/payments/**', access: 'authenticated' },
  ],
  deploy: {
    // Each provider is enabled by its pair of secrets; the sandbox needs none.
    secrets: [
      { name: 'SANDBOX_WEBHOOK_SECRET', note: 'random per process when unset; set it so every replica accepts the same signatures' },
      { name: 'STRIPE_SECRET_KEY', note: 'each provider is enabled by its pair of secrets; the sandbox needs none' },
      { name: 'STRIPE_WEBHOOK_SECRET' },
      { name: 'MERCADOPAGO_ACCESS_TOKEN' },
      { name: 'MERCADOPAGO_WEBHOOK_SECRET' },
    ],
    composeEnv: { PAYMENT_PROVIDER: 'sandbox' },
  },
} as const satisfies ServiceManifest;
