import { z } from 'zod';

const oidcKeys = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;

/** Sign-in with an external OpenID Connect provider: off unless all four are set. */
export const oidcConfigSchema = z
  .object({
    /** The provider's issuer identifier; its metadata is discovered from `/.well-known/openid-configuration`. */
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Where the provider sends the browser back: the gateway's `/api/v1/users/oidc/callback` or a front-end page that forwards its query there. */
    OIDC_REDIRECT_URI: z.url().optional(),
    OIDC_SCOPES: z.string().min(1).default('openid email profile'),
    /** How long a started sign-in may take to come back. */
    OIDC_LOGIN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
  })
  .superRefine((config, ctx) => {
    const missing = oidcKeys.filter((key) => config[key] === undefined);
    if (missing.length > 0 && missing.length < oidcKeys.length)
      ctx.addIssue({ code: 'custom', path: [missing[0]!], message: `OpenID Connect sign-in needs ${oidcKeys.join(', ')} together; missing ${missing.join(', ')}` });
  });

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: URL;
  scopes: string;
  loginTtlSeconds: number;
}

export function oidcSettings(config: z.infer<typeof oidcConfigSchema>): OidcSettings | undefined {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET || !config.OIDC_REDIRECT_URI) return undefined;
  return {
    issuer: new URL(config.OIDC_ISSUER),
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    redirectUri: new URL(config.OIDC_REDIRECT_URI),
    scopes: config.OIDC_SCOPES,
    loginTtlSeconds: config.OIDC_LOGIN_TTL_SECONDS,
  };
}
