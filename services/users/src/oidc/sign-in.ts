import * as client from 'openid-client';
import { badRequest, forbidden, type Executor } from '@emporium/kit';
import type { UsersContext } from '../context.ts';
import type { UserRow } from '../db/schema.ts';
import { findUserByEmail, findUserById, insertUser, setPassword } from '../db/users.ts';
import { markEmailVerified } from '../db/credentials.ts';
import { endAllSessions } from '../auth/revocation.ts';
import { linkIdentity, linkedUserId, savePendingLogin, takePendingLogin } from '../db/oidc-store.ts';
import { recordAudit } from '../db/audit-log.ts';
import { decideLink, type ProviderIdentity } from '../domain/account-linking.ts';
import { normalizeEmail } from '../domain/emails.ts';
import { publishUserRegistered } from '../events/published.ts';
import { UNUSABLE_PASSWORD_HASH } from '../auth/unusable-password.ts';
import type { TokenPair } from '../auth/sessions.ts';
import type { OidcSettings } from './config.ts';
import type { OidcProviderClient } from './provider-client.ts';

export type SignInOutcome = 'returning' | 'linked' | 'created';

/**
 * Sign-in with the external provider (authorization code flow with PKCE). `start` remembers the
 * state, nonce and PKCE verifier in the database and sends the browser to the provider; `finish`
 * takes them back once, checks the provider's answer, finds or links or creates the local
 * account and starts a session exactly as a password login does.
 */
export class OidcSignIn {
  constructor(
    private readonly ctx: UsersContext,
    private readonly provider: OidcProviderClient,
    readonly settings: OidcSettings,
  ) {}

  async start(): Promise<{ authorizationUrl: URL; state: string }> {
    const checks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const authorizationUrl = await this.provider.authorizationUrl(checks);
    await savePendingLogin(this.ctx.deps.db, { ...checks, expiresAt: new Date(Date.now() + this.settings.loginTtlSeconds * 1000) });
    return { authorizationUrl, state: checks.state };
  }

  /**
   * `browserState` is the state cookie set by `start`: a callback must come back to the browser
   * that began the sign-in, or an attacker could sign a victim into the attacker's account.
   */
  async finish(input: { state: string; browserState: string | undefined; callbackQuery: string; requestId: string }): Promise<TokenPair & { userId: string; outcome: SignInOutcome }> {
    if (input.browserState !== input.state) throw badRequest('This sign-in was not started in this browser (its state cookie is missing or different); start again');
    const pending = await takePendingLogin(this.ctx.deps.db, input.state);
    if (!pending) throw badRequest('Unknown, expired or already used sign-in state; start again');
    const identity = await this.provider.identityFrom(input.callbackQuery, pending);
    const { user, outcome } = await this.ctx.deps.db.transaction((tx) => this.accountFor(tx, identity, input.requestId));
    if (outcome !== 'returning') this.ctx.deps.relay.nudge();
    return { ...(await this.ctx.sessions.start(user)), userId: user.id, outcome };
  }

  private async accountFor(tx: Executor, identity: ProviderIdentity, requestId: string): Promise<{ user: UserRow; outcome: SignInOutcome }> {
    const email = identity.email ? normalizeEmail(identity.email) : undefined;
    const decision = decideLink(
      { ...identity, email },
      { linkedUserId: await linkedUserId(tx, identity.issuer, identity.subject), userWithEmail: email ? withVerification(await findUserByEmail(tx, email)) : undefined },
    );
    switch (decision.kind) {
      case 'refuse':
        throw forbidden(decision.reason);
      case 'returning':
        return { user: (await findUserById(tx, decision.userId))!, outcome: 'returning' };
      case 'link':
        if (decision.takeOver) await this.takeOver(tx, decision.userId);
        return { user: await this.link(tx, identity, decision.userId, requestId), outcome: 'linked' };
      case 'create': {
        const created = await insertUser(tx, { email: decision.email, passwordHash: UNUSABLE_PASSWORD_HASH, name: identity.name?.slice(0, 100), roles: ['customer'] });
        // Someone registered this email a moment ago: link to that account instead.
        if (!created) return { user: await this.link(tx, identity, (await findUserByEmail(tx, decision.email))!.id, requestId), outcome: 'linked' };
        await markEmailVerified(tx, created.id);
        await publishUserRegistered(tx, created);
        await this.link(tx, identity, created.id, requestId);
        return { user: created, outcome: 'created' };
      }
    }
  }

  /** The address is now proven by the provider; a password and sessions set up by whoever registered it unverified end. */
  private async takeOver(tx: Executor, userId: string): Promise<void> {
    await setPassword(tx, userId, UNUSABLE_PASSWORD_HASH);
    await endAllSessions(tx, userId, 'identity_takeover', this.ctx.config.ACCESS_TOKEN_TTL_SECONDS);
    await markEmailVerified(tx, userId);
  }

  private async link(tx: Executor, identity: ProviderIdentity, userId: string, requestId: string): Promise<UserRow> {
    const linkedTo = await linkIdentity(tx, { issuer: identity.issuer, subject: identity.subject, userId });
    await recordAudit(tx, { actorId: linkedTo, action: 'user.identity.linked', targetUserId: linkedTo, requestId, details: { issuer: identity.issuer } });
    return (await findUserById(tx, linkedTo))!;
  }
}


function withVerification(user: UserRow | undefined): { id: string; emailVerified: boolean } | undefined {
  return user && { id: user.id, emailVerified: user.emailVerifiedAt !== null };
}
