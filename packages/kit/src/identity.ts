import { createHmac } from 'node:crypto';
import { jwtVerify, errors } from 'jose';
import { internalTokenClaimsSchema, internalTokenIssuer, type Role } from '@emporium/contracts';
import { unauthorized } from './errors.ts';

/** A signed-in user, as verified by the gateway and vouched for in an internal token. */
export interface Principal {
  userId: string;
  email?: string;
  roles: Role[];
}

/** Who made a request to a service: the platform service that signed it, and the user it acts for. */
export interface Caller {
  service: string;
  principal: Principal | null;
}

/** Shortest secret accepted: HS256 wants at least as many bits as the hash (256). */
export const minInternalSecretLength = 32;

/**
 * Signs and verifies the short-lived HS256 tokens that carry identity between services. Every
 * service holds the same secret (INTERNAL_TOKEN_SECRET); whoever holds it is platform code, so a
 * token is trusted as the service it names.
 */
export class InternalTokens {
  private readonly key: Buffer;

  constructor(
    secret: string,
    /** The name this process signs as. */
    readonly service: string,
    private readonly ttlSeconds = 60,
  ) {
    if (secret.length < minInternalSecretLength) throw new Error(`The internal token secret must have at least ${minInternalSecretLength} characters`);
    this.key = Buffer.from(secret);
  }

  /**
   * A token naming this service and, when acting for one, the user. Signed synchronously with
   * node:crypto (a JWS is three base64url parts) so headers can be built inline; jose verifies.
   */
  sign(principal?: Principal | null, ttlSeconds = this.ttlSeconds): string {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: internalTokenIssuer,
      svc: this.service,
      ...(principal ? { sub: principal.userId, roles: principal.roles, ...(principal.email ? { email: principal.email } : {}) } : {}),
      iat: now,
      exp: now + ttlSeconds,
    };
    const signingInput = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
    return `${signingInput}.${createHmac('sha256', this.key).update(signingInput).digest('base64url')}`;
  }

  /** The caller a token names; a 401 problem when it is not a valid, current token of ours. */
  async verify(token: string): Promise<Caller> {
    let payload: unknown;
    try {
      // A little clock tolerance: the signer is another machine of the platform.
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: internalTokenIssuer, requiredClaims: ['exp', 'iat'], clockTolerance: 5 }));
    } catch (error) {
      throw error instanceof errors.JWTExpired ? unauthorized('The internal token has expired') : unauthorized('The internal token is invalid');
    }
    const claims = internalTokenClaimsSchema.safeParse(payload);
    if (!claims.success) throw unauthorized('The internal token is missing required claims');
    const { svc, sub, roles, email } = claims.data;
    return { service: svc, principal: sub ? { userId: sub, roles: roles ?? [], email } : null };
  }
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
