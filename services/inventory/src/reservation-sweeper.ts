import type { ServiceApp, ServiceDeps } from '@emporium/kit';
import { expireDue } from './db/reservation-store.ts';

/**
 * Periodically releases reservations whose TTL ran out, so abandoned checkouts give their stock
 * back. The timer never keeps the process alive and stops with the app.
 */
export function startReservationSweeper(app: ServiceApp, deps: ServiceDeps, intervalMs: number): void {
  let running: Promise<void> | undefined;
  const sweep = async () => {
    const expired = await expireDue(deps.db, deps.unitOfWork, new Date());
    if (expired > 0) deps.logger.info({ expired }, 'released expired reservations');
  };
  const timer = setInterval(() => {
    if (running) return; // a slow pass is not stacked with the next one
    running = sweep()
      .catch((error) => deps.logger.warn({ err: error }, 'reservation sweep failed; will retry'))
      .finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
