import { every, type ServiceApp, type ServiceDeps } from '@emporium/kit';
import { expireDue } from './db/reservation-store.ts';

/** Periodically releases reservations whose TTL ran out, so abandoned checkouts give their stock back. */
export function startReservationSweeper(app: ServiceApp, deps: ServiceDeps, intervalMs: number): void {
  every(
    app,
    intervalMs,
    async () => {
      const expired = await expireDue(deps.db, deps.unitOfWork, new Date());
      if (expired > 0) deps.logger.info({ expired }, 'released expired reservations');
    },
    { name: 'reservation sweep', runAtStart: false },
  );
}
