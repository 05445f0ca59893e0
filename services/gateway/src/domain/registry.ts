import { BlockList, isIP } from 'node:net';

export type Health = 'unknown' | 'healthy' | 'unhealthy';

export interface Instance {
  service: string;
  url: string;
  /** 'directory': configured or started by the platform; 'heartbeat': announced itself. */
  source: 'directory' | 'heartbeat';
  health: Health;
  lastCheckedAt?: number;
  /** Heartbeat instances only: dropped when no heartbeat came before this time (ms epoch). */
  expiresAt?: number;
}

/**
 * The instances of every service the gateway routes to, their health, and the round-robin
 * cursor. No I/O: the directory's addresses and the clock are passed in.
 */
export class InstanceRegistry {
  private readonly heartbeats = new Map<string, Map<string, number>>();
  private readonly health = new Map<string, { health: Health; at: number }>();
  private readonly cursors = new Map<string, number>();

  constructor(private readonly heartbeatTtlMs: number) {}

  heartbeat(service: string, url: string, now: number): Instance {
    const byUrl = this.heartbeats.get(service) ?? new Map<string, number>();
    byUrl.set(normalizeUrl(url), now + this.heartbeatTtlMs);
    this.heartbeats.set(service, byUrl);
    return this.instances(service, [], now).find((i) => i.url === normalizeUrl(url))!;
  }

  /** Directory instances first, then live heartbeat ones; expired heartbeats are forgotten. */
  instances(service: string, directoryUrls: readonly string[], now: number): Instance[] {
    const result = new Map<string, Instance>();
    for (const url of directoryUrls.map(normalizeUrl)) result.set(url, this.describe(service, url, 'directory'));
    const byUrl = this.heartbeats.get(service);
    for (const [url, expiresAt] of byUrl ?? []) {
      if (expiresAt <= now) {
        byUrl!.delete(url);
        this.health.delete(key(service, url));
        continue;
      }
      result.set(url, { ...this.describe(service, url, 'heartbeat'), expiresAt });
    }
    return [...result.values()];
  }

  markHealth(service: string, url: string, health: Health, now: number): void {
    this.health.set(key(service, normalizeUrl(url)), { health, at: now });
  }

  /**
   * The instances to try for one request, in order: round-robin over the healthy ones, then
   * the rest as fallbacks (all of them when none is known healthy yet).
   */
  candidates(service: string, directoryUrls: readonly string[], now: number): Instance[] {
    const all = this.instances(service, directoryUrls, now);
    const healthy = all.filter((i) => i.health === 'healthy');
    const pool = healthy.length ? healthy : all;
    const cursor = this.cursors.get(service) ?? 0;
    this.cursors.set(service, cursor + 1);
    const start = pool.length ? cursor % pool.length : 0;
    const rotated = [...pool.slice(start), ...pool.slice(0, start)];
    return [...rotated, ...all.filter((i) => !pool.includes(i))];
  }

  private describe(service: string, url: string, source: Instance['source']): Instance {
    const state = this.health.get(key(service, url));
    return { service, url, source, health: state?.health ?? 'unknown', lastCheckedAt: state?.at };
  }
}

const key = (service: string, url: string) => `${service} ${url}`;

/** `http://host:1/` and `http://host:1` are the same instance. */
export function normalizeUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Private and loopback networks: where platform instances live, and nothing else by default. */
const privateNetworks = new BlockList();
privateNetworks.addSubnet('127.0.0.0', 8, 'ipv4');
privateNetworks.addSubnet('10.0.0.0', 8, 'ipv4');
privateNetworks.addSubnet('172.16.0.0', 12, 'ipv4');
privateNetworks.addSubnet('192.168.0.0', 16, 'ipv4');
privateNetworks.addAddress('::1', 'ipv6');
privateNetworks.addSubnet('fc00::', 7, 'ipv6');

/**
 * Why an announced instance URL is refused, or null when it is acceptable: http(s) only, no
 * credentials, no query or fragment, and a host on a loopback or private network or among
 * `allowedHosts` (`name`, or `*.domain` for its subdomains). Link-local addresses (cloud metadata
 * endpoints) and public ones are refused, so the registry cannot be turned into a way to make the
 * gateway fetch arbitrary places.
 */
export function instanceUrlProblem(raw: string, allowedHosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url is not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'url must use http or https';
  if (url.username || url.password) return 'url must not carry credentials';
  if (url.search || url.hash) return 'url must not have a query or fragment';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const family = isIP(host);
  if (family !== 0) return privateNetworks.check(host, family === 4 ? 'ipv4' : 'ipv6') ? null : `url host ${host} is not on a loopback or private network`;
  if (host === 'localhost') return null;
  const allowed = allowedHosts.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern.toLowerCase()));
  return allowed ? null : `url host ${host} is not an allowed registry host (REGISTRY_ALLOWED_HOSTS)`;
}
