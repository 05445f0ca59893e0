import type { TemplateFormat } from '../domain/render.ts';

/** One message to one recipient: an email address, a phone number (E.164) or a push device token. */
export interface OutboundMessage {
  notificationId: string;
  recipient: string;
  subject: string;
  body: string;
  format: TemplateFormat;
}

/**
 * What every delivery channel implements. A send that resolves was accepted by the provider;
 * one that throws failed and will be retried with backoff.
 */
export interface NotificationChannel {
  send(message: OutboundMessage): Promise<{ providerMessageId: string }>;
  close?(): Promise<void>;
}
