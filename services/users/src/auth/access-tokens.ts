import { SignJWT, type JWK } from 'jose';
import type { AccessTokenClaims } from '@emporium/contracts';
import type { SigningKey } from './signing-key.ts';

/** Signs the RS256 access tokens the gateway verifies against our JWKS. */
export class AccessTokenSigner {
  constructor(
    private readonly key: SigningKey,
    readonly issuer: string,
    readonly ttlSeconds: number,
  ) {}

  get publicJwk(): JWK {
    return this.key.publicJwk;
  }

  sign(claims: AccessTokenClaims): Promise<string> {
    return new SignJWT({ email: claims.email, roles: claims.roles, sid: claims.sid, ver: claims.ver })
      .setProtectedHeader({ alg: 'RS256', kid: this.key.kid, typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key.privateKey);
  }
}
