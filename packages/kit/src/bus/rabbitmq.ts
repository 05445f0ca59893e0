import amqp from 'amqplib';
import type { ChannelModel, ConfirmChannel, Channel } from 'amqplib';
import { eventEnvelopeSchema, type EventEnvelope } from '@emporium/contracts';
import type { Logger } from 'pino';
import type { EventBus, EventHandler } from './bus.ts';
import { redeliveryDelayMs } from './bus.ts';

export interface RabbitBusOptions {
  url: string;
  exchange: string;
  queuePrefix?: string;
  logger: Logger;
  prefetch?: number;
}

const ATTEMPT_HEADER = 'x-emporium-attempt';
const MAX_ATTEMPTS = 8;

/**
 * Distributed mode's bus: a durable topic exchange, one durable queue per consuming service
 * (replicas compete on it), routing key = event type, ack only after the handler succeeded.
 * A failed handler's message is re-published with a growing delay, then parked in `<queue>.dead`.
 */
export class RabbitBus implements EventBus {
  private consumerChannels: Channel[] = [];
  private readonly queueNames = new Set<string>();
  private closing = false;

  private constructor(
    private readonly connection: ChannelModel,
    private readonly publishChannel: ConfirmChannel,
    private readonly options: RabbitBusOptions,
  ) {}

  static async connect(options: RabbitBusOptions): Promise<RabbitBus> {
    const connection = await amqp.connect(options.url);
    connection.on('error', (error) => options.logger.error({ err: error }, 'amqp connection error'));
    const publishChannel = await connection.createConfirmChannel();
    await publishChannel.assertExchange(options.exchange, 'topic', { durable: true });
    return new RabbitBus(connection, publishChannel, options);
  }

  async publish(event: EventEnvelope): Promise<void> {
    await this.publishTo(this.options.exchange, event.type, event, 0);
  }

  async subscribe(consumer: string, types: string[], handler: EventHandler): Promise<void> {
    const queue = `${this.options.queuePrefix ?? ''}${consumer}`;
    this.queueNames.add(queue);
    const channel = await this.connection.createChannel();
    this.consumerChannels.push(channel);
    await channel.assertQueue(queue, { durable: true });
    await channel.assertQueue(`${queue}.dead`, { durable: true });
    for (const type of types) await channel.bindQueue(queue, this.options.exchange, type);
    await channel.prefetch(this.options.prefetch ?? 16);
    await channel.consume(queue, (message) => {
      if (!message) return;
      const attempt = Number(message.properties.headers?.[ATTEMPT_HEADER] ?? 0);
      void this.handle(channel, queue, message.content, attempt, handler).then(
        () => channel.ack(message),
        (error) => {
          this.options.logger.error({ err: error, queue }, 'could not settle message; it stays unacked and returns to the queue');
          if (!this.closing) channel.nack(message, false, true);
        },
      );
    });
  }

  async ping(): Promise<boolean> {
    try {
      await this.publishChannel.checkExchange(this.options.exchange);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled(this.consumerChannels.map((c) => c.close()));
    await this.publishChannel.close().catch(() => {});
    await this.connection.close().catch(() => {});
  }

  /** Names of the queues this bus consumes from (with their prefix). */
  get queues(): string[] {
    return [...this.queueNames];
  }

  /** Deletes an exchange and queues with their dead-letter queues (tests that use throwaway ones). */
  static async deleteTopology(url: string, exchange: string, queues: Iterable<string>): Promise<void> {
    const connection = await amqp.connect(url);
    try {
      const channel = await connection.createChannel();
      for (const queue of queues) {
        await channel.deleteQueue(queue);
        await channel.deleteQueue(`${queue}.dead`);
      }
      await channel.deleteExchange(exchange);
    } finally {
      await connection.close();
    }
  }

  private async handle(channel: Channel, queue: string, content: Buffer, attempt: number, handler: EventHandler): Promise<void> {
    let event: EventEnvelope;
    try {
      event = eventEnvelopeSchema.parse(JSON.parse(content.toString('utf8'))) as EventEnvelope;
    } catch (error) {
      this.options.logger.error({ err: error, queue }, 'unparseable message moved to dead-letter queue');
      channel.sendToQueue(`${queue}.dead`, content, { persistent: true });
      return;
    }
    try {
      await handler(event);
    } catch (error) {
      if (this.closing) throw error;
      if (attempt + 1 >= MAX_ATTEMPTS) {
        this.options.logger.error({ err: error, queue, eventId: event.id }, 'event failed too often; moved to dead-letter queue');
        channel.sendToQueue(`${queue}.dead`, content, { persistent: true });
        return;
      }
      this.options.logger.warn({ err: error, queue, eventId: event.id, attempt }, 'event handler failed; retrying later');
      await new Promise((resolve) => setTimeout(resolve, redeliveryDelayMs(attempt)));
      // Back to this queue only (default exchange), so other consumers do not see it again.
      await this.publishTo('', queue, event, attempt + 1);
    }
  }

  private publishTo(exchange: string, routingKey: string, event: EventEnvelope, attempt: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.publishChannel.publish(
        exchange,
        routingKey,
        Buffer.from(JSON.stringify(event)),
        { persistent: true, messageId: event.id, type: event.type, contentType: 'application/json', headers: { [ATTEMPT_HEADER]: attempt } },
        (error) => (error ? reject(error) : resolve()),
      );
    });
  }
}
