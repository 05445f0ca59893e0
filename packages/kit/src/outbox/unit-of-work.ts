import type { EventData, EventEnvelope, EventType } from '@emporium/contracts';
import type { Db, Executor, Tx } from '../db.ts';
import { writeEvent, type OutboxRelay } from './outbox.ts';

/** Writes events into the unit of work's transaction (the outbox), as `source`. */
export interface EventWriter {
  publish<T extends EventType>(type: T, data: EventData<T>): Promise<EventEnvelope<EventData<T>>>;
}

/** Runs `work` in one transaction; after the commit, the outbox relay is woken if events were written. */
export type UnitOfWork = <R>(work: (tx: Tx, events: EventWriter) => Promise<R>) => Promise<R>;

/** Transactions that wrote an event (through `events.publish` or `writeEvent`), so their commit wakes the relay. */
const wroteEvents = new WeakSet<Executor>();

/** Marks `tx` as having written an event; `writeEvent` calls it. */
export function markEventWritten(tx: Executor): void {
  wroteEvents.add(tx);
}

/**
 * The one way a service commits a change with its events: the events go to the outbox in the same
 * transaction, and once it has committed the relay publishes them at once instead of at its next poll.
 */
export function unitOfWork(db: Db, source: string, relay: Pick<OutboxRelay, 'nudge'>): UnitOfWork {
  return async (work) => {
    let transaction: Tx | undefined;
    const result = await db.transaction(async (tx) => {
      transaction = tx;
      return work(tx, { publish: (type, data) => writeEvent(tx, source, type, data) });
    });
    if (transaction && wroteEvents.has(transaction)) relay.nudge();
    return result;
  };
}
