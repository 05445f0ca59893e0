import type { EventType } from '../events.ts';
import type { Permission } from '../permissions.ts';

/**
 * Who may call a route through the gateway: anyone, any signed-in user, or a user whose roles grant
 * the permission (by the one role → permission table that the services check too).
 */
export type Access = 'public' | 'authenticated' | { permission: Permission };

export interface AccessRule {
  /** HTTP methods (HEAD counts as GET), or '*' for all. */
  methods: readonly string[] | '*';
  /** Path as the service sees it (`/catalog/products`): `*` is one segment, a trailing `/**` is any rest (or none). */
  path: string;
  access: Access;
}

/** A secret setting a deployment passes to the service (Kubernetes Secret key of the same name). */
export interface DeploySecret {
  name: string;
  /** Why it exists / what happens without it; written next to it in the deploy files. */
  note?: string;
}

/**
 * One service, described once. The kit's directory (ports), the gateway (known services, access
 * rules), the supervisor (start order) and the deploy files (`npm run deploy:generate`) are derived
 * from the list of these in `./index.ts`. Plain data: anything may import it without importing the
 * service's code.
 */
export interface ServiceManifest {
  name: string;
  port: number;
  /** One line: what the service owns. */
  summary: string;
  /** `planned`: in the design, no code yet; the gateway reserves its path and answers 503. */
  status: 'running' | 'planned';
  /** The gateway: started last, the only one published to clients. */
  edge?: boolean;
  /** Services this one calls over HTTP (internal APIs). */
  calls: readonly string[];
  /** Events it writes to its outbox. */
  publishes: readonly EventType[];
  /** Events it subscribes to. A consumer starts before the producers of what it consumes. */
  consumes: readonly EventType[];
  /** Services that must be ready before this one starts (beyond what the events imply). */
  startsAfter?: readonly string[];
  /** The gateway's access rules for this service's paths, first match wins; anything unlisted needs a signed-in user. */
  access: readonly AccessRule[];
  deploy?: {
    /** Optional secrets (Kubernetes: optional Secret keys; Compose: taken from your shell). */
    secrets?: readonly DeploySecret[];
    /** Fixed settings in the Compose file. */
    composeEnv?: Readonly<Record<string, string>>;
    /** Extra Compose services it needs started (e.g. a mail sink). */
    composeDependsOn?: readonly string[];
  };
}

/** Rule helpers, so manifests read like the table they are. */
export const needs = (permission: Permission): Access => ({ permission });
export const reads = ['GET'] as const;
