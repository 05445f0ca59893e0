import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { NotificationChannel, OutboundMessage } from './channel.ts';

/**
 * The built-in SMS / push provider: it delivers nothing, it writes the message to the service log.
 * The notification row (status sent, provider id `log-…`) is the record in the database.
 */
export function logChannel(channel: 'sms' | 'push', logger: Logger): NotificationChannel {
  return {
    async send(message: OutboundMessage) {
      const providerMessageId = `log-${randomUUID()}`;
      logger.info({ channel, providerMessageId, notificationId: message.notificationId, recipient: message.recipient, subject: message.subject, body: message.body }, `${channel} message (log provider)`);
      return { providerMessageId };
    },
  };
}
