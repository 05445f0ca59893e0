import { randomUUID } from 'node:crypto';
import { asc, eq, isNull, sql } from 'drizzle-orm';
import { eventSchemas, parseEventData, type EventData, type EventEnvelope, type EventType } from '@emporium/contracts';
import type { Logger } from 'pino';
import type { Db, Executor } from '../db.ts';
import type { EventBus } from '../bus/bus.ts';
import { outbox, processedEvents } from './schema.ts';
import { markEventWritten } from './unit-of-work.ts';

/**
 * Records an event in the outbox inside the caller's transaction, so the event exists exactly
 * when the change it describes was committed. The payload is checked against its contract here,
 * at the source, not discovered broken at a consumer.
 */
export async function writeEvent<T extends EventType>(tx: Executor, source: string, type: T, data: EventData<T>): Promise<EventEnvelope<EventData<T>>> {
  const event = {
    id: randomUUID(),
    type,
    version: eventSchemas[type].version,
    occurredAt: new Date().toISOString(),
    source,
    data: parseEventData(type, data),
  };
  await tx.insert(outbox).values({ ...event, occurredAt: new Date(event.occurredAt) });
  markEventWritten(tx);
  return event;
}

/**
 * Publishes committed outbox rows to the bus, oldest first, and marks them published.
 * Rows are claimed with SKIP LOCKED so replicas share the work; a crash between publish and
 * mark means the row is published again (at-least-once), never lost.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;
  /** Consecutive passes that found nothing; an idle relay polls less often (a nudge resets it). */
  private idlePasses = 0;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly pollMs = 500,
    private readonly batchSize = 100,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Publish soon instead of waiting for the next poll; a unit of work calls it after a commit that wrote events. */
  nudge(): void {
    if (this.stopped) return;
    this.idlePasses = 0;
    this.schedule(0);
  }

  /** One pass over the outbox; returns how many events went out. Exposed for tests. */
  async flush(): Promise<number> {
    while (this.running) await this.running;
    this.running = this.publishBatch();
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  /**
   * Writers nudge the relay after their commits, so polling only catches what a nudge missed
   * (another replica's writes, a crash). An idle relay backs off to 8 × pollMs, which keeps
   * eight services in one process from spending their databases on empty polls.
   */
  private nextPollMs(): number {
    return this.pollMs * 2 ** Math.min(this.idlePasses, 3);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.flush()
        .catch((error) => this.logger.warn({ err: error }, 'outbox relay pass failed; will retry'))
        .then((count) => {
          if (this.stopped) return;
          this.idlePasses = count ? 0 : this.idlePasses + 1;
          this.schedule(count === this.batchSize ? 0 : this.nextPollMs());
        });
    }, delay);
    this.timer.unref?.();
  }

  private publishBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(outbox)
        .where(isNull(outbox.publishedAt))
        .orderBy(asc(outbox.occurredAt))
        .limit(this.batchSize)
        .for('update', { skipLocked: true });
      for (const row of rows) {
        await this.bus.publish({ id: row.id, type: row.type, version: row.version, source: row.source, occurredAt: row.occurredAt.toISOString(), data: row.data });
        await tx.update(outbox).set({ publishedAt: sql`now()` }).where(eq(outbox.id, row.id));
      }
      return rows.length;
    });
  }
}

/**
 * Runs `work` for an event at most once per consumer: the event id is recorded in the same
 * transaction as the work's writes, so a redelivery finds it and does nothing.
 * Returns false when the event had been handled already.
 */
export async function handleOnce(db: Db, consumer: string, event: EventEnvelope, work: (tx: Executor) => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(processedEvents)
      .values({ consumer, eventId: event.id })
      .onConflictDoNothing()
      .returning({ eventId: processedEvents.eventId });
    if (inserted.length === 0) return false;
    await work(tx);
    return true;
  });
}
