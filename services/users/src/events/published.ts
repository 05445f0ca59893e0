import { writeEvent, type Executor } from '@emporium/kit';
import type { EventData, Role } from '@emporium/contracts';

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

/** Access tokens of this session must stop working now (the gateway follows these). */
export function publishSessionRevoked(tx: Executor, revocation: EventData<'user.session_revoked'>) {
  return writeEvent(tx, 'users', 'user.session_revoked', revocation);
}

/** Every access token of the user older than `minTokenVersion` must stop working now. */
export function publishTokensRevoked(tx: Executor, revocation: EventData<'user.tokens_revoked'>) {
  return writeEvent(tx, 'users', 'user.tokens_revoked', revocation);
}

/** Emails about the account; notifications renders and sends them. */
export function publishEmailVerificationRequested(tx: Executor, mail: EventData<'user.email_verification_requested'>) {
  return writeEvent(tx, 'users', 'user.email_verification_requested', mail);
}

export function publishPasswordResetRequested(tx: Executor, mail: EventData<'user.password_reset_requested'>) {
  return writeEvent(tx, 'users', 'user.password_reset_requested', mail);
}

export function publishSignupWithExistingEmail(tx: Executor, mail: EventData<'user.signup_with_existing_email'>) {
  return writeEvent(tx, 'users', 'user.signup_with_existing_email', mail);
}

export function publishPasswordChanged(tx: Executor, mail: EventData<'user.password_changed'>) {
  return writeEvent(tx, 'users', 'user.password_changed', mail);
}
