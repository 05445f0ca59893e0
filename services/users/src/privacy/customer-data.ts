import { badRequest, conflict, forbidden, notFound, writeEvent } from '@emporium/kit';
import type { UsersContext } from '../context.ts';
import { findUserById, lockAdminIds, rolesOf } from '../db/users.ts';
import { getPreferences } from '../db/preferences.ts';
import { identitiesOf, unlinkAllOf } from '../db/oidc-store.ts';
import { anonymiseUser, lockUser } from '../db/erasure.ts';
import { endAllSessions } from '../auth/revocation.ts';
import { recordAudit } from '../db/audit-log.ts';
import { passwordMatches } from '../auth/passwords.ts';
import { hasPassword } from '../auth/unusable-password.ts';
import { userView } from '../routes/views.ts';
import type { CustomerOrdersClient } from './orders-client.ts';

const gone = () => notFound('This account does not exist or has been deleted');

/**
 * Everything the shop holds about the signed-in customer, as one JSON document: the account,
 * preferences, addresses, linked sign-in providers and every order (from the orders service;
 * if it does not answer, there is no export rather than an incomplete one).
 */
export async function exportCustomerData(ctx: UsersContext, orders: CustomerOrdersClient, userId: string, requestId: string) {
  const { db } = ctx.deps;
  const user = await findUserById(db, userId);
  if (!user || user.erasedAt) throw gone();
  const [preferences, identities, customerOrders] = await Promise.all([getPreferences(db, userId), identitiesOf(db, userId), orders.ordersOf(userId, requestId)]);
  await recordAudit(db, { actorId: userId, action: 'user.data.exported', targetUserId: userId, requestId, details: { orders: customerOrders.length } });
  return {
    exportedAt: new Date().toISOString(),
    account: userView(user),
    preferences,
    addresses: user.address ? [user.address] : [],
    linkedIdentities: identities.map((i) => ({ issuer: i.issuer, subject: i.subject, linkedAt: i.linkedAt.toISOString() })),
    orders: customerOrders,
  };
}

/**
 * Deletes the customer's account at their request: the personal data is replaced, sign-in
 * becomes impossible (no password, no linked provider, sessions revoked) and `user.anonymised`
 * tells the other services to anonymise theirs (orders keeps the orders for the books).
 * An account with a password must give it; one made through the identity provider types its email.
 */
export async function eraseAccount(ctx: UsersContext, input: { userId: string; password?: string; confirm?: string; requestId: string }): Promise<void> {
  const { db } = ctx.deps;
  const user = await findUserById(db, input.userId);
  if (!user || user.erasedAt) throw gone();
  if (hasPassword(user)) {
    if (input.password === undefined) throw badRequest('body.password: give your password to delete your account', { field: 'body.password' });
    if (!(await passwordMatches(input.password, user.passwordHash))) throw forbidden('The password is not correct');
  } else if (input.confirm?.trim().toLowerCase() !== user.email) {
    throw badRequest('body.confirm: type the email address of the account to confirm its deletion', { field: 'body.confirm' });
  }
  await db.transaction(async (tx) => {
    const locked = await lockUser(tx, user.id);
    if (!locked || locked.erasedAt) throw gone();
    if (rolesOf(locked).includes('admin')) {
      const admins = await lockAdminIds(tx);
      if (admins.length === 1) throw conflict('The last admin cannot delete their account; make someone else admin first');
    }
    await anonymiseUser(tx, user.id);
    await unlinkAllOf(tx, user.id);
    // Refresh tokens die here; access tokens already issued are refused by the gateway from now on.
    await endAllSessions(tx, user.id, 'erased', ctx.config.ACCESS_TOKEN_TTL_SECONDS);
    await recordAudit(tx, { actorId: user.id, action: 'user.erased', targetUserId: user.id, requestId: input.requestId });
    await writeEvent(tx, 'users', 'user.anonymised', { userId: user.id });
  });
  ctx.deps.relay.nudge();
}
