import { z } from 'zod';
import { badRequest, notFound, requirePermission, requirePrincipal, type ServiceApp } from '@emporium/kit';
import { channelSchema, localeSchema, notifiedEventSchema, sampleVariables, type TemplateKey } from '../domain/templates.ts';
import { renderTemplate, TemplateRenderError, type TemplateText } from '../domain/render.ts';
import { deleteTemplate, listTemplates, saveTemplate } from '../db/templates.ts';
import type { RouteContext } from './context.ts';

const keyParams = z.object({ eventType: notifiedEventSchema, channel: channelSchema, locale: localeSchema });

const templateBody = z.object({
  subject: z.string().trim().min(1).max(300),
  body: z.string().min(1).max(20_000),
  /** Defaults to html for email, text for SMS and push (which cannot carry HTML). */
  format: z.enum(['text', 'html']).optional(),
});

/** Renders the template against a sample of its event, so a typo is a 400 now rather than a failed send later. */
function checkTemplate(key: TemplateKey, text: TemplateText): void {
  try {
    renderTemplate(text, sampleVariables(key.eventType, key.locale));
  } catch (error) {
    if (!(error instanceof TemplateRenderError)) throw error;
    throw badRequest(error.message, { missing: error.missing, allowed: Object.keys(sampleVariables(key.eventType, key.locale)) });
  }
}

export function templateRoutes(app: ServiceApp, { db }: RouteContext): void {
  const staffOnly = requirePermission('notifications:manage');

  app.get('/notifications/templates', { preHandler: staffOnly }, async () => ({ items: await listTemplates(db) }));

  app.put('/notifications/templates/:eventType/:channel/:locale', { preHandler: staffOnly, schema: { params: keyParams, body: templateBody } }, async (request) => {
    const key = request.params;
    const format = request.body.format ?? (key.channel === 'email' ? 'html' : 'text');
    if (format === 'html' && key.channel !== 'email') throw badRequest(`${key.channel} templates are plain text`, { field: 'body.format' });
    const text = { subject: request.body.subject, body: request.body.body, format };
    checkTemplate(key, text);
    return saveTemplate(db, key, text, requirePrincipal(request).userId);
  });

  app.delete('/notifications/templates/:eventType/:channel/:locale', { preHandler: staffOnly, schema: { params: keyParams } }, async (request, reply) => {
    if (!(await deleteTemplate(db, request.params))) throw notFound('No stored template with that key');
    return reply.code(204).send();
  });
}
