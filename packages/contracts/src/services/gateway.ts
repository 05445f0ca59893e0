import type { ServiceManifest } from './manifest.ts';

export const gatewayManifest = {
  name: 'gateway',
  port: 8000,
  summary: 'routing /api/v1/<service>/..., JWT verification, RBAC, rate limits, registry, /docs, the web app',
  status: 'running',
  edge: true,
  calls: ['users'],
  publishes: [],
  // Revocations: tokens of a signed-out session are refused at once.
  consumes: ['user.session_revoked', 'user.tokens_revoked'],
  // It verifies tokens against the users service's JWKS.
  startsAfter: ['users'],
  access: [],
} as const satisfies ServiceManifest;
