import { writeEvent, type Executor } from '@emporium/kit';
import type { Role } from '@emporium/contracts';

/**
 * Events this service publishes, written to the outbox inside the caller's transaction.
 * It consumes none. Call `deps.relay.nudge()` after the commit.
 */
export function publishUserRegistered(tx: Executor, user: { id: string; email: string }) {
  return writeEvent(tx, 'users', 'user.registered', { userId: user.id, email: user.email });
}

export function publishRoleChanged(tx: Executor, change: { userId: string; roles: Role[]; changedBy: string }) {
  return writeEvent(tx, 'users', 'user.role_changed', change);
}
