import type { Logger } from 'pino';
import type { ChannelName } from '../domain/templates.ts';
import type { Settings } from '../config.ts';
import type { NotificationChannel } from './channel.ts';
import { emailChannel } from './email.ts';
import { logChannel } from './log.ts';

export type Channels = Record<ChannelName, NotificationChannel>;

/**
 * Picks each channel's provider from the settings. To add a real SMS or push gateway, write a
 * NotificationChannel for it (e.g. channels/twilio.ts), add its name to SMS_PROVIDER / PUSH_PROVIDER
 * in config.ts and choose it here.
 */
export function buildChannels(settings: Settings, logger: Logger): Channels {
  return {
    email: emailChannel({ smtpUrl: settings.SMTP_URL, from: settings.MAIL_FROM, timeoutMs: settings.SMTP_TIMEOUT_MS }),
    sms: { log: () => logChannel('sms', logger) }[settings.SMS_PROVIDER](),
    push: { log: () => logChannel('push', logger) }[settings.PUSH_PROVIDER](),
  };
}
