import { internalTokenHeader } from '@emporium/contracts';
import { identityHeaders } from './identity.ts';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiCall {
  token?: string;
  headers?: Record<string, string>;
}

export interface ApiClientOptions {
  /**
   * Straight to a service, the client stands in for the gateway: every call carries a
   * gateway-signed internal token (anonymous unless the call's headers carry a user's). Set
   * false to send only what the call names (a stranger on the network).
   */
  signed?: boolean;
}

/** A small JSON client for tests that talk to a service or the gateway over real HTTP. */
export function apiClient(baseUrl: string | (() => string), { signed = true }: ApiClientOptions = {}) {
  const call = async <T = any>(method: string, path: string, body?: unknown, options: ApiCall = {}): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...(signed && !options.headers?.[internalTokenHeader] ? identityHeaders() : {}), ...options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const base = typeof baseUrl === 'function' ? baseUrl() : baseUrl;
    const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (metrics, HTML docs): the text is the body
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  };
  return {
    get: <T = any>(path: string, options?: ApiCall) => call<T>('GET', path, undefined, options),
    delete: <T = any>(path: string, options?: ApiCall) => call<T>('DELETE', path, undefined, options),
    post: <T = any>(path: string, body?: unknown, options?: ApiCall) => call<T>('POST', path, body, options),
    put: <T = any>(path: string, body?: unknown, options?: ApiCall) => call<T>('PUT', path, body, options),
    patch: <T = any>(path: string, body?: unknown, options?: ApiCall) => call<T>('PATCH', path, body, options),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;
