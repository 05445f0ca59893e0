import nodemailer from 'nodemailer';
import { textFromHtml } from '../domain/render.ts';
import type { NotificationChannel, OutboundMessage } from './channel.ts';

export interface EmailSettings {
  /** smtp:// or smtps:// URL; undefined selects nodemailer's jsonTransport (builds the message, sends nothing). */
  smtpUrl?: string;
  from: string;
  timeoutMs: number;
}

/** Email through nodemailer: SMTP when configured, otherwise jsonTransport (development). */
export function emailChannel(settings: EmailSettings): NotificationChannel {
  const transport = settings.smtpUrl
    ? nodemailer.createTransport({
        url: settings.smtpUrl,
        // Fail fast instead of nodemailer's two-minute defaults; the retry loop tries again later.
        connectionTimeout: settings.timeoutMs,
        greetingTimeout: settings.timeoutMs,
        socketTimeout: settings.timeoutMs,
      })
    : nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(message: OutboundMessage) {
      const content = message.format === 'html' ? { html: message.body, text: textFromHtml(message.body) } : { text: message.body };
      const info = await transport.sendMail({
        from: settings.from,
        to: message.recipient,
        subject: message.subject,
        ...content,
        headers: { 'X-Emporium-Notification-Id': message.notificationId },
      });
      return { providerMessageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
