import type { Tokens } from '../api/models.ts';

/** The signed-in session (tokens in localStorage) and what the access token says about the user. */
export interface Identity { userId: string; email: string; roles: string[] }

const storageKey = 'emporium.session';
const listeners = new Set<() => void>();
let refreshing: Promise<string | undefined> | undefined;

export function storedTokens(): Tokens | undefined {
  try {
    const raw = localStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as Tokens) : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the session; `quietly` leaves the UI as it is (for work that must finish before it shows the user as signed in). */
export function storeTokens(tokens: Tokens | undefined, { quietly = false } = {}): void {
  if (tokens) localStorage.setItem(storageKey, JSON.stringify(tokens));
  else localStorage.removeItem(storageKey);
  if (!quietly) for (const listener of listeners) listener();
}

export function onTokensChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function claims(accessToken: string): { sub: string; email: string; roles: string[]; exp: number } | undefined {
  try {
    const payload = accessToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  } catch {
    return undefined;
  }
}

export function identityOf(tokens: Tokens | undefined): Identity | undefined {
  const c = tokens && claims(tokens.accessToken);
  return c ? { userId: c.sub, email: c.email, roles: c.roles ?? [] } : undefined;
}

/** The access token, refreshed first when it is about to expire (one refresh at a time). */
export async function currentAccessToken(): Promise<string | undefined> {
  const tokens = storedTokens();
  if (!tokens) return undefined;
  const expiresAt = (claims(tokens.accessToken)?.exp ?? 0) * 1000;
  if (expiresAt - Date.now() > 30_000) return tokens.accessToken;
  refreshing ??= refresh(tokens.refreshToken).finally(() => { refreshing = undefined; });
  return refreshing;
}

async function refresh(refreshToken: string): Promise<string | undefined> {
  // Plain fetch: the typed client would call back into currentAccessToken.
  const res = await fetch('/api/v1/users/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) });
  if (!res.ok) {
    storeTokens(undefined);
    return undefined;
  }
  const tokens = (await res.json()) as Tokens;
  storeTokens(tokens);
  return tokens.accessToken;
}
