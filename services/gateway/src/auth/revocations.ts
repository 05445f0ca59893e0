import type { FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { accessTokenClaimsSchema, parseEventData } from '@emporium/contracts';
import { serviceUnavailable, unauthorized, type ServiceDeps } from '@emporium/kit';
import { requestState } from './authentication.ts';
import { MemoryRevocationStore, RedisRevocationStore, type RevocationStore } from './revocation-store.ts';

/**
 * Logout, a password change and a role change reach the gateway as events from users; from then
 * on it refuses the access tokens they cover, instead of honouring them until they expire.
 */
export function revocationStore(deps: ServiceDeps): RevocationStore {
  return deps.redis ? new RedisRevocationStore(deps.redis, `${deps.name}:`) : new MemoryRevocationStore();
}

/** Subscribes the gateway (one queue shared by its replicas) to the users service's revocations. */
export async function followRevocations(deps: ServiceDeps, store: RevocationStore): Promise<void> {
  await deps.bus.subscribe(deps.name, ['user.session_revoked', 'user.tokens_revoked'], async (event) => {
    // Applying one twice changes nothing, so redeliveries need no inbox.
    if (event.type === 'user.session_revoked') {
      const data = parseEventData('user.session_revoked', event.data);
      await store.revokeSession(data.sessionId, new Date(data.forgetAfter));
    } else {
      const data = parseEventData('user.tokens_revoked', event.data);
      await store.revokeVersionsBelow(data.userId, data.minTokenVersion, new Date(data.forgetAfter));
    }
  });
}

const revocationClaims = accessTokenClaimsSchema.pick({ sid: true, ver: true });

/**
 * onRequest, after authentication: a verified token that was revoked is treated like an invalid
 * one (401 after rate limiting). If the store cannot be asked, the request is refused (503)
 * rather than let a revoked token through.
 */
export function rejectRevokedTokens(store: RevocationStore) {
  return async (request: FastifyRequest) => {
    const entry = requestState(request);
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!entry.principal || !token) return;
    const claims = revocationClaims.safeParse(decodeJwt(token));
    const identity = { userId: entry.principal.userId, sessionId: claims.data?.sid, version: claims.data?.ver };
    try {
      if (!(await store.isRevoked(identity))) return;
      entry.error = unauthorized('Access token has been revoked; refresh it or sign in again');
    } catch (error) {
      request.log.error({ err: error }, 'revocation check failed');
      entry.error = serviceUnavailable('Cannot check the access token now: the revocation list is unavailable');
    }
    entry.principal = null;
  };
}
