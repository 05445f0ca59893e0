import { asc, desc, sql } from 'drizzle-orm';
import type { JWK } from 'jose';
import type { Db } from '@emporium/kit';
import { signingKeys } from './schema.ts';
import { generateSigningKey, signingKeyFromPem, type SigningKey } from '../auth/signing-key.ts';

/**
 * The newest stored signing key, generating and storing one if there is none. The advisory lock
 * makes replicas that start together agree on one key instead of each minting its own.
 */
export async function loadOrCreateSigningKey(db: Db): Promise<SigningKey> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('users.signing_keys'))`);
    const [stored] = await tx.select().from(signingKeys).orderBy(desc(signingKeys.createdAt)).limit(1);
    if (stored) return signingKeyFromPem(stored.privateKeyPem, stored.kid);
    const { key, pem } = await generateSigningKey();
    await tx.insert(signingKeys).values({ kid: key.kid, privateKeyPem: pem, publicJwk: key.publicJwk as Record<string, unknown> });
    return key;
  });
}

/** Public halves of every stored key, so tokens signed with any of them keep verifying. */
export async function storedPublicJwks(db: Db): Promise<JWK[]> {
  const rows = await db.select({ jwk: signingKeys.publicJwk }).from(signingKeys).orderBy(asc(signingKeys.createdAt));
  return rows.map((r) => r.jwk as JWK);
}
