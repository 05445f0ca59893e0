import type { EventEnvelope } from '@emporium/contracts';
import type { EventBus, EventHandler } from './bus.ts';
import { redeliveryDelayMs } from './bus.ts';

interface Subscription {
  consumer: string;
  types: Set<string>;
  handler: EventHandler;
}

/**
 * The embedded mode's bus: every service runs in one process and shares one instance.
 * Like a durable queue, a failed handler gets the event again later (bounded attempts).
 */
export class InProcessBus implements EventBus {
  private readonly subscriptions: Subscription[] = [];
  private readonly pending = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: { maxAttempts?: number; onGiveUp?: (event: EventEnvelope, consumer: string, error: unknown) => void } = {}) {}

  async publish(event: EventEnvelope): Promise<void> {
    if (this.closed) throw new Error('event bus is closed');
    for (const sub of this.subscriptions) {
      if (sub.types.has(event.type)) this.track(this.deliver(sub, event, 0));
    }
  }

  async subscribe(consumer: string, types: string[], handler: EventHandler): Promise<void> {
    this.subscriptions.push({ consumer, types: new Set(types), handler });
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  /** Resolves once every delivery in flight has finished (tests and clean shutdown). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.drain();
  }

  private track(delivery: Promise<void>): void {
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  private async deliver(sub: Subscription, event: EventEnvelope, attempt: number): Promise<void> {
    // Asynchronous like a broker: the publisher never runs the consumer's code on its own stack.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      await sub.handler(event);
    } catch (error) {
      const maxAttempts = this.options.maxAttempts ?? 8;
      if (this.closed || attempt + 1 >= maxAttempts) {
        this.options.onGiveUp?.(event, sub.consumer, error);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, redeliveryDelayMs(attempt)));
      await this.deliver(sub, event, attempt + 1);
    }
  }
}
