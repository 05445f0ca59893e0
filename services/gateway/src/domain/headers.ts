import { principalHeaders } from '@emporium/contracts';
import type { Role } from '@emporium/contracts';

export interface Principal {
  userId: string;
  email?: string;
  roles: readonly Role[];
}

type IncomingHeaders = Record<string, string | string[] | undefined>;

/** Connection-level headers (RFC 9110 §7.6.1) that a proxy must not pass on. */
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** Headers fetch recomputes or that describe the client hop, not the request. */
const recomputed = new Set(['host', 'content-length', 'expect']);

const identity = new Set<string>(Object.values(principalHeaders));

function droppable(name: string, connectionHeader: string | string[] | undefined): boolean {
  const listed = String(connectionHeader ?? '').toLowerCase().split(',').map((s) => s.trim());
  return hopByHop.has(name) || listed.includes(name);
}

export interface UpstreamRequestContext {
  requestId: string;
  principal: Principal | null;
  clientIp: string;
  protocol: string;
  host?: string;
}

/**
 * The headers sent upstream: the client's, minus hop-by-hop ones and any identity headers the
 * client made up, plus the identity the gateway verified, the request id and forwarding info.
 */
export function upstreamRequestHeaders(incoming: IncomingHeaders, ctx: UpstreamRequestContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming)) {
    const lower = name.toLowerCase();
    if (value === undefined || droppable(lower, incoming.connection) || recomputed.has(lower) || identity.has(lower)) continue;
    out[lower] = Array.isArray(value) ? value.join(', ') : value;
  }
  out['x-request-id'] = ctx.requestId;
  out['x-forwarded-for'] = out['x-forwarded-for'] ? `${out['x-forwarded-for']}, ${ctx.clientIp}` : ctx.clientIp;
  out['x-forwarded-proto'] = ctx.protocol;
  if (ctx.host) out['x-forwarded-host'] = ctx.host;
  if (ctx.principal) {
    out[principalHeaders.userId] = ctx.principal.userId;
    out[principalHeaders.roles] = ctx.principal.roles.join(',');
    if (ctx.principal.email) out[principalHeaders.email] = ctx.principal.email;
  }
  return out;
}

/**
 * The upstream's response headers for the client, minus hop-by-hop ones. fetch has already
 * decoded the body, so its original encoding and length no longer apply.
 */
export function clientResponseHeaders(upstream: Iterable<[string, string]>): Record<string, string | string[]> {
  const entries = [...upstream];
  const connection = entries.find(([name]) => name.toLowerCase() === 'connection')?.[1];
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (droppable(lower, connection) || lower === 'content-encoding' || lower === 'content-length') continue;
    const previous = out[lower];
    out[lower] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return out;
}

/**
 * The client's address. Forwarded-for entries are believed only for the configured number of
 * proxies in front of the gateway; otherwise a client could pick its own rate-limit key.
 */
export function clientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const socket = socketAddress ?? 'unknown';
  if (trustedHops <= 0 || !forwardedFor) return socket;
  const chain = [...String(forwardedFor).split(',').map((s) => s.trim()).filter(Boolean), socket];
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!;
}
