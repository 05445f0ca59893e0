import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** What the provider knows about one of its users (the claims it releases). */
export interface ProviderAccount {
  email: string;
  email_verified: boolean;
  name?: string;
}

export interface TestOidcProvider {
  issuer: string;
  /** The provider's users by account id (the `sub`); tests add to it. */
  accounts: Map<string, ProviderAccount>;
  /**
   * Plays the browser at the provider: opens the authorization URL, signs in as `accountId`
   * through the login (and consent) screens, and returns where the provider sends it back —
   * the client's redirect URI with `code`, `state` and `iss`.
   */
  signIn(authorizationUrl: string, accountId: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (`oidc-provider`, the certified implementation) on a loopback
 * port, with one confidential client and its development login screens, which accept any
 * account id as the login. Claims follow the spec defaults: the ID token carries `sub`, and
 * email and name come from the userinfo endpoint.
 */
export async function startOidcProvider(client: { clientId: string; clientSecret: string; redirectUri: string }): Promise<TestOidcProvider> {
  const accounts = new Map<string, ProviderAccount>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test-signing-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['test-cookie-signing-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: async () => ({ sub: id, ...account }) } : undefined;
    },
  });
  // Its start-up warnings (development adapter and screens; v9 names Node 22 LTS as its target but
  // runs on 20) are expected here. A provider-side failure is printed, so a failing test says why.
  provider.on('server_error', (_ctx: unknown, error: Error) => console.error('oidc-provider error', error));
  server.on('request', provider.callback());

  return {
    issuer,
    accounts,
    signIn: (authorizationUrl, accountId) => browse(issuer, authorizationUrl, accountId),
    close: () => closeServer(server),
  };
}

/** Follows the provider's redirects with a cookie jar, submitting the login and consent forms on the way. */
async function browse(issuer: string, authorizationUrl: string, accountId: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const send = async (url: URL, form?: Record<string, string>) => {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
    return res;
  };

  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 12; hop++) {
    if (url.origin !== issuer) return url;
    const res = await send(url);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url);
      continue;
    }
    const page = await res.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (res.status !== 200 || !prompt) throw new Error(`the provider answered ${res.status} at ${url.pathname}: ${page.slice(0, 300)}`);
    const submitted = await send(url, prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt });
    if (submitted.status < 300 || submitted.status >= 400) throw new Error(`the ${prompt} form answered ${submitted.status}: ${(await submitted.text()).slice(0, 300)}`);
    url = new URL(submitted.headers.get('location')!, url);
  }
  throw new Error('the provider never sent the browser back');
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
