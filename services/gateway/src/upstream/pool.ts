import CircuitBreaker from 'opossum';
import { serviceUnavailable, type ServiceDirectory } from '@emporium/kit';
import type { InstanceRegistry } from '../domain/registry.ts';

export interface UpstreamRequest {
  method: string;
  /** Path and query string on the instance. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Overrides the pool's timeout (docs collection uses a shorter one). */
  timeoutMs?: number;
}

export interface UpstreamResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  /** The instance that answered. */
  instance: string;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface UpstreamPoolOptions {
  registry: InstanceRegistry;
  directory: ServiceDirectory;
  timeoutMs: number;
  breakerResetMs: number;
  now?: () => number;
}

const safeToRepeat = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sends requests to the instances of a service: round-robin over healthy instances, a timeout
 * per request and a circuit breaker per instance. Only failures to reach an instance (refused,
 * reset) count against it; an upstream's own 5xx is its answer and is passed on. A timeout is a
 * 503 for that request but does not count either: it says the instance is slow (a checkout under
 * load), not that it is down, and opening the circuit on it would turn slow successes into
 * failures for everyone. A hung instance is the health checker's to mark unhealthy.
 * When an instance fails, the next one is tried if the request cannot have had an effect yet
 * (never sent, or a method that is safe to repeat).
 */
export class UpstreamPool {
  private readonly breakers = new Map<string, CircuitBreaker<[string, UpstreamRequest], UpstreamResponse>>();
  private readonly now: () => number;

  constructor(private readonly options: UpstreamPoolOptions) {
    this.now = options.now ?? Date.now;
  }

  async send(service: string, request: UpstreamRequest): Promise<UpstreamResponse> {
    const candidates = this.options.registry.candidates(service, this.options.directory.urls(service), this.now());
    if (!candidates.length) throw serviceUnavailable(`No instance of ${service} is known`);
    let reason = '';
    for (const { url } of candidates) {
      try {
        return await this.breakerFor(url).fire(url, request);
      } catch (error) {
        reason = describeFailure(error);
        if (!neverSent(error) && !safeToRepeat.has(request.method.toUpperCase())) break;
      }
    }
    throw serviceUnavailable(`${service} is unavailable: ${reason}`);
  }

  circuitState(url: string): CircuitState {
    const breaker = this.breakers.get(url);
    if (!breaker) return 'closed';
    return breaker.opened ? 'open' : breaker.halfOpen ? 'half-open' : 'closed';
  }

  /** Drops breakers of instances that are gone (heartbeat instances come and go). */
  retain(urls: ReadonlySet<string>): void {
    for (const [url, breaker] of this.breakers) {
      if (urls.has(url)) continue;
      breaker.shutdown();
      this.breakers.delete(url);
    }
  }

  shutdown(): void {
    this.retain(new Set());
  }

  private breakerFor(url: string): CircuitBreaker<[string, UpstreamRequest], UpstreamResponse> {
    let breaker = this.breakers.get(url);
    if (!breaker) {
      breaker = new CircuitBreaker((base: string, request: UpstreamRequest) => this.once(base, request), {
        timeout: false, // each request carries its own timeout
        errorThresholdPercentage: 50,
        volumeThreshold: 2,
        resetTimeout: this.options.breakerResetMs,
        rollingCountTimeout: 10_000,
        errorFilter: isTimeout,
      });
      this.breakers.set(url, breaker);
    }
    return breaker;
  }

  private async once(base: string, request: UpstreamRequest): Promise<UpstreamResponse> {
    const signal = AbortSignal.timeout(request.timeoutMs ?? this.options.timeoutMs);
    const method = request.method.toUpperCase();
    const res = await fetch(base + request.path, {
      method,
      headers: request.headers,
      body: method === 'GET' || method === 'HEAD' || !request.body?.length ? undefined : new Uint8Array(request.body),
      redirect: 'manual',
      signal,
    });
    // The body is read under the same timeout, so a stalled upstream cannot hold the client.
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body, instance: base };
  }
}

/** Filtered out of the breaker's failure count (see the class comment). */
function isTimeout(error: unknown): boolean {
  return (error as { name?: string }).name === 'TimeoutError';
}

/** The request never left the gateway: the circuit was open or the connection was refused. */
function neverSent(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? ((error as { cause?: { code?: string } }).cause?.code);
  return code === 'EOPENBREAKER' || code === 'ECONNREFUSED';
}

function describeFailure(error: unknown): string {
  const err = error as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  if (err.code === 'EOPENBREAKER') return 'circuit open';
  if (err.name === 'TimeoutError') return 'timed out';
  return err.cause?.code ?? err.message ?? 'no answer';
}
