import { createRemoteJWKSet, jwtVerify, errors } from 'jose';
import { accessTokenClaimsSchema } from '@emporium/contracts';
import { HttpProblem, serviceUnavailable, unauthorized } from '@emporium/kit';
import type { Principal } from '../domain/headers.ts';

type KeySet = ReturnType<typeof createRemoteJWKSet>;

/**
 * Verifies the users service's RS256 access tokens against its JWKS. jose caches the key set
 * and refetches it when a token names a key it has not seen (key rotation).
 */
export class TokenVerifier {
  private keys?: { url: string; set: KeySet };

  constructor(
    private readonly jwksUrl: () => string,
    private readonly issuer: string,
  ) {}

  /** The token's principal; a 401 problem if the token is not valid, 503 if keys are unreachable. */
  async verify(token: string): Promise<Principal> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.keySet(), { algorithms: ['RS256'], issuer: this.issuer }));
    } catch (error) {
      throw toProblem(error);
    }
    const claims = accessTokenClaimsSchema.safeParse(payload);
    if (!claims.success) throw unauthorized('Access token is missing required claims');
    return { userId: claims.data.sub, email: claims.data.email, roles: claims.data.roles };
  }

  private keySet(): KeySet {
    const url = this.jwksUrl();
    if (this.keys?.url !== url) this.keys = { url, set: createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000 }) };
    return this.keys.set;
  }
}

function toProblem(error: unknown): HttpProblem {
  if (error instanceof errors.JWTExpired) return unauthorized('Access token has expired');
  const keysUnreachable = error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError);
  if (keysUnreachable) return serviceUnavailable('Cannot verify the access token now: signing keys are unavailable');
  return unauthorized('Access token is invalid');
}
