/**
 * Renders `{{name}}` placeholders. Pure: no I/O, no template language beyond substitution,
 * so an overridden template can never run code. HTML bodies get their values escaped.
 */
export type TemplateFormat = 'text' | 'html';

export interface TemplateText {
  subject: string;
  body: string;
  format: TemplateFormat;
}

export type TemplateVariables = Record<string, string | number>;

export class TemplateRenderError extends Error {
  constructor(readonly missing: string[]) {
    super(`Template uses unknown variable${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  }
}

const placeholder = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Names used by a template's subject and body, in order of first use. */
export function placeholdersOf(template: Pick<TemplateText, 'subject' | 'body'>): string[] {
  const names = [...`${template.subject}\n${template.body}`.matchAll(placeholder)].map((m) => m[1]!);
  return [...new Set(names)];
}

/** Throws TemplateRenderError naming every placeholder without a value. */
export function renderTemplate(template: TemplateText, variables: TemplateVariables): { subject: string; body: string } {
  const missing = placeholdersOf(template).filter((name) => !Object.hasOwn(variables, name));
  if (missing.length) throw new TemplateRenderError(missing);
  const fill = (text: string, escape: boolean) =>
    text.replace(placeholder, (_, name: string) => {
      const value = String(variables[name]);
      return escape ? escapeHtml(value) : value;
    });
  // The subject is a mail header / push title: plain text, never escaped.
  return { subject: fill(template.subject, false), body: fill(template.body, template.format === 'html') };
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** A plain-text rendering of a simple HTML body, sent alongside it for mail clients that show text only. */
export function textFromHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => entities[entity]!)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
