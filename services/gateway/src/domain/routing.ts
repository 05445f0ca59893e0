/** Where a client request under the public prefix goes. */
export type ProxyTarget =
  | { kind: 'proxy'; service: string; path: string; search: string }
  | { kind: 'unknown-service'; service: string };

export const publicPrefix = '/api/v1';

/**
 * Maps `/api/v1/<svc>/rest?q` to service `<svc>` at `/<svc>/rest?q`. The path is normalised
 * first, the way a URL to the upstream would be (dot segments, `%2e`, backslashes), so the
 * result always stays under `/<svc>`: `/internal/...` and the kit's own endpoints stay unreachable.
 */
export function resolveProxyTarget(rawUrl: string, known: readonly string[]): ProxyTarget {
  const url = new URL(rawUrl, 'http://gateway.invalid');
  const rest = url.pathname.startsWith(`${publicPrefix}/`) ? url.pathname.slice(publicPrefix.length) : '/';
  const service = rest.split('/')[1] ?? '';
  if (!known.includes(service)) return { kind: 'unknown-service', service };
  return { kind: 'proxy', service, path: rest, search: url.search };
}
