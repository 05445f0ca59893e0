import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { calculateJwkThumbprint, type JWK } from 'jose';

/** The RS256 key access tokens are signed with, and its public half as published in the JWKS. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JWK;
}

export async function signingKeyFromPem(pem: string, kid?: string): Promise<SigningKey> {
  // Env files often carry PEMs on one line with literal "\n".
  const privateKey = createPrivateKey(pem.replace(/\\n/g, '\n'));
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('JWT_PRIVATE_KEY must be an RSA key (RS256)');
  const bare = createPublicKey(privateKey).export({ format: 'jwk' }) as JWK;
  const keyId = kid ?? (await calculateJwkThumbprint(bare));
  return { kid: keyId, privateKey, publicJwk: { ...bare, kid: keyId, alg: 'RS256', use: 'sig' } };
}

export async function generateSigningKey(): Promise<{ key: SigningKey; pem: string }> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return { key: await signingKeyFromPem(pem), pem };
}
