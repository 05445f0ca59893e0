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

/**
 * Identity between services: the header carrying a short-lived HS256 token that the gateway (or a
 * calling service) signs with the platform's INTERNAL_TOKEN_SECRET and every service verifies.
 */
export const internalTokenHeader = 'x-internal-token';
export const internalTokenIssuer = 'emporium-internal';

/** Claims of an internal token: the calling service, and the user it acts for if any. */
export const internalTokenClaimsSchema = z.object({
  /** The service that signed the token (the gateway for client requests). */
  svc: z.string().min(1).max(64),
  sub: z.string().min(1).max(200).optional(),
  email: z.string().max(254).optional(),
  roles: z.array(roleSchema).optional(),
});
export type InternalTokenClaims = z.infer<typeof internalTokenClaimsSchema>;

/**
 * The identity headers services used to trust. Nothing sets them any more; a service refuses a
 * request carrying them (401), and the gateway strips them from clients.
 */
export const legacyPrincipalHeaders = ['x-user-id', 'x-user-roles', 'x-user-email'] as const;
