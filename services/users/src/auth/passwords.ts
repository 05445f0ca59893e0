import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Algorithm is an ambient const enum, which isolatedModules can't reference; 2 is Argon2id.
const argon2id = 2 as Algorithm;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: argon2id });
}

/**
 * Checks a password against a stored hash. With no hash (unknown email) it still does the work
 * of one verification, so response time doesn't tell which emails have accounts.
 */
export async function passwordMatches(password: string, storedHash: string | undefined): Promise<boolean> {
  const ok = await verify(storedHash ?? (await decoyHash()), password).catch(() => false);
  return ok && storedHash !== undefined;
}

let decoy: Promise<string> | undefined;
function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password that matches nothing');
  return decoy;
}
