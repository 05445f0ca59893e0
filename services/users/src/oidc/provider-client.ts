import * as client from 'openid-client';
import { HttpProblem, serviceUnavailable } from '@emporium/kit';
import type { ProviderIdentity } from '../domain/account-linking.ts';
import type { OidcSettings } from './config.ts';

/** What a started sign-in must remember to check the provider's answer. */
export interface SignInChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Seconds each request to the provider may take. */
const providerTimeoutSeconds = 10;

/**
 * The external OpenID provider, through openid-client: discovery, the authorization URL with
 * PKCE, the code exchange with ID token validation (signature included) and, when the ID token
 * leaves them out, the email claims from the userinfo endpoint.
 */
export class OidcProviderClient {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(private readonly settings: OidcSettings) {}

  async authorizationUrl(checks: SignInChecks): Promise<URL> {
    const config = await this.config();
    return client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri.href,
      scope: this.settings.scopes,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Exchanges the code in the callback's query for tokens and returns who signed in. */
  async identityFrom(callbackQuery: string, checks: SignInChecks): Promise<ProviderIdentity> {
    const config = await this.config();
    const currentUrl = new URL(this.settings.redirectUri);
    currentUrl.search = callbackQuery;
    try {
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      let { email, email_verified: emailVerified, name } = claims;
      if (typeof email !== 'string' || typeof emailVerified !== 'boolean') {
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        ({ email, email_verified: emailVerified } = info);
        name ??= info.name;
      }
      return {
        issuer: claims.iss,
        subject: claims.sub,
        email: typeof email === 'string' ? email : undefined,
        emailVerified: emailVerified === true,
        name: typeof name === 'string' ? name : undefined,
      };
    } catch (error) {
      throw asProblem(error);
    }
  }

  /** Discovered once and kept; a failed discovery is retried on the next sign-in. */
  private config(): Promise<client.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined;
      throw serviceUnavailable(`The identity provider could not be reached: ${(error as Error).message}`);
    });
    return this.configuration;
  }

  private discover(): Promise<client.Configuration> {
    const execute = [client.enableNonRepudiationChecks];
    // Plain HTTP only for a provider on this machine (development and tests), never across a network.
    if (this.settings.issuer.protocol === 'http:' && isLoopback(this.settings.issuer.hostname)) execute.push(client.allowInsecureRequests);
    return client.discovery(this.settings.issuer, this.settings.clientId, this.settings.clientSecret, undefined, { execute, timeout: providerTimeoutSeconds });
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** The answer failed a check: wrong nonce, issuer or audience, bad signature, stale token. */
const verificationCodes = new Set(['OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED', 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED', 'OAUTH_INVALID_RESPONSE', 'OAUTH_KEY_SELECTION_FAILED']);

function asProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof client.AuthorizationResponseError) return new HttpProblem(400, `The identity provider refused the sign-in: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}`, { providerError: error.error });
  if (error instanceof client.ResponseBodyError && error.status < 500)
    return new HttpProblem(400, `The identity provider did not accept the authorization code: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}`, { providerError: error.error });
  if (error instanceof client.ClientError && error.code && verificationCodes.has(error.code)) return new HttpProblem(401, `The identity provider's answer failed verification: ${error.message}`);
  return serviceUnavailable(`The identity provider did not answer as expected: ${(error as Error).message}`);
}
