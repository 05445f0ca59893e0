import { internalTokenHeader, legacyPrincipalHeaders, type Role } from '@emporium/contracts';

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

/** Identity is the gateway's to state: whatever a client sends under these names is dropped. */
const identity = new Set<string>([internalTokenHeader, ...legacyPrincipalHeaders]);

function droppable(name: string, connectionHeader: string | string[] | undefined): boolean {
  const listed = String(connectionHeader ?? '').toLowerCase().split(',').map((s) => s.trim());
  return hopByHop.has(name) || listed.includes(name);
}

export interface UpstreamRequestContext {
  requestId: string;
  /** The signed internal token naming the gateway and the verified user, if any. */
  identityToken: string;
  /** The client's address as the gateway determined it (after its trusted proxies). */
  clientIp: string;
  protocol: string;
  host?: string;
}

/**
 * The headers sent upstream: the client's, minus hop-by-hop ones and any identity headers the
 * client made up, plus the identity the gateway verified (signed), the request id and forwarding
 * info. `X-Forwarded-For` is replaced, not appended to: services see only the address the gateway
 * determined, never a chain a client wrote.
 */
export function upstreamRequestHeaders(incoming: IncomingHeaders, ctx: UpstreamRequestContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming)) {
    const lower = name.toLowerCase();
    if (value === undefined || droppable(lower, incoming.connection) || recomputed.has(lower) || identity.has(lower)) continue;
    out[lower] = Array.isArray(value) ? value.join(', ') : value;
  }
  out['x-request-id'] = ctx.requestId;
  out['x-forwarded-for'] = ctx.clientIp;
  out['x-forwarded-proto'] = ctx.protocol;
  delete out.forwarded; // the RFC 7239 form of the same claims, unchecked
  if (ctx.host) out['x-forwarded-host'] = ctx.host;
  out[internalTokenHeader] = ctx.identityToken;
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
 * proxies in front of the gateway (each appends the address it saw, so the trusted entry is the
 * one `trustedHops` from the right); otherwise a client could pick its own rate-limit key.
 */
export function clientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const socket = socketAddress ?? 'unknown';
  if (trustedHops <= 0 || !forwardedFor) return socket;
  const chain = [...String(forwardedFor).split(',').map((s) => s.trim()).filter(Boolean), socket];
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!;
}
