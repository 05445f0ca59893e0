import { needs, type ServiceManifest } from './manifest.ts';

export const notificationsManifest = {
  name: 'notifications',
  port: 8008,
  summary: 'templates, email (SMTP), SMS/push providers, delivery tracking, history',
  status: 'running',
  calls: [],
  publishes: [],
  consumes: [
    'order.paid',
    'order.payment_failed',
    'order.shipped',
    'order.refunded',
    'order.cancelled',
    'inventory.low_stock',
    'user.email_verification_requested',
    'user.password_reset_requested',
    'user.signup_with_existing_email',
    'user.password_changed',
  ],
  access: [
    // templates and deliveries are the back office's; history is checked per user
    { methods: '*', path: '/notifications/templates/**', access: needs('notifications:manage') },
    { methods: '*', path: '/notifications/deliveries/**', access: needs('notifications:manage') },
    { methods: '*', path: '/notifications/send', access: needs('notifications:manage') },
    { methods: '*', path: '/notifications/**', access: 'authenticated' },
  ],
  deploy: {
    secrets: [{ name: 'SMTP_URL', note: 'unset: mails are built but not sent (jsonTransport)' }],
    // Compose: Mailpit catches every mail, low-stock alerts included.
    composeEnv: { SMTP_URL: 'smtp://mailpit:1025', STAFF_EMAIL: 'staff@emporium.local' },
    composeDependsOn: ['mailpit'],
  },
} as const satisfies ServiceManifest;
