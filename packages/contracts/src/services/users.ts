import { needs, type ServiceManifest } from './manifest.ts';

export const usersManifest = {
  name: 'users',
  port: 8005,
  summary: 'accounts, login (password or OpenID Connect), JWT (RS256, JWKS), roles, profiles, audit log, data export and deletion',
  status: 'running',
  calls: ['orders'],
  publishes: [
    'user.registered',
    'user.role_changed',
    'user.anonymised',
    'user.session_revoked',
    'user.tokens_revoked',
    'user.email_verification_requested',
    'user.password_reset_requested',
    'user.signup_with_existing_email',
    'user.password_changed',
  ],
  consumes: [],
  access: [
    // sign-up and sessions are open; listing users and changing roles is for admins
    { methods: '*', path: '/users/register', access: 'public' },
    { methods: '*', path: '/users/login', access: 'public' },
    { methods: '*', path: '/users/refresh', access: 'public' },
    { methods: '*', path: '/users/logout', access: 'public' },
    { methods: '*', path: '/users/oidc/**', access: 'public' },
    // the emailed link's token is the proof: asking for and using a reset link, confirming an address
    { methods: ['POST'], path: '/users/password-reset/**', access: 'public' },
    { methods: ['POST'], path: '/users/email-verification/**', access: 'public' },
    { methods: '*', path: '/users', access: needs('users:list') },
    { methods: '*', path: '/users/audit-log', access: needs('audit:read') },
    { methods: '*', path: '/users/roles/**', access: needs('users:write:roles') },
    { methods: '*', path: '/users/*/roles/**', access: needs('users:write:roles') },
    { methods: '*', path: '/users/**', access: 'authenticated' },
  ],
  deploy: {
    secrets: [
      { name: 'JWT_PRIVATE_KEY', note: 'unset: the users service generates a key once and keeps it in its database' },
      { name: 'JWT_KEY_ID' },
      { name: 'ADMIN_EMAIL', note: 'both or neither: this account is made admin at every start' },
      { name: 'ADMIN_PASSWORD' },
      { name: 'OIDC_ISSUER', note: 'all four or none: sign-in with an OpenID Connect provider' },
      { name: 'OIDC_CLIENT_ID' },
      { name: 'OIDC_CLIENT_SECRET' },
      { name: 'OIDC_REDIRECT_URI' },
    ],
  },
} as const satisfies ServiceManifest;
