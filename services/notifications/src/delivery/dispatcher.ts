import type { Logger } from 'pino';
import type { Db } from '@emporium/kit';
import type { Channels } from '../channels/index.ts';
import { nextAttemptAt } from '../domain/retry.ts';
import { claimForSend, dueNotificationIds, markFailed, markSent, wipeBody } from '../db/notifications.ts';
import { confidentialEvents } from '../domain/templates.ts';

export interface DeliveryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
  pollMs: number;
  leaseMs: number;
}

/**
 * Sends committed notifications through their channel and records the outcome. A new
 * notification is sent right after its transaction commits (`sendSoon`); a timer picks up failed
 * ones when their backoff has passed, and queued ones a crash left behind.
 */
export class Dispatcher {
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly channels: Channels,
    private readonly logger: Logger,
    private readonly policy: DeliveryPolicy,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Call only after the notification's row is committed. */
  sendSoon(id: string): void {
    if (!this.stopped) this.track(this.attempt(id));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
    await Promise.allSettled(Object.values(this.channels).map((c) => c.close?.()));
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      void this.track(this.retryDue()).finally(() => {
        if (!this.stopped) this.schedule();
      });
    }, this.policy.pollMs);
    this.timer.unref();
  }

  private async retryDue(): Promise<void> {
    try {
      const ids = await dueNotificationIds(this.db, new Date(), this.policy.maxAttempts, 50);
      await Promise.all(ids.map((id) => this.track(this.attempt(id))));
    } catch (error) {
      this.logger.warn({ err: error }, 'notification retry pass failed; will try again');
    }
  }

  private track(work: Promise<void>): Promise<void> {
    const tracked = work.catch((error) => this.logger.error({ err: error }, 'could not record a notification delivery outcome'));
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    return tracked;
  }

  private async attempt(id: string): Promise<void> {
    const now = new Date();
    const row = await claimForSend(this.db, id, now, new Date(now.getTime() + this.policy.leaseMs), this.policy.maxAttempts);
    if (!row) return; // sent already, not due, or another sender has it
    try {
      const { providerMessageId } = await this.channels[row.channel].send({ notificationId: row.id, recipient: row.recipient, subject: row.subject, body: row.body, format: row.format });
      await markSent(this.db, row.id, providerMessageId, new Date());
      if (confidentialEvents.has(row.eventType)) await wipeBody(this.db, row.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = nextAttemptAt(row.attempts, new Date(), this.policy);
      this.logger.warn({ notificationId: row.id, channel: row.channel, attempts: row.attempts, retryAt, err: error }, retryAt ? 'notification send failed; will retry' : 'notification send failed; giving up');
      await markFailed(this.db, row.id, message, retryAt, new Date());
    }
  }
}
