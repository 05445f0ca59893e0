import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '@emporium/kit';
import { builtinTemplate, builtinTemplateKeys, type TemplateKey } from '../domain/templates.ts';
import type { TemplateText } from '../domain/render.ts';
import { templates, type TemplateRow } from './schema.ts';

export type TemplateSource = 'builtin' | 'override';
export interface ResolvedTemplate extends TemplateText {
  source: TemplateSource;
}

const byKey = (key: TemplateKey) => and(eq(templates.eventType, key.eventType), eq(templates.channel, key.channel), eq(templates.locale, key.locale));

/** A stored template wins over the built-in one with the same key. */
export async function resolveTemplate(db: Executor, key: TemplateKey): Promise<ResolvedTemplate | undefined> {
  const [row] = await db.select().from(templates).where(byKey(key));
  if (row) return { subject: row.subject, body: row.body, format: row.format, source: 'override' };
  const builtin = builtinTemplate(key);
  return builtin && { ...builtin, source: 'builtin' };
}

function overrideDto(row: TemplateRow) {
  return { eventType: row.eventType, channel: row.channel, locale: row.locale, subject: row.subject, body: row.body, format: row.format, source: 'override' as const, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}

/** Every effective template: the stored ones plus the built-ins they do not replace. */
export async function listTemplates(db: Db) {
  const rows = await db.select().from(templates);
  const stored = new Set(rows.map((r) => `${r.eventType}|${r.channel}|${r.locale}`));
  const builtins = builtinTemplateKeys()
    .filter((k) => !stored.has(`${k.eventType}|${k.channel}|${k.locale}`))
    .map((k) => ({ ...k, ...builtinTemplate(k)!, source: 'builtin' as const, updatedBy: null, updatedAt: null }));
  const items = [...rows.map(overrideDto), ...builtins];
  return items.sort((a, b) => `${a.eventType}|${a.channel}|${a.locale}`.localeCompare(`${b.eventType}|${b.channel}|${b.locale}`));
}

export async function saveTemplate(db: Db, key: TemplateKey, text: TemplateText, updatedBy: string) {
  const values = { ...key, ...text, updatedBy, updatedAt: new Date() };
  const [row] = await db
    .insert(templates)
    .values(values)
    .onConflictDoUpdate({ target: [templates.eventType, templates.channel, templates.locale], set: { subject: values.subject, body: values.body, format: values.format, updatedBy, updatedAt: values.updatedAt } })
    .returning();
  return overrideDto(row!);
}

/** Removes a stored template (the built-in, if any, applies again); false if there was none. */
export async function deleteTemplate(db: Db, key: TemplateKey): Promise<boolean> {
  const deleted = await db.delete(templates).where(byKey(key)).returning({ locale: templates.locale });
  return deleted.length > 0;
}
