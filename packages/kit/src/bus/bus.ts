import type { EventEnvelope } from '@emporium/contracts';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

/**
 * The one interface services see, whether events travel in-process (embedded mode) or over
 * RabbitMQ (distributed mode). Delivery is at-least-once: handlers must be idempotent, which
 * `handleOnce` in the kit's inbox makes easy.
 */
export interface EventBus {
  publish(event: EventEnvelope): Promise<void>;
  /** `consumer` names the durable queue: one per consuming service, shared by its replicas. */
  subscribe(consumer: string, types: string[], handler: EventHandler): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** How long a failed delivery waits before it is retried, growing with each attempt. */
export function redeliveryDelayMs(attempt: number): number {
  return Math.min(100 * 2 ** attempt, 10_000);
}
