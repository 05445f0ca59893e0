export type ReservationStatus = 'reserved' | 'released' | 'expired' | 'committed';

/** A held reservation past its expiry counts as expired even before the sweeper gets to it. */
export function effectiveStatus(status: ReservationStatus, expiresAt: Date, now: Date): ReservationStatus {
  return status === 'reserved' && expiresAt.getTime() <= now.getTime() ? 'expired' : status;
}

/** What a commit request does given the reservation's state. */
export type CommitDecision = 'commit' | 'already_committed' | 'expire_then_reject' | 'reject';

export function decideCommit(status: ReservationStatus, expiresAt: Date, now: Date): CommitDecision {
  const effective = effectiveStatus(status, expiresAt, now);
  if (effective === 'committed') return 'already_committed';
  if (effective === 'reserved') return 'commit';
  return status === 'reserved' ? 'expire_then_reject' : 'reject';
}

/** What a release request does: releasing twice (or after expiry) is fine, after a commit it is not. */
export type ReleaseDecision = 'release' | 'nothing_held' | 'reject';

export function decideRelease(status: ReservationStatus): ReleaseDecision {
  if (status === 'reserved') return 'release';
  return status === 'committed' ? 'reject' : 'nothing_held';
}
