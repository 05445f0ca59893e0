/**
 * The password hash of accounts that have no password to sign in with: created through the
 * identity provider, or erased. It is not an argon2 hash, so no password ever matches it.
 */
export const UNUSABLE_PASSWORD_HASH = '!';

export const hasPassword = (user: { passwordHash: string }) => user.passwordHash !== UNUSABLE_PASSWORD_HASH;
