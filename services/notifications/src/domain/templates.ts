import { z } from 'zod';
import { notificationsManifest, type EventData } from '@emporium/contracts';
import { formatMinorUnits } from './money.ts';
import type { TemplateText, TemplateVariables } from './render.ts';

/** The events this service turns into notifications: the ones its manifest says it consumes. */
export const notifiedEvents = notificationsManifest.consumes;
export type NotifiedEvent = (typeof notifiedEvents)[number];
export const notifiedEventSchema = z.enum(notifiedEvents);

/**
 * Emails carrying a single-use link that signs its holder in or sets a password. Their bodies are
 * never shown through the API (staff read deliveries) and are wiped once sent.
 */
export const confidentialEvents: ReadonlySet<string> = new Set(['user.email_verification_requested', 'user.password_reset_requested']);

export const channels = ['email', 'sms', 'push'] as const;
export type ChannelName = (typeof channels)[number];
export const channelSchema = z.enum(channels);

export const locales = ['en', 'es'] as const;
export type Locale = (typeof locales)[number];
export const localeSchema = z.enum(locales);

export interface TemplateKey {
  eventType: NotifiedEvent;
  channel: ChannelName;
  locale: Locale;
}

/**
 * The values a template for each event may use, derived from the event's payload. Money is
 * formatted here, in the notification's locale, from integer minor units.
 */
const variableBuilders: { [E in NotifiedEvent]: (data: EventData<E>, locale: Locale) => TemplateVariables } = {
  'order.paid': (d, locale) => ({
    orderId: d.orderId,
    total: formatMinorUnits(d.total, d.currency, locale),
    currency: d.currency,
    itemCount: d.lines.reduce((n, line) => n + line.quantity, 0),
    paymentId: d.paymentId,
  }),
  'order.payment_failed': (d) => ({ orderId: d.orderId, reason: d.reason }),
  'order.shipped': (d) => ({ orderId: d.orderId, carrier: d.carrier, trackingNumber: d.trackingNumber }),
  'order.refunded': (d, locale) => ({ orderId: d.orderId, amount: formatMinorUnits(d.amount, d.currency, locale), currency: d.currency }),
  'order.cancelled': (d) => ({ orderId: d.orderId, reason: d.reason }),
  'inventory.low_stock': (d) => ({ sku: d.sku, warehouseId: d.warehouseId, available: d.available, threshold: d.threshold }),
  'user.email_verification_requested': (d, locale) => ({ email: d.email, verifyUrl: d.verifyUrl, expiresAt: formatTime(d.expiresAt, locale) }),
  'user.password_reset_requested': (d, locale) => ({ email: d.email, resetUrl: d.resetUrl, expiresAt: formatTime(d.expiresAt, locale) }),
  'user.signup_with_existing_email': (d) => ({ email: d.email, signInUrl: d.signInUrl, forgotPasswordUrl: d.forgotPasswordUrl }),
  'user.password_changed': (d) => ({ email: d.email, forgotPasswordUrl: d.forgotPasswordUrl }),
};

/** A link's expiry as the reader's locale writes it, in UTC (events carry no time zone of the reader). */
function formatTime(iso: string, locale: Locale): string {
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
}

export function templateVariables<E extends NotifiedEvent>(eventType: E, data: EventData<E>, locale: Locale): TemplateVariables {
  return variableBuilders[eventType](data, locale);
}

/** A representative payload per event: used to check an edited template before it is stored. */
const samplePayloads: { [E in NotifiedEvent]: EventData<E> } = {
  'order.paid': { orderId: 'ord_1', userId: 'u1', email: 'ada@example.com', total: 1234, currency: 'EUR', lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: 617 }], paymentId: 'pay_1' },
  'order.payment_failed': { orderId: 'ord_1', userId: 'u1', email: 'ada@example.com', reason: 'card_declined' },
  'order.shipped': { orderId: 'ord_1', userId: 'u1', email: 'ada@example.com', carrier: 'UPS', trackingNumber: '1Z999' },
  'order.refunded': { orderId: 'ord_1', userId: 'u1', email: 'ada@example.com', amount: 500, currency: 'EUR' },
  'order.cancelled': { orderId: 'ord_1', userId: 'u1', email: 'ada@example.com', reason: 'customer request' },
  'inventory.low_stock': { sku: 'SKU-1', warehouseId: 'wh-1', available: 2, threshold: 5 },
  'user.email_verification_requested': { userId: 'u1', email: 'ada@example.com', verifyUrl: 'https://shop.example/account/verify-email?token=t', expiresAt: '2030-01-02T03:04:05.000Z' },
  'user.password_reset_requested': { userId: 'u1', email: 'ada@example.com', resetUrl: 'https://shop.example/account/reset-password?token=t', expiresAt: '2030-01-02T03:04:05.000Z' },
  'user.signup_with_existing_email': { userId: 'u1', email: 'ada@example.com', signInUrl: 'https://shop.example/account/sign-in', forgotPasswordUrl: 'https://shop.example/account/forgot-password' },
  'user.password_changed': { userId: 'u1', email: 'ada@example.com', forgotPasswordUrl: 'https://shop.example/account/forgot-password' },
};

export function sampleVariables(eventType: NotifiedEvent, locale: Locale): TemplateVariables {
  return templateVariables(eventType, samplePayloads[eventType] as never, locale);
}

const html = (subject: string, body: string): TemplateText => ({ subject, body, format: 'html' });

/**
 * The templates shipped with the service. Events reach people by email (their payloads carry an
 * email address, not a phone or device), so the built-ins are email; staff may add or override any
 * (event, channel, locale) through the API, and a stored template wins over a built-in one.
 */
const builtins: Record<Locale, Record<NotifiedEvent, TemplateText>> = {
  en: {
    'order.paid': html('Order {{orderId}} confirmed', '<p>Thank you for your order!</p><p>Order <strong>{{orderId}}</strong> is paid: {{itemCount}} item(s), total <strong>{{total}}</strong>.</p><p>We will let you know when it ships.</p>'),
    'order.payment_failed': html('Payment for order {{orderId}} failed', '<p>We could not take the payment for order <strong>{{orderId}}</strong> ({{reason}}).</p><p>Please try again with another payment method.</p>'),
    'order.shipped': html('Order {{orderId}} has shipped', '<p>Order <strong>{{orderId}}</strong> is on its way with {{carrier}}.</p><p>Tracking number: <strong>{{trackingNumber}}</strong></p>'),
    'order.refunded': html('Refund for order {{orderId}}', '<p>We refunded <strong>{{amount}}</strong> for order <strong>{{orderId}}</strong>.</p><p>It can take a few days to appear on your statement.</p>'),
    'order.cancelled': html('Order {{orderId}} cancelled', '<p>Order <strong>{{orderId}}</strong> was cancelled ({{reason}}).</p><p>You have not been charged for it.</p>'),
    'inventory.low_stock': html('Low stock: {{sku}}', '<p>SKU <strong>{{sku}}</strong> in warehouse {{warehouseId}} is down to {{available}} (threshold {{threshold}}).</p>'),
    'user.email_verification_requested': html('Confirm your email address', '<p>Welcome to Emporium!</p><p>Please confirm that {{email}} is your address: <a href="{{verifyUrl}}">{{verifyUrl}}</a></p><p>The link works once, until {{expiresAt}}.</p>'),
    'user.password_reset_requested': html('Reset your password', '<p>Someone asked to reset the password of the Emporium account for {{email}}.</p><p>To choose a new password, open <a href="{{resetUrl}}">{{resetUrl}}</a> (it works once, until {{expiresAt}}).</p><p>If it was not you, ignore this email: your password stays as it is.</p>'),
    'user.signup_with_existing_email': html('You already have an account', '<p>Someone tried to sign up at Emporium with {{email}}, but this address already has an account.</p><p>If it was you, sign in at <a href="{{signInUrl}}">{{signInUrl}}</a>, or reset your password at <a href="{{forgotPasswordUrl}}">{{forgotPasswordUrl}}</a>.</p><p>If it was not you, you can ignore this email.</p>'),
    'user.password_changed': html('Your password was changed', '<p>The password of the Emporium account for {{email}} was just changed, and every device was signed out.</p><p>If you did not do this, reset your password now at <a href="{{forgotPasswordUrl}}">{{forgotPasswordUrl}}</a>.</p>'),
  },
  es: {
    'order.paid': html('Pedido {{orderId}} confirmado', '<p>¡Gracias por tu compra!</p><p>El pedido <strong>{{orderId}}</strong> está pagado: {{itemCount}} artículo(s), total <strong>{{total}}</strong>.</p><p>Te avisaremos cuando se envíe.</p>'),
    'order.payment_failed': html('Falló el pago del pedido {{orderId}}', '<p>No pudimos cobrar el pedido <strong>{{orderId}}</strong> ({{reason}}).</p><p>Inténtalo de nuevo con otro medio de pago.</p>'),
    'order.shipped': html('El pedido {{orderId}} fue enviado', '<p>El pedido <strong>{{orderId}}</strong> va en camino con {{carrier}}.</p><p>Número de seguimiento: <strong>{{trackingNumber}}</strong></p>'),
    'order.refunded': html('Reembolso del pedido {{orderId}}', '<p>Reembolsamos <strong>{{amount}}</strong> del pedido <strong>{{orderId}}</strong>.</p><p>Puede tardar unos días en verse en tu extracto.</p>'),
    'order.cancelled': html('Pedido {{orderId}} cancelado', '<p>El pedido <strong>{{orderId}}</strong> fue cancelado ({{reason}}).</p><p>No se te ha cobrado.</p>'),
    'inventory.low_stock': html('Stock bajo: {{sku}}', '<p>El SKU <strong>{{sku}}</strong> del almacén {{warehouseId}} bajó a {{available}} (umbral {{threshold}}).</p>'),
    'user.email_verification_requested': html('Confirma tu dirección de correo', '<p>¡Bienvenido a Emporium!</p><p>Confirma que {{email}} es tu dirección: <a href="{{verifyUrl}}">{{verifyUrl}}</a></p><p>El enlace sirve una vez, hasta el {{expiresAt}}.</p>'),
    'user.password_reset_requested': html('Restablece tu contraseña', '<p>Alguien pidió restablecer la contraseña de la cuenta de Emporium de {{email}}.</p><p>Para elegir una nueva, abre <a href="{{resetUrl}}">{{resetUrl}}</a> (sirve una vez, hasta el {{expiresAt}}).</p><p>Si no fuiste tú, ignora este correo: tu contraseña no cambia.</p>'),
    'user.signup_with_existing_email': html('Ya tienes una cuenta', '<p>Alguien intentó registrarse en Emporium con {{email}}, pero esta dirección ya tiene una cuenta.</p><p>Si fuiste tú, inicia sesión en <a href="{{signInUrl}}">{{signInUrl}}</a> o restablece tu contraseña en <a href="{{forgotPasswordUrl}}">{{forgotPasswordUrl}}</a>.</p><p>Si no fuiste tú, puedes ignorar este correo.</p>'),
    'user.password_changed': html('Tu contraseña ha cambiado', '<p>Se acaba de cambiar la contraseña de la cuenta de Emporium de {{email}} y se cerró la sesión en todos los dispositivos.</p><p>Si no fuiste tú, restablece tu contraseña ahora en <a href="{{forgotPasswordUrl}}">{{forgotPasswordUrl}}</a>.</p>'),
  },
};

export function builtinTemplate(key: TemplateKey): TemplateText | undefined {
  return key.channel === 'email' ? builtins[key.locale][key.eventType] : undefined;
}

export function builtinTemplateKeys(): TemplateKey[] {
  return locales.flatMap((locale) => notifiedEvents.map((eventType) => ({ eventType, channel: 'email' as const, locale })));
}
