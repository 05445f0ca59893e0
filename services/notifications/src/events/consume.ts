import { randomUUID } from 'node:crypto';
import { handleOnce, type Executor, type ServiceDeps } from '@emporium/kit';
import { parseEventData, type EventEnvelope } from '@emporium/contracts';
import { renderTemplate } from '../domain/render.ts';
import { notifiedEvents, templateVariables, type Locale, type NotifiedEvent } from '../domain/templates.ts';
import { resolveTemplate } from '../db/templates.ts';
import { insertNotification } from '../db/notifications.ts';
import type { Dispatcher } from '../delivery/dispatcher.ts';
import type { Settings } from '../config.ts';

const CONSUMER = 'notifications';

/** Who an event's email goes to: the customer or account holder, or the staff mailbox for stock alerts. */
function addressee(type: NotifiedEvent, data: object, settings: Settings): { recipient?: string; userId: string | null } {
  if (type === 'inventory.low_stock') return { recipient: settings.STAFF_EMAIL, userId: null };
  // Every other notified event is an order or account event: its payload names the person.
  const person = data as { email: string | null; userId: string | null };
  return { recipient: person.email ?? undefined, userId: person.userId };
}

/**
 * Turns one event into a queued email notification inside the inbox transaction; returns its id,
 * or undefined when there is nobody to write to.
 */
async function notificationFor(tx: Executor, event: EventEnvelope, settings: Settings, log: ServiceDeps['logger']): Promise<string | undefined> {
  const type = event.type as NotifiedEvent;
  const data = parseEventData(type, event.data);
  const { recipient, userId } = addressee(type, data, settings);
  if (!recipient) {
    log.warn({ eventId: event.id, eventType: type }, 'event has no email recipient; no notification sent');
    return undefined;
  }
  const locale: Locale = settings.DEFAULT_LOCALE;
  const template = await resolveTemplate(tx, { eventType: type, channel: 'email', locale });
  if (!template) throw new Error(`No email template for ${type} (${locale})`);
  const { subject, body } = renderTemplate(template, templateVariables(type, data as never, locale));
  const row = await insertNotification(tx, { id: randomUUID(), userId, recipient, channel: 'email', eventType: type, eventId: event.id, subject, body, format: template.format });
  return row?.id;
}

/** Each event is handled once (inbox); the email goes out after the notification row is committed. */
export async function consumeEvents(deps: ServiceDeps, settings: Settings, dispatcher: Dispatcher): Promise<void> {
  await deps.bus.subscribe(CONSUMER, [...notifiedEvents], async (event) => {
    let created: string | undefined;
    await handleOnce(deps.db, CONSUMER, event, async (tx) => {
      created = await notificationFor(tx, event, settings, deps.logger);
    });
    if (created) dispatcher.sendSoon(created);
  });
}
