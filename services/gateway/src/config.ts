import { z } from 'zod';
import { loadConfig } from '@emporium/kit';

const positiveInt = z.coerce.number().int().positive();

/** The gateway's own settings (the kit's base settings are read by the kit). */
export const gatewayConfigSchema = z.object({
  /** Per upstream request, connect to last byte. */
  UPSTREAM_TIMEOUT_MS: positiveInt.default(10_000),
  /** How long an instance's open circuit waits before letting a trial request through. */
  BREAKER_RESET_MS: positiveInt.default(1_000),
  RATE_LIMIT_MAX: positiveInt.default(300),
  RATE_LIMIT_WINDOW: z.string().min(1).default('1 minute'),
  /** How many proxies in front of the gateway add X-Forwarded-For (0: the socket is the client). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  HEALTH_CHECK_INTERVAL_MS: positiveInt.default(5_000),
  HEALTH_CHECK_TIMEOUT_MS: positiveInt.default(2_000),
  /** A heartbeat instance is dropped when it has not announced itself for this long. */
  HEARTBEAT_TTL_MS: positiveInt.default(15_000),
  /**
   * Heartbeats must carry it in `x-registry-token` (else anyone could add an instance and receive
   * traffic). Always required: `npm start` and the test platform generate one.
   */
  REGISTRY_TOKEN: z.string().min(16),
  /**
   * When set, heartbeats are served on this port only (a listener for the private network), not on
   * the public API port. The deploy manifests set it; unset (one machine), they share PORT.
   */
  REGISTRY_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /**
   * Hosts a heartbeat may announce besides loopback and private IP addresses (comma list; `*.x`
   * matches any subdomain of x), e.g. `*.svc.cluster.local,catalog,cart`.
   */
  REGISTRY_ALLOWED_HOSTS: z.string().optional(),
  DOCS_CACHE_MS: positiveInt.default(30_000),
  JWT_ISSUER: z.string().min(1).default('emporium-users'),
  /** Services to route to besides the platform's own (comma list). */
  EXTRA_SERVICES: z.string().optional(),
  MAX_BODY_BYTES: positiveInt.default(10 * 1024 * 1024),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export const loadGatewayConfig = (env: Record<string, string | undefined>): GatewayConfig => loadConfig(gatewayConfigSchema, env);
