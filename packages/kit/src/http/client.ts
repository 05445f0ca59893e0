import CircuitBreaker from 'opossum';
import { internalTokenHeader } from '@emporium/contracts';
import { HttpProblem, serviceUnavailable } from '../errors.ts';
import type { InternalTokens, Principal } from '../identity.ts';

export interface HttpClientOptions {
  /** Name of the service called, for messages and metrics. */
  target: string;
  /** Base URL, or a function for targets whose address is known only at call time. */
  baseUrl: string | (() => string);
  /** The calling service's signer: every call carries its identity (`deps.tokens`). */
  tokens: InternalTokens;
  timeoutMs?: number;
  retries?: number;
  /** Failure percentage over the rolling window that opens the circuit. */
  errorThresholdPercentage?: number;
  /** How long an open circuit waits before letting a trial request through. */
  resetTimeoutMs?: number;
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  requestId?: string;
  /** The user the call acts for, if any: their identity travels in the signed token. */
  actingFor?: Principal | null;
  /** Retry on failure even for a non-GET (the call carries an Idempotency-Key, say). */
  idempotent?: boolean;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** The other service did not answer in time or at all (network failure, timeout, 5xx). */
class UpstreamFailure extends Error {}

/**
 * Calls another service: a timeout on every call, retries with exponential backoff on idempotent
 * calls, and a circuit breaker so a dead service is failed fast (503) instead of waited on.
 * Every call carries a short-lived token naming the calling service (and the user it acts for).
 * 4xx answers are returned to the caller, not counted as failures: the service is healthy.
 */
export class HttpClient {
  private readonly breaker: CircuitBreaker<[HttpRequest], HttpResponse>;

  constructor(private readonly options: HttpClientOptions) {
    this.breaker = new CircuitBreaker((req: HttpRequest) => this.withRetries(req), {
      timeout: false, // each attempt has its own timeout
      errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
      resetTimeout: options.resetTimeoutMs ?? 2_000,
      volumeThreshold: 3,
      rollingCountTimeout: 10_000,
      errorFilter: (error: unknown) => !(error instanceof UpstreamFailure),
    });
  }

  get circuitOpen(): boolean {
    return this.breaker.opened;
  }

  async request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
    try {
      return (await this.breaker.fire(req)) as HttpResponse<T>;
    } catch (error) {
      if (error instanceof HttpProblem) throw error;
      if (this.breaker.opened) throw serviceUnavailable(`${this.options.target} is unavailable (circuit open)`);
      throw serviceUnavailable(`${this.options.target} did not answer: ${(error as Error).message}`);
    }
  }

  /** Like request, but a non-2xx answer becomes an HttpProblem carrying the upstream's detail. */
  async json<T = unknown>(req: HttpRequest): Promise<T> {
    const res = await this.request<T>(req);
    if (res.status >= 400) {
      const detail = (res.body as { detail?: string } | undefined)?.detail ?? `${this.options.target} answered ${res.status}`;
      throw new HttpProblem(res.status, detail, upstreamExtensions(res.body));
    }
    return res.body;
  }

  shutdown(): void {
    this.breaker.shutdown();
  }

  private async withRetries(req: HttpRequest): Promise<HttpResponse> {
    const retryable = (req.method ?? 'GET') === 'GET' || req.idempotent === true;
    const attempts = retryable ? 1 + (this.options.retries ?? 2) : 1;
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** (attempt - 1)));
      try {
        return await this.once(req);
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }

  private async once(req: HttpRequest): Promise<HttpResponse> {
    const base = typeof this.options.baseUrl === 'function' ? this.options.baseUrl() : this.options.baseUrl;
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (req.requestId) headers['x-request-id'] = req.requestId;
    // Signed per attempt, so a retry after a backoff still carries a current token.
    headers[internalTokenHeader] = this.options.tokens.sign(req.actingFor);
    let res: Response;
    try {
      res = await fetch(new URL(req.path, base), {
        method: req.method ?? 'GET',
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3_000),
      });
    } catch (error) {
      throw new UpstreamFailure(`${(error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message}`);
    }
    const text = await res.text();
    const body = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    if (res.status >= 500) throw new UpstreamFailure(`${this.options.target} answered ${res.status}`);
    return { status: res.status, headers: res.headers, body };
  }
}

/** Keeps the machine-readable parts of an upstream problem (e.g. which SKU ran out). */
function upstreamExtensions(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object') return {};
  const { type: _type, title: _title, status: _status, detail: _detail, instance: _instance, ...rest } = body as Record<string, unknown>;
  return rest;
}
