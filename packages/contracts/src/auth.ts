import { z } from 'zod';

export const roles = ['customer', 'staff', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Claims in the RS256 access tokens the users service signs. */
export const accessTokenClaimsSchema = z.object({
  sub: z.string(),
  email: z.email(),
  roles: z.array(roleSchema),
  /** Sign-in session (refresh token family) the token belongs to; the gateway rejects tokens of ended sessions. */
  sid: z.string().optional(),
  /** The user's token version when it was issued; a role or password change raises it, older tokens are refused. */
  ver: z.number().int().nonnegative().optional(),
});
export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;

/** Headers the gateway sets on proxied requests once a token is verified (and strips from clients). */
export const principalHeaders = {
  userId: 'x-user-id',
  roles: 'x-user-roles',
  email: 'x-user-email',
} as const;
