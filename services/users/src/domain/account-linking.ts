/** What the identity provider vouched for about the person signing in. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
}

export type LinkDecision =
  /** This provider account signed in before: it is that user, whatever its email says today. */
  | { kind: 'returning'; userId: string }
  /**
   * A local account has the email the provider verified: the provider account is linked to it.
   * `takeOver`: the local account never proved it owns the address, so whoever registered it
   * (perhaps someone pre-registering a victim's email) loses its password and sessions.
   */
  | { kind: 'link'; userId: string; takeOver: boolean }
  | { kind: 'create'; email: string }
  | { kind: 'refuse'; reason: string };

/**
 * How a provider sign-in maps to a local account. Only an email the provider has verified may
 * claim an existing account or found a new one: otherwise anyone could register the victim's
 * address at a lax provider and walk into the victim's shop account.
 */
export function decideLink(
  identity: ProviderIdentity,
  existing: { linkedUserId?: string; userWithEmail?: { id: string; emailVerified: boolean } },
): LinkDecision {
  if (existing.linkedUserId) return { kind: 'returning', userId: existing.linkedUserId };
  if (!identity.email) return { kind: 'refuse', reason: 'The identity provider did not share an email address; allow the email scope and try again' };
  if (!identity.emailVerified) return { kind: 'refuse', reason: 'The identity provider has not verified this email address; verify it there and sign in again' };
  if (existing.userWithEmail) return { kind: 'link', userId: existing.userWithEmail.id, takeOver: !existing.userWithEmail.emailVerified };
  return { kind: 'create', email: identity.email };
}
