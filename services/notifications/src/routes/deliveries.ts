import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { idempotencyHeaders, idempotentRequestOf, requirePermission, requirePrincipal, runIdempotent, type ServiceApp } from '@emporium/kit';
import { insertNotification, listByStatus, toDto } from '../db/notifications.ts';
import { pageQuery, type RouteContext } from './context.ts';

const subject = z.string().trim().min(1).max(300);
const userId = z.string().min(1).max(200).optional();

/** A manual message; the recipient's form depends on the channel. */
const sendBody = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('email'), recipient: z.email().max(254), subject, body: z.string().min(1).max(20_000), format: z.enum(['text', 'html']).default('text'), userId }),
  z.object({ channel: z.literal('sms'), recipient: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +34600111222'), subject: subject.optional(), body: z.string().min(1).max(1_600), userId }),
  z.object({ channel: z.literal('push'), recipient: z.string().min(1).max(512), subject, body: z.string().min(1).max(4_000), userId }),
]);

export function deliveryRoutes(app: ServiceApp, { db, dispatcher }: RouteContext): void {
  const staffOnly = requirePermission('notifications:manage');

  app.get('/notifications/deliveries', { preHandler: staffOnly, schema: { querystring: pageQuery.extend({ status: z.enum(['queued', 'sent', 'failed']).optional() }) } }, async (request) => {
    const { status, ...page } = request.query;
    return listByStatus(db, status, page);
  });

  app.post(
    '/notifications/send',
    { preHandler: staffOnly, schema: { body: sendBody, headers: idempotencyHeaders } },
    async (request, reply) => {
      const body = request.body;
      const response = await runIdempotent(db, idempotentRequestOf(request), async (save) => {
        const row = await db.transaction(async (tx) => {
          const row = (await insertNotification(tx, {
            id: randomUUID(),
            userId: body.userId ?? null,
            recipient: body.recipient,
            channel: body.channel,
            eventType: 'manual',
            subject: body.subject ?? '',
            body: body.body,
            format: body.channel === 'email' ? body.format : 'text',
            createdBy: requirePrincipal(request).userId,
          }))!;
          await save(tx, { status: 202, body: toDto(row) });
          return row;
        });
        dispatcher.sendSoon(row.id);
        return { status: 202, body: toDto(row) };
      });
      return reply.code(response.status).send(response.body);
    },
  );
}
